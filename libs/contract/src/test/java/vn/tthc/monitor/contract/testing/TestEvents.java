package vn.tthc.monitor.contract.testing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import vn.tthc.monitor.contract.cases.CaseAssessment;
import vn.tthc.monitor.contract.cases.CaseClock;
import vn.tthc.monitor.contract.cases.CaseHistory;
import vn.tthc.monitor.contract.event.CaseEvent;
import vn.tthc.monitor.contract.event.CaseExtended;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.CaseReturned;
import vn.tthc.monitor.contract.event.CaseWithdrawn;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.FeedbackReceived;
import vn.tthc.monitor.contract.event.FeedbackResolved;
import vn.tthc.monitor.contract.event.Rating;
import vn.tthc.monitor.contract.event.SupplementReceived;
import vn.tthc.monitor.contract.event.SupplementRequested;
import vn.tthc.monitor.contract.event.SurveySubmitted;

/**
 * Valid events for rule tests, built directly (the parser has its own tests). Case events belong to
 * {@link #CASE}, received by {@link #UNIT} in {@link #FIELD} unless a test says otherwise; times are
 * written as Vietnam wall-clock times with {@link #vn(String)}.
 */
public final class TestEvents {

    public static final String CASE = "C1";
    public static final String UNIT = "UBND-P-VTS";
    public static final String FIELD = "HO_TICH";
    public static final String FEEDBACK = "F1";

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private TestEvents() {
    }

    /** The instant of a Vietnam wall-clock time, e.g. {@code vn("2026-03-05T17:00")}. */
    public static Instant vn(final String localDateTime) {
        return LocalDateTime.parse(localDateTime).toInstant(VIETNAM);
    }

    /** A counter reception, not offered fully online, by {@link #UNIT} in {@link #FIELD}. */
    public static CaseReceived received(final String eventId, final Instant at, final Instant due) {
        return received(eventId, at, due, FIELD, Channel.COUNTER, false);
    }

    public static CaseReceived received(final String eventId, final Instant at, final Instant due, final String fieldId,
                                        final Channel channel, final boolean onlineEligible) {
        return new CaseReceived(eventId, at, null, CASE, UNIT, fieldId, "1.004227", channel, onlineEligible, due);
    }

    public static SupplementRequested supplementRequested(final String eventId, final Instant at) {
        return new SupplementRequested(eventId, at, null, CASE);
    }

    /** A supplement; {@code newDue} is the recomputed due time, or {@code null} when the case system sent none. */
    public static SupplementReceived supplementReceived(final String eventId, final Instant at, final Instant newDue) {
        return new SupplementReceived(eventId, at, null, CASE, newDue);
    }

    public static CaseExtended extended(final String eventId, final Instant at, final Instant promisedDue) {
        return new CaseExtended(eventId, at, null, CASE, promisedDue);
    }

    public static CaseResolved resolved(final String eventId, final Instant at) {
        return new CaseResolved(eventId, at, null, CASE, CaseResult.APPROVED);
    }

    public static CaseWithdrawn withdrawn(final String eventId, final Instant at) {
        return new CaseWithdrawn(eventId, at, null, CASE);
    }

    public static CaseReturned returned(final String eventId, final Instant at) {
        return new CaseReturned(eventId, at, null, CASE);
    }

    /** A survey on {@code unitId}; {@code fieldId} may be {@code null}. */
    public static SurveySubmitted survey(final String eventId, final Instant at, final String unitId,
                                         final String fieldId, final Rating rating) {
        return new SurveySubmitted(eventId, at, null, unitId, fieldId, null, rating);
    }

    public static FeedbackReceived feedbackReceived(final String eventId, final Instant at, final Instant due) {
        return new FeedbackReceived(eventId, at, null, FEEDBACK, UNIT, due);
    }

    public static FeedbackResolved feedbackResolved(final String eventId, final Instant at) {
        return new FeedbackResolved(eventId, at, null, FEEDBACK);
    }

    /** The history of {@link #CASE} after the events arrived in the given order. */
    public static CaseHistory history(final CaseEvent... arrivals) {
        CaseHistory history = CaseHistory.empty(CASE);
        for (final CaseEvent event : arrivals) {
            history = history.with(event);
        }
        return history;
    }

    /** What the case clock makes of the events, arrived in the given order. */
    public static CaseAssessment assess(final CaseEvent... arrivals) {
        return CaseClock.assess(history(arrivals));
    }
}
