package vn.tthc.monitor.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import vn.tthc.monitor.ingest.client.event.CaseResult;
import vn.tthc.monitor.ingest.client.event.Channel;
import vn.tthc.monitor.ingest.client.event.Events;
import vn.tthc.monitor.ingest.client.event.IngestEvent;
import vn.tthc.monitor.ingest.client.event.Rating;
import vn.tthc.monitor.simulator.config.ProvinceConfig;

/**
 * Makes up the whole life of one case received at a given simulated instant, in office time: the
 * reception, perhaps a supplement pause, a withdrawal or a resolution that is late with the unit's
 * lateness (then perhaps after an apology letter), the return, perhaps a survey rated with the
 * unit's satisfaction, and now and then a feedback (PAKN) to the unit.
 *
 * <p>A case that is not late is resolved at or before its effective due time as EVENTS.md section 2
 * computes it (pause included); a late one strictly after it, so the share of late cases follows
 * the profile.
 */
final class CaseLifecycles {

    /** An event and the simulated instant it happens at. */
    record Happening(Instant at, IngestEvent event) {
    }

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    /** Cases that are not late are resolved this much office time before their due time at the latest. */
    private static final Duration MARGIN = Duration.ofMinutes(10);

    private final Province province;
    private final OfficeHours officeHours;
    private final Timeline timeline;
    private final ProvinceConfig.Shares shares;
    private final String source;
    private final String runId;

    CaseLifecycles(final Province province, final OfficeHours officeHours, final Timeline timeline, final String runId) {
        this.province = province;
        this.officeHours = officeHours;
        this.timeline = timeline;
        this.shares = province.config().shares();
        this.source = province.config().source();
        this.runId = runId;
    }

    /** The events of case number {@code n}, received at {@code receivedAt}, in no particular order. */
    List<Happening> caseEvents(final long n, final Instant receivedAt, final SplittableRandom random) {
        final Province.Unit unit = province.pickUnit(random);
        final ProvinceConfig.Procedure procedure = unit.pickProcedure(random);
        final ProvinceConfig.Profile profile = unit.profileAt(receivedAt);
        final String caseId = runId + "-HS" + n;
        final List<Happening> events = new ArrayList<>();
        final Channel channel = procedure.onlineEligible() && random.nextDouble() < profile.online() ? Channel.ONLINE
            : random.nextDouble() < shares.postal() ? Channel.POSTAL : Channel.COUNTER;
        final Duration statutory = officeHours.workingDays(procedure.dueWorkingDays());
        final Instant due = officeHours.plusWorkingTime(receivedAt, statutory);
        events.add(new Happening(receivedAt, Events.caseReceived(caseId + "-1", time(receivedAt)).source(source)
            .caseId(caseId).unitId(unit.id()).fieldId(procedure.field()).procedureId(procedure.id())
            .channel(channel).onlineEligible(procedure.onlineEligible()).dueAt(time(due)).build()));

        if (random.nextDouble() < shares.withdrawn()) {
            final Instant withdrawnAt = between(random, receivedAt, due);
            events.add(new Happening(withdrawnAt, Events.caseWithdrawn(caseId + "-7", time(withdrawnAt)).source(source)
                .caseId(caseId).build()));
            return events;
        }
        Instant workFrom = receivedAt;
        Instant effectiveDue = due;
        if (random.nextDouble() < shares.supplement()) {
            final Instant requested = between(random, receivedAt, due);
            final Instant supplied = officeHours.plusWorkingTime(requested, officeHours.workingDays(0.5 + random.nextDouble() * 4));
            final boolean restarts = random.nextDouble() < shares.supplementRestartsClock();
            effectiveDue = restarts ? officeHours.plusWorkingTime(supplied, statutory)
                : due.plus(Duration.between(requested, supplied));
            events.add(new Happening(requested, Events.supplementRequested(caseId + "-2", time(requested)).source(source)
                .caseId(caseId).build()));
            events.add(new Happening(supplied, Events.supplementReceived(caseId + "-3", time(supplied)).source(source)
                .caseId(caseId).dueAt(restarts ? time(effectiveDue) : null).build()));
            workFrom = supplied;
        }

        final boolean late = random.nextDouble() < profile.lateness();
        final Instant resolvedAt;
        if (late) {
            resolvedAt = officeHours.plusWorkingTime(effectiveDue, officeHours.workingDays(0.05 + random.nextDouble() * 3));
            if (random.nextDouble() < shares.apologyWhenLate()) {
                final Instant apologisedAt = between(random, max(workFrom, effectiveDue.minus(officeHours.workingDay())), effectiveDue);
                final Instant promised = officeHours.plusWorkingTime(effectiveDue, officeHours.workingDays(1 + random.nextInt(5)));
                events.add(new Happening(apologisedAt, Events.caseExtended(caseId + "-4", time(apologisedAt)).source(source)
                    .caseId(caseId).dueAt(time(promised)).build()));
            }
        } else {
            // officers tend to finish near the deadline: skew towards its end
            resolvedAt = between(Math.sqrt(random.nextDouble()), workFrom, effectiveDue.minus(MARGIN));
        }
        final CaseResult result = random.nextDouble() < shares.denied() ? CaseResult.DENIED : CaseResult.APPROVED;
        events.add(new Happening(resolvedAt, Events.caseResolved(caseId + "-5", time(resolvedAt)).source(source)
            .caseId(caseId).result(result).build()));
        final Instant returnedAt = channel == Channel.ONLINE ? resolvedAt.plusSeconds(60)
            : officeHours.plusWorkingTime(resolvedAt, officeHours.workingDays(random.nextDouble()));
        events.add(new Happening(returnedAt, Events.caseReturned(caseId + "-6", time(returnedAt)).source(source)
            .caseId(caseId).build()));

        if (random.nextDouble() < shares.survey()) {
            events.add(survey(random, unit, procedure, caseId, returnedAt));
        }
        if (random.nextDouble() < shares.feedbackPerCase()) {
            events.addAll(feedback(random, unit, n, receivedAt));
        }
        return events;
    }

    private Happening survey(final SplittableRandom random, final Province.Unit unit, final ProvinceConfig.Procedure procedure,
                             final String caseId, final Instant returnedAt) {
        final Instant ratedAt = returnedAt.plus(Duration.ofMinutes(5 + random.nextInt(120)));
        final Rating rating = random.nextDouble() < unit.profileAt(ratedAt).satisfaction()
            ? (random.nextBoolean() ? Rating.VERY_SATISFIED : Rating.SATISFIED) : Rating.DISSATISFIED;
        final boolean anonymous = random.nextDouble() < shares.surveyWithoutField();
        return new Happening(ratedAt, Events.surveySubmitted(caseId + "-KS", time(ratedAt)).source(source)
            .unitId(unit.id()).fieldId(anonymous ? null : procedure.field()).caseId(anonymous ? null : caseId)
            .rating(rating).build());
    }

    private List<Happening> feedback(final SplittableRandom random, final Province.Unit unit, final long n,
                                     final Instant caseReceivedAt) {
        final String feedbackId = runId + "-PA" + n;
        final Instant receivedAt = officeHours.plusWorkingTime(caseReceivedAt, officeHours.workingDays(random.nextDouble()));
        final Instant due = officeHours.plusWorkingTime(receivedAt,
            officeHours.workingDays(province.config().feedbackDueWorkingDays()));
        final Instant resolvedAt = random.nextDouble() < unit.profileAt(receivedAt).feedbackLateness()
            ? officeHours.plusWorkingTime(due, officeHours.workingDays(0.1 + random.nextDouble() * 3))
            : between(random, receivedAt, due);
        return List.of(
            new Happening(receivedAt, Events.feedbackReceived(feedbackId + "-1", time(receivedAt)).source(source)
                .feedbackId(feedbackId).unitId(unit.id()).dueAt(time(due)).build()),
            new Happening(resolvedAt, Events.feedbackResolved(feedbackId + "-2", time(resolvedAt)).source(source)
                .feedbackId(feedbackId).build()));
    }

    private OffsetDateTime time(final Instant simulated) {
        return simulated == null ? null : timeline.timestampOf(simulated).atOffset(VIETNAM);
    }

    /** A uniformly drawn instant of office time between {@code from} and {@code to}. */
    private Instant between(final SplittableRandom random, final Instant from, final Instant to) {
        return between(random.nextDouble(), from, to);
    }

    /** The instant a {@code fraction} of the office time between {@code from} and {@code to} after {@code from}. */
    private Instant between(final double fraction, final Instant from, final Instant to) {
        final Duration span = officeHours.workingTimeBetween(from, to);
        if (span.isZero()) {
            return from.isBefore(to) ? from : to;
        }
        final Instant at = officeHours.plusWorkingTime(from, Duration.ofMillis((long) (span.toMillis() * fraction)));
        return at.isAfter(to) ? to : at;
    }

    private static Instant max(final Instant a, final Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
