package vn.tthc.monitor.kpi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.kpi.VietnamTime;

/** {@code tthc.pipeline.due-soon-window} takes working days or a fixed duration. */
class DueSoonWindowSettingTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.vietnam();
    private static final Instant MONDAY_EIGHT = vietnam("2026-11-23T08:00");

    @Test
    void workingDaysFollowTheCalendar() {
        assertThat(DueSoonWindowSetting.parse("1wd", CALENDAR).opensAt(MONDAY_EIGHT)).isEqualTo(vietnam("2026-11-20T08:00"));
        assertThat(DueSoonWindowSetting.parse(" 2WD ", CALENDAR).opensAt(MONDAY_EIGHT)).isEqualTo(vietnam("2026-11-19T08:00"));
    }

    @Test
    void aDurationIsAFixedWindowWhateverTheCalendar() {
        assertThat(DueSoonWindowSetting.parse("24h", CALENDAR).opensAt(MONDAY_EIGHT)).isEqualTo(vietnam("2026-11-22T08:00"));
        assertThat(DueSoonWindowSetting.parse("60s", CALENDAR).opensAt(MONDAY_EIGHT)).isEqualTo(MONDAY_EIGHT.minusSeconds(60));
        assertThat(DueSoonWindowSetting.parse("PT2H", CALENDAR).opensAt(MONDAY_EIGHT)).isEqualTo(vietnam("2026-11-23T06:00"));
    }

    @Test
    void anythingElseIsRefusedWithTheFormsItTakes() {
        assertThatThrownBy(() -> DueSoonWindowSetting.parse("one day", CALENDAR))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'one day' is neither working days (1wd) nor a duration (24h, 60s, PT2H)");
    }

    private static Instant vietnam(final String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(VietnamTime.ZONE).toInstant();
    }
}
