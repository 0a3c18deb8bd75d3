package vn.tthc.monitor.contract.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EVENTS.md section 3: months, quarters, half-years and years are calendar periods in Asia/Ho_Chi_Minh. */
class PeriodTest {

    private static List<String> periodsOf(final String instant) {
        return Period.containing(Instant.parse(instant)).stream().map(Period::toString).toList();
    }

    @Test
    void anInstantLiesInItsMonthQuarterHalfYearAndYear() {
        assertThat(periodsOf("2026-03-02T01:15:00Z")).containsExactly("2026-03", "2026-Q1", "2026-H1", "2026");
    }

    @Test
    void sixPmUtcOnTheLastOfMarchIsAlreadyAprilInVietnam() {
        assertThat(periodsOf("2026-03-31T18:00:00Z")).containsExactly("2026-04", "2026-Q2", "2026-H1", "2026");
    }

    @Test
    void theLastSecondBeforeVietnamMidnightIsStillMarch() {
        assertThat(periodsOf("2026-03-31T16:59:59Z")).containsExactly("2026-03", "2026-Q1", "2026-H1", "2026");
    }

    @Test
    void vietnamMidnightStartsTheNextMonth() {
        assertThat(periodsOf("2026-03-31T17:00:00Z")).containsExactly("2026-04", "2026-Q2", "2026-H1", "2026");
    }

    @Test
    void newYearInVietnamStartsTheNextYearWhileUtcIsStillInDecember() {
        assertThat(periodsOf("2025-12-31T17:00:00Z")).containsExactly("2026-01", "2026-Q1", "2026-H1", "2026");
    }

    @Test
    void theLastSecondOfTheYearInVietnamIsStillTheOldYear() {
        assertThat(periodsOf("2025-12-31T16:59:59Z")).containsExactly("2025-12", "2025-Q4", "2025-H2", "2025");
    }

    @Test
    void theThirdQuarterEndsAtTheEndOfSeptemberInVietnam() {
        assertThat(periodsOf("2026-09-30T16:59:59Z")).containsExactly("2026-09", "2026-Q3", "2026-H2", "2026");
        assertThat(periodsOf("2026-09-30T17:00:00Z")).containsExactly("2026-10", "2026-Q4", "2026-H2", "2026");
    }

    @Test
    void anInstantWrittenWithAnotherOffsetIsStillPlacedByItsVietnamDate() {
        // 2026-06-30T13:30-05:00 is 2026-07-01T01:30 in Vietnam.
        assertThat(Period.containing(OffsetDateTime.parse("2026-06-30T13:30:00-05:00").toInstant())
            .stream().map(Period::toString)).containsExactly("2026-07", "2026-Q3", "2026-H2", "2026");
    }

    @Test
    void theTextFormsReadBackToTheSamePeriods() {
        assertThat(Period.parse("2026-03")).isEqualTo(new Period(Period.Kind.MONTH, 2026, 3));
        assertThat(Period.parse("2026-Q1")).isEqualTo(new Period(Period.Kind.QUARTER, 2026, 1));
        assertThat(Period.parse("2026-H2")).isEqualTo(new Period(Period.Kind.HALF_YEAR, 2026, 2));
        assertThat(Period.parse("2026")).isEqualTo(new Period(Period.Kind.YEAR, 2026, 1));
    }

    @Test
    void theFirstHalfEndsAtTheEndOfJuneInVietnam() {
        assertThat(periodsOf("2026-06-30T16:59:59Z")).contains("2026-H1");
        assertThat(periodsOf("2026-06-30T17:00:00Z")).contains("2026-H2");
        assertThat(Period.parse("2026-H1").endExclusive()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(Period.parse("2026-H2").firstDay()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(Period.parse("2026-H2").endExclusive()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void theLastSecondOf2099UtcIsIn2100InVietnam() {
        assertThat(periodsOf("2099-12-31T23:59:59Z")).containsExactly("2100-01", "2100-Q1", "2100-H1", "2100");
    }

    @Test
    void aYearBelow1000IsWrittenWithFourDigitsAndReadBack() {
        for (final Period period : Period.containing(Instant.parse("0999-06-01T08:00:00Z"))) {
            assertThat(period.toString()).startsWith("0999");
            assertThat(Period.parse(period.toString())).isEqualTo(period);
        }
        assertThat(new Period(Period.Kind.YEAR, 7, 1)).hasToString("0007");
        assertThat(Period.parse("0000-H2")).isEqualTo(new Period(Period.Kind.HALF_YEAR, 0, 2));
    }

    @Test
    void aPeriodOutsideFourDigitYearsOrItsKindsRangeCannotBeMade() {
        assertThatThrownBy(() -> new Period(Period.Kind.YEAR, 10_000, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Period(Period.Kind.MONTH, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Period(Period.Kind.HALF_YEAR, 2026, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Period(Period.Kind.YEAR, 2026, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMonthIsWrittenWithTwoDigits() {
        assertThat(new Period(Period.Kind.MONTH, 2026, 3)).hasToString("2026-03");
        assertThat(new Period(Period.Kind.MONTH, 2026, 12)).hasToString("2026-12");
    }

    @Test
    void textThatIsNoPeriodIsRefused() {
        for (final String text : new String[] {"2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-H0", "2026-H3", "2026-3", "26-03", "999", "12026",
            "+2026", "2026-W10", "2026-h1", "٢٠٢٦", "2026-03 ", ""}) {
            assertThatThrownBy(() -> Period.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aQuarterRunsFromItsFirstDayToTheFirstDayOfTheNextQuarter() {
        final Period secondQuarter = Period.parse("2026-Q2");

        assertThat(secondQuarter.firstDay()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(secondQuarter.endExclusive()).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void marchHasEndedAtVietnamMidnightAndNotASecondBefore() {
        final Period march = Period.parse("2026-03");

        assertThat(march.hasEndedAt(Instant.parse("2026-03-31T16:59:59Z"))).isFalse();
        assertThat(march.hasEndedAt(Instant.parse("2026-03-31T17:00:00Z"))).isTrue();
    }
}
