package vn.tthc.monitor.contract.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hồ Ngọc Đức's algorithm for UTC+7 against known dates, and where UTC+8 (China) differs. */
class LunarCalendarTest {

    @ParameterizedTest(name = "Tết {0} is {1}")
    @CsvSource({
        "2020, 2020-01-25",
        "2023, 2023-01-22",
        "2024, 2024-02-10",
        "2025, 2025-01-29",
        "2026, 2026-02-17",
        "2027, 2027-02-06",
    })
    void tetFallsOnItsKnownDate(final int year, final LocalDate tet) {
        assertThat(LunarCalendar.VIETNAM.newYear(year)).isEqualTo(tet);
        assertThat(LunarCalendar.VIETNAM.toLunar(tet)).isEqualTo(LunarDate.of(year, 1, 1));
    }

    @Test
    void tet1985IsAMonthEarlierInVietnamThanInChina() {
        assertThat(LunarCalendar.VIETNAM.newYear(1985)).isEqualTo(LocalDate.of(1985, 1, 21));
        assertThat(LunarCalendar.CHINA.newYear(1985)).isEqualTo(LocalDate.of(1985, 2, 20));
    }

    @Test
    void tet2007IsADayEarlierInVietnamThanInChina() {
        assertThat(LunarCalendar.VIETNAM.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 17));
        assertThat(LunarCalendar.CHINA.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 18));
    }

    @Test
    void tet2030IsADayEarlierInVietnamThanInChina() {
        assertThat(LunarCalendar.VIETNAM.newYear(2030)).isEqualTo(LocalDate.of(2030, 2, 2));
        assertThat(LunarCalendar.CHINA.newYear(2030)).isEqualTo(LocalDate.of(2030, 2, 3));
    }

    @Test
    void mostYearsTheTwoCalendarsAgreeOnTet() {
        for (final int year : new int[] {2020, 2023, 2024, 2025, 2026, 2027}) {
            assertThat(LunarCalendar.CHINA.newYear(year)).as("Tết %d", year).isEqualTo(LunarCalendar.VIETNAM.newYear(year));
        }
    }

    @ParameterizedTest(name = "Giỗ Tổ Hùng Vương {0} is {1}")
    @CsvSource({
        "2023, 2023-04-29",
        "2024, 2024-04-18",
        "2025, 2025-04-07",
        "2026, 2026-04-26",
        "2027, 2027-04-16",
    })
    void hungKingsDayIsTheTenthOfTheThirdLunarMonth(final int year, final LocalDate date) {
        assertThat(LunarCalendar.VIETNAM.toSolar(LunarDate.of(year, 3, 10))).isEqualTo(date);
    }

    @Test
    void theLastDayOfTheYearBeforeTet2026IsThe29thOfTheTwelfthMonth() {
        assertThat(LunarCalendar.VIETNAM.toLunar(LocalDate.of(2026, 2, 16))).isEqualTo(LunarDate.of(2025, 12, 29));
        assertThat(LunarCalendar.VIETNAM.toLunar(LocalDate.of(2024, 2, 9))).isEqualTo(LunarDate.of(2023, 12, 30));
    }

    @Test
    void leapMonthsAreNamedAndConvertBack() {
        // 2023 repeated its second month, 2025 its sixth
        assertThat(LunarCalendar.VIETNAM.toLunar(LocalDate.of(2023, 3, 22))).isEqualTo(new LunarDate(2023, 2, 1, true));
        assertThat(LunarCalendar.VIETNAM.toLunar(LocalDate.of(2025, 7, 25))).isEqualTo(new LunarDate(2025, 6, 1, true));
        assertThat(LunarCalendar.VIETNAM.toSolar(new LunarDate(2025, 6, 1, true))).isEqualTo(LocalDate.of(2025, 7, 25));
        assertThat(LunarCalendar.VIETNAM.toSolar(LunarDate.of(2025, 7, 1))).isEqualTo(LocalDate.of(2025, 8, 23));
    }

    @Test
    void aLeapMonthTheYearDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> LunarCalendar.VIETNAM.toSolar(new LunarDate(2024, 6, 1, true)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LunarCalendar.VIETNAM.toSolar(new LunarDate(2025, 5, 1, true)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyDayConvertsToLunarAndBack() {
        for (LocalDate day = LocalDate.of(1990, 1, 1); day.isBefore(LocalDate.of(2041, 1, 1)); day = day.plusDays(1)) {
            final LunarDate lunar = LunarCalendar.VIETNAM.toLunar(day);
            assertThat(LunarCalendar.VIETNAM.toSolar(lunar)).as("%s = %s", day, lunar).isEqualTo(day);
        }
    }
}
