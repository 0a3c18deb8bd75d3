package vn.tthc.monitor.contract.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Local dates and periods are taken in Asia/Ho_Chi_Minh (EVENTS.md sections 2 and 3). */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }

    public static LocalDate localDate(final Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }
}
