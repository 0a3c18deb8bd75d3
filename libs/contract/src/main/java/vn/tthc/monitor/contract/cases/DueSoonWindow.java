package vn.tthc.monitor.contract.cases;

import java.time.Duration;
import java.time.Instant;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;

/** When a case becomes due soon (sắp đến hạn): the start of the window that ends at its due time. */
@FunctionalInterface
public interface DueSoonWindow {

    Instant opensAt(Instant due);

    /** A window of a fixed length, whatever the calendar says; it opens at {@link Instant#MIN} at the earliest. */
    static DueSoonWindow fixed(final Duration length) {
        return due -> due.isBefore(Instant.MIN.plus(length)) ? Instant.MIN : due.minus(length);
    }

    /**
     * A window of {@code days} working days: a case due Monday 08:00 is due soon from Friday 08:00,
     * one due the morning after Tết from the same hour of the last working day before it.
     */
    static DueSoonWindow workingDays(final WorkingCalendar calendar, final int days) {
        return due -> calendar.minusWorkingDays(due, days);
    }
}
