package vn.tthc.monitor.contract.kpi;

import com.fasterxml.jackson.annotation.JsonIgnore;
import vn.tthc.monitor.contract.cases.Classification;
import vn.tthc.monitor.contract.event.Channel;

/**
 * The counters of one KPI row (EVENTS.md section 3). The same record carries a change to a row,
 * where counters may be negative: a late event that corrects an earlier count subtracts it.
 */
public record KpiCounters(long received, long receivedOnline, long onlineEligible, long onlineEligibleOnline,
                          long resolved, long early, long onTime, long late, long extended, long withdrawn,
                          long ratings, long satisfied, long feedbackResolved, long feedbackOnTime) {

    public static final KpiCounters ZERO = new KpiCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** A received case, counted in the period of its {@code case.received}. */
    public static KpiCounters reception(final Channel channel, final boolean onlineEligible) {
        final long online = channel == Channel.ONLINE ? 1 : 0;
        final long eligible = onlineEligible ? 1 : 0;
        return new KpiCounters(1, online, eligible, eligible * online, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** A resolved case, counted in the period of its resolution. */
    public static KpiCounters resolution(final Classification classification, final boolean extended) {
        return new KpiCounters(0, 0, 0, 0, 1,
            classification == Classification.EARLY ? 1 : 0,
            classification == Classification.ON_TIME ? 1 : 0,
            classification == Classification.LATE ? 1 : 0,
            extended ? 1 : 0, 0, 0, 0, 0, 0);
    }

    /** A withdrawn case, counted in the period of the withdrawal. */
    public static KpiCounters withdrawal() {
        return new KpiCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0);
    }

    /** A survey, counted in its own period. */
    public static KpiCounters survey(final boolean satisfied) {
        return new KpiCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, satisfied ? 1 : 0, 0, 0);
    }

    /** A resolved feedback, counted in the period of its resolution. */
    public static KpiCounters feedback(final boolean onTime) {
        return new KpiCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, onTime ? 1 : 0);
    }

    public KpiCounters plus(final KpiCounters o) {
        return new KpiCounters(received + o.received, receivedOnline + o.receivedOnline,
            onlineEligible + o.onlineEligible, onlineEligibleOnline + o.onlineEligibleOnline,
            resolved + o.resolved, early + o.early, onTime + o.onTime, late + o.late, extended + o.extended,
            withdrawn + o.withdrawn, ratings + o.ratings, satisfied + o.satisfied,
            feedbackResolved + o.feedbackResolved, feedbackOnTime + o.feedbackOnTime);
    }

    public KpiCounters negate() {
        return ZERO.minus(this);
    }

    public KpiCounters minus(final KpiCounters o) {
        return new KpiCounters(received - o.received, receivedOnline - o.receivedOnline,
            onlineEligible - o.onlineEligible, onlineEligibleOnline - o.onlineEligibleOnline,
            resolved - o.resolved, early - o.early, onTime - o.onTime, late - o.late, extended - o.extended,
            withdrawn - o.withdrawn, ratings - o.ratings, satisfied - o.satisfied,
            feedbackResolved - o.feedbackResolved, feedbackOnTime - o.feedbackOnTime);
    }

    @JsonIgnore
    public boolean isZero() {
        return equals(ZERO);
    }
}
