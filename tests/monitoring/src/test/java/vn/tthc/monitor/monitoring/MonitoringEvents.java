package vn.tthc.monitor.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.FeedbackReceived;
import vn.tthc.monitor.contract.event.FeedbackResolved;
import vn.tthc.monitor.contract.event.Rating;
import vn.tthc.monitor.contract.event.SupplementRequested;
import vn.tthc.monitor.contract.event.SurveySubmitted;

/**
 * Events of the last minutes that give every metric a dashboard shows a series: a unit below its
 * targets ({@link #BELOW_TARGET}: late cases, dissatisfied citizens, offline cases, late feedback)
 * and one above them, both with open, due-soon, overdue and waiting cases; then duplicates and
 * lines that are not events.
 */
public final class MonitoringEvents {

    public static final String BELOW_TARGET = "U-DUOI-CHI-TIEU";
    public static final String ABOVE_TARGET = "U-DAT-CHI-TIEU";
    /** The root of the organisation file: no cases of its own, both units under it. */
    public static final String ROOT = "U-TINH-THU";
    public static final String SOURCE = "dvc-test";

    private MonitoringEvents() {
    }

    /** Events of both units, at {@code now}, each line once. */
    public static List<String> bothUnits(final Instant now) {
        final List<String> lines = new ArrayList<>();
        lines.addAll(unit(BELOW_TARGET, false, now));
        lines.addAll(unit(ABOVE_TARGET, true, now));
        return lines;
    }

    /**
     * The organisation file (EVENTS.md section 6, with the notifier's heads) of the three units: {@link #ROOT}, the
     * unit below target under it, and the one above target under that one, so that both the unit below target and
     * the root have subtree rows. The head of the unit below target also has a webhook at {@code closedPort} on
     * loopback, where nothing listens: its deliveries fail and are retried.
     */
    public static String organisationFile(final int closedPort) {
        return "units:\n"
            + "  - id: " + ROOT + "\n    name: UBND tỉnh thử nghiệm\n"
            + "    heads:\n      - name: Lê Văn Tỉnh\n        email: tinh@example.org\n"
            + "  - id: " + BELOW_TARGET + "\n    name: Sở dưới chỉ tiêu\n    parent: " + ROOT + "\n"
            + "    heads:\n      - name: Trần Thị Sở\n        email: so@example.org\n"
            + "        webhook: http://127.0.0.1:" + closedPort + "/tthc\n"
            + "  - id: " + ABOVE_TARGET + "\n    name: Phường đạt chỉ tiêu\n    parent: " + BELOW_TARGET + "\n"
            + "    heads:\n      - name: Phạm Văn Phường\n        email: phuong@example.org\n";
    }

    /** Events of no known type from {@link #SOURCE}: JSON objects the gateway answers {@code rejected}. */
    public static List<String> invalidEvents(final String prefix, final int count) {
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add("{\"eventId\": \"" + prefix + i + "\", \"type\": \"case.unknown\", \"source\": \"" + SOURCE + "\"}");
        }
        return lines;
    }

    /** Lines the pipeline rejects: not JSON, and an event of no known type. */
    public static List<String> rejected(final String prefix, final int count) {
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(i % 2 == 0 ? "không phải JSON " + prefix + i
                : "{\"eventId\": \"" + prefix + i + "\", \"type\": \"case.unknown\", \"source\": \"" + SOURCE + "\"}");
        }
        return lines;
    }

    /** Surveys of the unit above target, {@code count} new events. */
    public static List<String> moreSurveys(final String prefix, final int count, final Instant now) {
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(json(new SurveySubmitted(prefix + i, now.minusSeconds(10), SOURCE, ABOVE_TARGET, "HO_TICH", null,
                Rating.VERY_SATISFIED)));
        }
        return lines;
    }

    private static List<String> unit(final String unit, final boolean meetsTargets, final Instant now) {
        final List<Event> events = new ArrayList<>();
        final Instant received = now.minus(Duration.ofMinutes(2));
        for (int i = 0; i < 4; i++) {
            final String caseId = unit + "-resolved-" + i;
            final Instant due = meetsTargets ? now.plus(Duration.ofDays(3)) : now.minus(Duration.ofMinutes(1));
            final Channel channel = meetsTargets || i % 2 == 0 ? Channel.ONLINE : Channel.COUNTER;
            events.add(new CaseReceived(caseId + "-r", received, SOURCE, caseId, unit, i < 2 ? "HO_TICH" : "DAT_DAI",
                "1.00" + i, channel, true, due));
            events.add(new CaseResolved(caseId + "-s", now.minusSeconds(30), SOURCE, caseId, CaseResult.APPROVED));
        }
        for (int i = 0; i < 3; i++) {
            events.add(new SurveySubmitted(unit + "-survey-" + i, now.minusSeconds(20), SOURCE, unit, "HO_TICH", null,
                meetsTargets ? Rating.SATISFIED : Rating.DISSATISFIED));
            final String feedbackId = unit + "-feedback-" + i;
            events.add(new FeedbackReceived(feedbackId + "-r", received, SOURCE, feedbackId, unit,
                meetsTargets ? now.plus(Duration.ofDays(5)) : now.minus(Duration.ofMinutes(1))));
            events.add(new FeedbackResolved(feedbackId + "-s", now.minusSeconds(20), SOURCE, feedbackId));
        }
        events.add(new CaseReceived(unit + "-overdue-r", received, SOURCE, unit + "-overdue", unit, "HO_TICH", "1.010",
            Channel.ONLINE, true, now.minus(Duration.ofMinutes(1))));
        events.add(new CaseReceived(unit + "-due-soon-r", received, SOURCE, unit + "-due-soon", unit, "HO_TICH", "1.011",
            Channel.ONLINE, true, now.plus(Duration.ofHours(1))));
        events.add(new CaseReceived(unit + "-waiting-r", received, SOURCE, unit + "-waiting", unit, "DAT_DAI", "1.012",
            Channel.ONLINE, true, now.plus(Duration.ofDays(2))));
        events.add(new SupplementRequested(unit + "-waiting-q", now.minusSeconds(60), SOURCE, unit + "-waiting"));
        return events.stream().map(MonitoringEvents::json).toList();
    }

    private static String json(final Event event) {
        try {
            return ContractJson.mapper().writeValueAsString(event);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
