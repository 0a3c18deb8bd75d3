package vn.tthc.monitor.tools.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import vn.tthc.monitor.contract.event.CaseExtended;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.CaseReturned;
import vn.tthc.monitor.contract.event.CaseWithdrawn;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.FeedbackReceived;
import vn.tthc.monitor.contract.event.FeedbackResolved;
import vn.tthc.monitor.contract.event.Rating;
import vn.tthc.monitor.contract.event.SupplementReceived;
import vn.tthc.monitor.contract.event.SupplementRequested;
import vn.tthc.monitor.contract.event.SurveySubmitted;

/**
 * Makes up the whole life of one case (and now and then a feedback) from a seed: reception, perhaps
 * a supplement pause, perhaps an apology letter, resolution early, on time or late after the unit's
 * habits, return, a survey. {@code day} is how long a day lasts, so that live traffic can run a
 * case's days in minutes; due times are whole {@code day}s after reception.
 */
final class CaseLifecycles {

    private static final String SOURCE = "sample-traffic";

    private final SampleProvince province;
    private final Duration day;
    private final String prefix;

    CaseLifecycles(final SampleProvince province, final Duration day, final String prefix) {
        this.province = province;
        this.day = day;
        this.prefix = prefix;
    }

    /** The events of case number {@code n} received at {@code receivedAt}, in no particular order. */
    List<Event> caseEvents(final long n, final Instant receivedAt) {
        final SplittableRandom random = new SplittableRandom(n * 0x9E3779B97F4A7C15L);
        final SampleProvince.Unit unit = province.units().get(random.nextInt(province.units().size()));
        final String field = province.fields().get(random.nextInt(province.fields().size()));
        final String caseId = prefix + "C" + n;
        final List<Event> events = new ArrayList<>();
        final boolean eligible = random.nextDouble() < 0.8;
        final Channel channel = eligible && random.nextDouble() < unit.online() ? Channel.ONLINE
            : random.nextDouble() < 0.9 ? Channel.COUNTER : Channel.POSTAL;
        final Instant due = receivedAt.plus(days(1 + random.nextInt(7)));
        events.add(new CaseReceived(id(caseId, 1), receivedAt, SOURCE, caseId, unit.id(), field,
            "1." + (1000 + random.nextInt(9000)), channel, eligible, due));
        Instant effectiveDue = due;
        if (random.nextDouble() < 0.1) {
            final Instant requested = between(random, receivedAt, due);
            final Instant supplied = requested.plus(days(1 + random.nextInt(3)));
            events.add(new SupplementRequested(id(caseId, 2), requested, SOURCE, caseId));
            events.add(new SupplementReceived(id(caseId, 3), supplied, SOURCE, caseId, null));
            effectiveDue = due.plus(Duration.between(requested, supplied));
        }
        if (random.nextDouble() < 0.02) {
            events.add(new CaseWithdrawn(id(caseId, 4), between(random, receivedAt, effectiveDue), SOURCE, caseId));
            return events;
        }
        final boolean late = random.nextDouble() < unit.lateness();
        if (late && random.nextDouble() < 0.5) {
            events.add(new CaseExtended(id(caseId, 5), effectiveDue.minus(day.dividedBy(4)), SOURCE, caseId,
                effectiveDue.plus(days(3))));
        }
        final Instant resolvedAt = late
            ? effectiveDue.plus(days(1).multipliedBy(1 + random.nextInt(3)).dividedBy(2))
            : between(random, receivedAt.plus(day.dividedBy(8)), effectiveDue);
        events.add(new CaseResolved(id(caseId, 6), resolvedAt, SOURCE, caseId,
            random.nextDouble() < 0.95 ? CaseResult.APPROVED : CaseResult.DENIED));
        final Instant returnedAt = resolvedAt.plus(day.dividedBy(2));
        events.add(new CaseReturned(id(caseId, 7), returnedAt, SOURCE, caseId));
        if (random.nextDouble() < 0.5) {
            final Rating rating = random.nextDouble() < unit.satisfaction()
                ? (random.nextBoolean() ? Rating.VERY_SATISFIED : Rating.SATISFIED) : Rating.DISSATISFIED;
            events.add(new SurveySubmitted(id(caseId, 8), returnedAt.plus(day.dividedBy(24)), SOURCE, unit.id(), field,
                caseId, rating));
        }
        if (random.nextDouble() < 0.03) {
            events.addAll(feedback(random, unit, caseId, receivedAt));
        }
        return events;
    }

    private List<Event> feedback(final SplittableRandom random, final SampleProvince.Unit unit, final String caseId,
                                 final Instant receivedAt) {
        final String feedbackId = "F-" + caseId;
        final Instant due = receivedAt.plus(days(10));
        final Instant resolved = random.nextDouble() < unit.lateness() * 2 ? due.plus(days(2)) : due.minus(days(3));
        return List.of(
            new FeedbackReceived(id(feedbackId, 1), receivedAt, SOURCE, feedbackId, unit.id(), due),
            new FeedbackResolved(id(feedbackId, 2), resolved, SOURCE, feedbackId));
    }

    private Duration days(final long count) {
        return day.multipliedBy(count);
    }

    private static Instant between(final SplittableRandom random, final Instant from, final Instant to) {
        final long span = Math.max(1, Duration.between(from, to).toMillis());
        return from.plusMillis(random.nextLong(span));
    }

    private static String id(final String entity, final int step) {
        return entity + "-" + step;
    }
}
