package vn.tthc.monitor.contract.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import vn.tthc.monitor.contract.kpi.VietnamTime;

/** How the reports write ratios, counts and times: {@code 97,50%}, {@code 12.345}, {@code 05/12/2026 14:15}. */
public final class VietnameseFormat {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
        .withZone(VietnamTime.ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(VietnamTime.ZONE);

    private VietnameseFormat() {
    }

    /**
     * {@code good / volume} as a percentage with two decimals and a decimal comma, cut rather than rounded so that
     * a value just under its target never reads as the target: 39/40 is "97,50%", 9799/10000 "97,99%".
     */
    public static String percent(final long good, final long volume) {
        return percentText(BigDecimal.valueOf(good).movePointRight(2).divide(BigDecimal.valueOf(volume), 2, RoundingMode.DOWN));
    }

    /** A target (a ratio, e.g. 0.975) as "97,50%". */
    public static String percent(final BigDecimal ratio) {
        return percentText(ratio.movePointRight(2).setScale(2, RoundingMode.DOWN));
    }

    private static String percentText(final BigDecimal percent) {
        return percent.toPlainString().replace('.', ',') + "%";
    }

    /** A whole number with dots between thousands: "12.345". */
    public static String count(final long count) {
        return String.format(java.util.Locale.ROOT, "%,d", count).replace(',', '.');
    }

    /** "05/12/2026 14:15", Asia/Ho_Chi_Minh. */
    public static String dateTime(final Instant instant) {
        return DATE_TIME.format(instant);
    }

    /** "05/12/2026", Asia/Ho_Chi_Minh. */
    public static String date(final Instant instant) {
        return DATE.format(instant);
    }
}
