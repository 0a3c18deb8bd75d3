package vn.tthc.monitor.contract.kpi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.function.ToLongFunction;

/**
 * The four KPIs of EVENTS.md section 3, each a ratio of two counters of a row. The volume is the
 * denominator; a KPI with volume 0 has no value.
 */
public enum Kpi {
    /** tỷ lệ giải quyết đúng hạn: (early + onTime) / resolved. */
    ON_TIME_RATE("onTimeRate", c -> c.early() + c.onTime(), KpiCounters::resolved, "0.98"),
    /** tỷ lệ hài lòng: satisfied / ratings. */
    SATISFACTION_RATE("satisfactionRate", KpiCounters::satisfied, KpiCounters::ratings, "0.96"),
    /** tỷ lệ toàn trình trực tuyến: onlineEligibleOnline / onlineEligible. */
    ONLINE_RATE("onlineRate", KpiCounters::onlineEligibleOnline, KpiCounters::onlineEligible, "1.0"),
    /** PAKN xử lý đúng hạn: feedbackOnTime / feedbackResolved. */
    FEEDBACK_ON_TIME_RATE("feedbackOnTimeRate", KpiCounters::feedbackOnTime, KpiCounters::feedbackResolved, "1.0");

    private final String id;
    private final ToLongFunction<KpiCounters> numerator;
    private final ToLongFunction<KpiCounters> volume;
    private final BigDecimal defaultTarget;

    Kpi(final String id, final ToLongFunction<KpiCounters> numerator, final ToLongFunction<KpiCounters> volume,
        final String defaultTarget) {
        this.id = id;
        this.numerator = numerator;
        this.volume = volume;
        this.defaultTarget = new BigDecimal(defaultTarget);
    }

    /** The objective's Vietnamese name, as users read it: "Tỷ lệ hồ sơ giải quyết đúng hạn" for {@code onTimeRate}. */
    public String vietnameseName() {
        return switch (this) {
            case ON_TIME_RATE -> "Tỷ lệ hồ sơ giải quyết đúng hạn";
            case SATISFACTION_RATE -> "Tỷ lệ hài lòng";
            case ONLINE_RATE -> "Tỷ lệ dịch vụ công trực tuyến toàn trình";
            case FEEDBACK_ON_TIME_RATE -> "Tỷ lệ phản ánh kiến nghị xử lý đúng hạn";
        };
    }

    /** The name used in reports and targets files, e.g. {@code onTimeRate}. */
    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Kpi fromId(final String id) {
        for (final Kpi kpi : values()) {
            if (kpi.id.equals(id)) {
                return kpi;
            }
        }
        throw new IllegalArgumentException("unknown KPI '" + id + "'");
    }

    public long numerator(final KpiCounters counters) {
        return numerator.applyAsLong(counters);
    }

    public long volume(final KpiCounters counters) {
        return volume.applyAsLong(counters);
    }

    /** The value as a double, or {@code null} when the volume is 0. */
    public Double value(final KpiCounters counters) {
        final long v = volume(counters);
        return v == 0 ? null : (double) numerator(counters) / v;
    }

    /** The section-3 default target of every row; {@link Targets} adds the {@code DAT_DAI} override. */
    public BigDecimal defaultTarget() {
        return defaultTarget;
    }
}
