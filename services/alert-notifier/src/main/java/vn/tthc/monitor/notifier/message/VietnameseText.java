package vn.tthc.monitor.notifier.message;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.notifier.registry.FieldNames;
import vn.tthc.monitor.notifier.registry.Unit;

/** How KPIs, periods, ratios, times and durations read in the notifications. */
public final class VietnameseText {

    private static final int MAX_NAME_LENGTH = 200;
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final DateTimeFormatter DATE_TIME =
        DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy", VIETNAMESE).withZone(VietnamTime.ZONE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", VIETNAMESE).withZone(VietnamTime.ZONE);

    private VietnameseText() {
    }

    /** The KPI's name, e.g. "Tỷ lệ hồ sơ giải quyết đúng hạn" for {@code onTimeRate}. */
    public static String kpiName(final Kpi kpi) {
        return kpi.vietnameseName();
    }

    /** What the KPI counts against it, for "N … more" sentences: "hồ sơ trễ hạn" for the on-time rate. */
    public static String countedAgainst(final Kpi kpi) {
        return switch (kpi) {
            case ON_TIME_RATE -> "hồ sơ trễ hạn";
            case SATISFACTION_RATE -> "đánh giá không hài lòng";
            case ONLINE_RATE -> "hồ sơ không nộp trực tuyến toàn trình";
            case FEEDBACK_ON_TIME_RATE -> "phản ánh kiến nghị xử lý trễ hạn";
        };
    }

    /** What the volume of a KPI counts: "hồ sơ", "đánh giá", "phản ánh kiến nghị". */
    public static String volumeNoun(final Kpi kpi) {
        return switch (kpi) {
            case ON_TIME_RATE, ONLINE_RATE -> "hồ sơ";
            case SATISFACTION_RATE -> "đánh giá";
            case FEEDBACK_ON_TIME_RATE -> "phản ánh kiến nghị";
        };
    }

    /** What the driving ids of the KPI are: cases, except feedback for the feedback KPI. */
    public static String drivingItems(final Kpi kpi) {
        return kpi == Kpi.FEEDBACK_ON_TIME_RATE ? "Phản ánh kiến nghị liên quan" : "Hồ sơ liên quan";
    }

    /**
     * "tháng 11/2026", "quý 4/2026", "6 tháng đầu năm 2026" / "6 tháng cuối năm 2026" or "năm 2026";
     * the text itself, {@link MailText#quoted quoted}, if it is not a period.
     */
    public static String periodName(final String period) {
        final Period parsed;
        try {
            parsed = Period.parse(period);
        } catch (final IllegalArgumentException e) {
            return MailText.quoted(period);
        }
        return switch (parsed.kind()) {
            case MONTH -> "tháng " + parsed.index() + "/" + parsed.year();
            case QUARTER -> "quý " + parsed.index() + "/" + parsed.year();
            case HALF_YEAR -> "6 tháng " + (parsed.index() == 1 ? "đầu" : "cuối") + " năm " + parsed.year();
            case YEAR -> "năm " + parsed.year();
        };
    }

    /** "tất cả lĩnh vực" for the unit's all-fields row, else "lĩnh vực Đất đai" ("lĩnh vực «X»" for a field not in the table). */
    public static String fieldName(final String fieldId, final FieldNames fields) {
        return KpiRowKey.ALL_FIELDS.equals(fieldId) ? "tất cả lĩnh vực" : "lĩnh vực " + fieldLabel(fieldId, fields);
    }

    /** A field's name from the field table, on one line; the id quoted «…» when the table does not have it. */
    public static String fieldLabel(final String fieldId, final FieldNames fields) {
        return fields.name(fieldId).map(name -> MailText.plain(name, MAX_NAME_LENGTH)).orElseGet(() -> MailText.quoted(fieldId));
    }

    /** A unit's name from the registry, on one line (names are configuration, not event data, and are not quoted). */
    public static String unitName(final Unit unit) {
        return MailText.plain(unit.name(), MAX_NAME_LENGTH);
    }

    /**
     * A ratio as a percentage with a decimal comma and at most two decimals, cut rather than rounded
     * so that a value just under its target never reads as the target: 0.97999 is "97,99%", 1.0 is "100%".
     */
    public static String percent(final double ratio) {
        final BigDecimal percent = BigDecimal.valueOf(ratio).movePointRight(2).setScale(2, RoundingMode.DOWN);
        final DecimalFormat format = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(VIETNAMESE));
        format.setRoundingMode(RoundingMode.DOWN);
        return format.format(percent) + "%";
    }

    /** A whole number with dots between thousands: 12.345. */
    public static String count(final long count) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(VIETNAMESE)).format(count);
    }

    /** "14:05 ngày 22/11/2026", Vietnam time. */
    public static String dateTime(final Instant instant) {
        return DATE_TIME.format(instant);
    }

    /** "14:05", Vietnam time. */
    public static String time(final Instant instant) {
        return TIME.format(instant);
    }

    /** "1 ngày 2 giờ", "4 giờ", "15 phút"; "dưới 1 phút" below a minute. */
    public static String duration(final Duration duration) {
        final List<String> parts = new ArrayList<>();
        if (duration.toDays() > 0) {
            parts.add(duration.toDays() + " ngày");
        }
        if (duration.toHoursPart() > 0) {
            parts.add(duration.toHoursPart() + " giờ");
        }
        if (duration.toMinutesPart() > 0) {
            parts.add(duration.toMinutesPart() + " phút");
        }
        return parts.isEmpty() ? "dưới 1 phút" : String.join(" ", parts);
    }
}
