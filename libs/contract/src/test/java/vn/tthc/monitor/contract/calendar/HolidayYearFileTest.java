package vn.tthc.monitor.contract.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A holiday year file is read strictly and refused when it contradicts the statutory rules. */
class HolidayYearFileTest {

    private static final String YEAR_2026 = """
        year: 2026
        status: published
        sources: ["Thông báo 9441/TB-BNV"]
        holidays:
          newYear: [2026-01-01]
          lunarNewYear: [2026-02-16, 2026-02-17, 2026-02-18, 2026-02-19, 2026-02-20]
          hungKings: [2026-04-26]
          reunificationDay: [2026-04-30]
          labourDay: [2026-05-01]
          nationalDay: [2026-09-01, 2026-09-02]
        compensatoryDaysOff:
          - {date: 2026-04-27, for: 2026-04-26}
        swaps:
          - {dayOff: 2026-08-31, workingDay: 2026-08-22}
        """;

    @Test
    void aFileThatFollowsTheRulesIsRead() {
        final HolidayYear year = read(YEAR_2026);
        assertThat(year.year()).isEqualTo(2026);
        assertThat(year.status()).isEqualTo(HolidayYear.Status.PUBLISHED);
        assertThat(year.sources()).containsExactly("Thông báo 9441/TB-BNV");
        assertThat(year.swaps()).containsExactly(new HolidayYear.Swap(LocalDate.of(2026, 8, 31), LocalDate.of(2026, 8, 22)));
    }

    @Test
    void hungKingsDayOnTheWrongDateIsRefused() {
        assertThatThrownBy(() -> read(YEAR_2026.replace("hungKings: [2026-04-26]", "hungKings: [2026-04-25]")))
            .isInstanceOf(InvalidCalendarException.class)
            .hasMessageContaining("2026.yaml")
            .hasMessageContaining("hung_kings (Giỗ Tổ Hùng Vương) is [2026-04-25]; the rules allow [2026-04-26]");
    }

    @Test
    void tetNotCoveringTheLunarNewYearIsRefused() {
        assertThatThrownBy(() -> read(YEAR_2026.replace("2026-02-16, 2026-02-17", "2026-02-23, 2026-02-17")))
            .isInstanceOf(InvalidCalendarException.class)
            .hasMessageContaining("lunar_new_year (Tết Nguyên đán)");
    }

    @Test
    void aWeekendHolidayNotGivenBackIsRefused() {
        assertThatThrownBy(() -> read(YEAR_2026.replace("  - {date: 2026-04-27, for: 2026-04-26}\n", "")))
            .isInstanceOf(InvalidCalendarException.class)
            .hasMessageContaining("holiday 2026-04-26 falls on a SUNDAY and is not given back");
    }

    @Test
    void aSwapToAWeekdayIsRefused() {
        assertThatThrownBy(() -> read(YEAR_2026.replace("workingDay: 2026-08-22", "workingDay: 2026-08-21")))
            .isInstanceOf(InvalidCalendarException.class)
            .hasMessageContaining("make-up day 2026-08-21 is not a weekend day");
    }

    @Test
    void aMissingHolidayIsRefused() {
        assertThatThrownBy(() -> read(YEAR_2026.replace("  labourDay: [2026-05-01]\n", "")))
            .isInstanceOf(InvalidCalendarException.class)
            .hasMessageContaining("labour_day (Ngày Quốc tế Lao động) is missing");
    }

    @Test
    void unknownKeysAndBadDatesNameTheirPlace() {
        assertThatThrownBy(() -> read(YEAR_2026.replace("labourDay:", "mayDay:")))
            .hasMessageContaining("2026.yaml: holidays.mayDay: unknown holiday 'mayDay'");
        assertThatThrownBy(() -> read(YEAR_2026.replace("[2026-01-01]", "[1/1/2026]")))
            .hasMessageContaining("holidays.newYear[0]: must be a date as 2025-01-29, was '1/1/2026'");
        assertThatThrownBy(() -> read(YEAR_2026.replace("status: published", "status: rumoured")))
            .hasMessageContaining("status: must be published or derived");
    }

    @Test
    void aProvinceOverrideIsReadFromAPath(@TempDir final Path dir) throws Exception {
        final Path file = dir.resolve("dien-bien.yaml");
        Files.writeString(file, """
            name: Tỉnh Điện Biên
            sources: ["Quyết định của UBND tỉnh Điện Biên"]
            daysOff:
              - {date: 2026-05-07, reason: "Kỷ niệm Chiến thắng Điện Biên Phủ"}
            workingDays:
              - {date: 2026-04-27, reason: "Trực giải quyết thủ tục hành chính"}
            """);
        final CalendarOverride override = CalendarOverride.read(file);
        assertThat(override.name()).isEqualTo("Tỉnh Điện Biên");
        assertThat(override.daysOff()).containsEntry(LocalDate.of(2026, 5, 7), "Kỷ niệm Chiến thắng Điện Biên Phủ");
        assertThat(WorkingCalendar.vietnam(override).isWorkingDay(LocalDate.of(2026, 4, 27))).isTrue();
    }

    @Test
    void anOverrideWithADayBothOffAndWorkedIsRefused() {
        assertThatThrownBy(() -> CalendarOverride.read(new ByteArrayInputStream("""
            name: X
            daysOff: [{date: 2026-05-07, reason: a}]
            workingDays: [{date: 2026-05-07, reason: b}]
            """.getBytes(StandardCharsets.UTF_8)), "x.yaml"))
            .isInstanceOf(InvalidCalendarException.class)
            .hasMessageContaining("x.yaml")
            .hasMessageContaining("days both off and worked: [2026-05-07]");
    }

    private static HolidayYear read(final String yaml) {
        return HolidayYearFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "2026.yaml",
            HolidayRules.VIETNAM);
    }
}
