package vn.tthc.monitor.contract.cases;

import java.time.Duration;
import java.time.Instant;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;

/** When a case becomes due soon (sắp đến hạn): the start of the window that ends at its due time. */
@FunctionalInterface
public interface DueSoonWindow {

    Instant opensAt(Instant due);

    /**
     * A window of a fixed length, whatever the calendar says; it opens at {@link Instant#MIN} at the earliest,
     * for any length up to {@link Duration}'s largest (longer than all of {@link Instant}'s range).
     *
     * @throws IllegalArgumentException when {@code length} is negative
     */
    static DueSoonWindow fixed(final Duration length) {
        if (length.isNegative()) {
            throw new IllegalArgumentException("a due-soon window must not be negative, was " + length);
        }
        // Duration.between never overflows between two instants; Instant.MIN.plus(length) would
        return due -> Duration.between(Instant.MIN, due).compareTo(length) <= 0 ? Instant.MIN : due.minus(length);
    }

    /**
     * A window of {@code days} working days: a case due Monday 08:00 is due soon from Friday 08:00,
     * one due the morning after Tết from the same hour of the last working day before it.
     */
    static DueSoonWindow workingDays(final WorkingCalendar calendar, final int days) {
        return due -> calendar.minusWorkingDays(due, days);
    }
}
