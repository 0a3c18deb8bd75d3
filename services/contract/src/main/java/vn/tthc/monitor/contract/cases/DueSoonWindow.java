package vn.tthc.monitor.contract.cases;

import java.time.Duration;
import java.time.Instant;

/** When a case becomes due soon (sắp đến hạn): the start of the window that ends at its due time. */
@FunctionalInterface
public interface DueSoonWindow {

    Instant opensAt(Instant due);

    /** A window of a fixed length, whatever the calendar says. */
    static DueSoonWindow fixed(final Duration length) {
        return due -> due.minus(length);
    }
}
