package vn.tthc.monitor.kpi.topology;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.cases.CaseHistory;
import vn.tthc.monitor.contract.cases.OpenCase;
import vn.tthc.monitor.contract.event.CaseEvent;
import vn.tthc.monitor.contract.event.CaseExtended;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.CaseReturned;
import vn.tthc.monitor.contract.event.CaseWithdrawn;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.FeedbackEvent;
import vn.tthc.monitor.contract.event.FeedbackReceived;
import vn.tthc.monitor.contract.event.FeedbackResolved;
import vn.tthc.monitor.contract.event.Rating;
import vn.tthc.monitor.contract.event.SupplementReceived;
import vn.tthc.monitor.contract.event.SupplementRequested;
import vn.tthc.monitor.contract.event.SurveySubmitted;
import vn.tthc.monitor.contract.feedback.FeedbackHistory;
import vn.tthc.monitor.contract.kpi.ForecastCase;
import vn.tthc.monitor.contract.kpi.KpiContribution;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.kpi.topology.alerts.DrivingIds;
import vn.tthc.monitor.kpi.topology.forecast.ForecastCaseUpdate;

/**
 * Values of every type the pipeline keeps in its stores or passes on its repartition topics, by
 * sample name: what src/test/resources/state-fixtures holds in serialized form (see its README).
 * Changing a sample here makes the state-compatibility test fail: the fixtures are the bytes of these.
 */
final class StateSamples {

    static final Instant AT = Instant.parse("2026-03-02T01:15:00.123456789Z");
    static final Instant DUE = Instant.parse("2026-03-05T10:00:00Z");
    static final Instant BEFORE_1970 = Instant.parse("1969-12-31T23:59:58.5Z");

    private StateSamples() {
    }

    /** Every event type, with and without its optional fields, an instant before 1970 and Vietnamese text. */
    static Map<String, Event> events() {
        final Map<String, Event> events = new LinkedHashMap<>();
        events.put("case-received", new CaseReceived("e1", AT, "motcua-hcm", "C1", "Ủy ban P. Võ Thị Sáu", "HO_TICH",
            "1.004227", Channel.ONLINE, true, DUE));
        events.put("supplement-requested", new SupplementRequested("e2", AT, null, "C1"));
        events.put("supplement-received-without-due", new SupplementReceived("e3", AT, null, "C1", null));
        events.put("supplement-received-with-due", new SupplementReceived("e4", AT, null, "C1", DUE));
        events.put("case-extended", new CaseExtended("e5", AT, null, "C1", DUE));
        events.put("case-resolved", new CaseResolved("e6", AT, null, "C1", CaseResult.DENIED));
        events.put("case-withdrawn", new CaseWithdrawn("e7", AT, null, "C1"));
        events.put("case-returned-empty-id", new CaseReturned("e8", AT, null, ""));
        events.put("survey-of-a-unit", new SurveySubmitted("e9", AT, "s", "U1", null, null, Rating.DISSATISFIED));
        events.put("survey-of-a-case", new SurveySubmitted("e10", AT, "s", "U1", "DAT_DAI", "C1", Rating.VERY_SATISFIED));
        events.put("feedback-received-before-1970", new FeedbackReceived("e11", Instant.parse("1969-12-31T23:59:59.5Z"),
            null, "F1", "U1", DUE));
        events.put("feedback-resolved", new FeedbackResolved("e12", AT, null, "F1"));
        return events;
    }

    static Map<String, CaseHistory> caseHistories() {
        final List<CaseEvent> caseEvents = events().values().stream()
            .filter(CaseEvent.class::isInstance).map(CaseEvent.class::cast).toList();
        return Map.of("every-case-event", new CaseHistory("C1", caseEvents), "empty", new CaseHistory("C2", List.of()));
    }

    static Map<String, FeedbackHistory> feedbackHistories() {
        final List<FeedbackEvent> feedbackEvents = events().values().stream()
            .filter(FeedbackEvent.class::isInstance).map(FeedbackEvent.class::cast).toList();
        return Map.of("every-feedback-event", new FeedbackHistory("F1", feedbackEvents));
    }

    static Map<String, KpiCounters> kpiCounters() {
        return Map.of("zero", KpiCounters.ZERO,
            "extremes", new KpiCounters(-1, 0, 1, Long.MAX_VALUE, Long.MIN_VALUE, 2, 3, 4, 5, 6, 7, 8, 9, -10));
    }

    static Map<String, KpiChange> kpiChanges() {
        final TreeMap<KpiRowKey, KpiCounters> rows = new TreeMap<>();
        rows.put(new KpiRowKey("U1", "*", "2026-03"), kpiCounters().get("extremes"));
        rows.put(new KpiRowKey("U1", "HO_TICH", "2026"), KpiCounters.withdrawal());
        return Map.of("two-rows", new KpiChange("C1", new KpiContribution(rows)),
            "no-rows", new KpiChange("C2", KpiContribution.NONE));
    }

    static Map<String, OpenCase> openCases() {
        return Map.of("unwarned", new OpenCase("C1", "U1", "HO_TICH", "1.1", DUE, false, null, null, null),
            "warned", new OpenCase("C1", "U1", "HO_TICH", "1.1", DUE, true, DUE, DUE, AT));
    }

    /** The forecast's open cases, with and without their reception time (kept before the forecast stage kept it). */
    static Map<String, ForecastCase> forecastCases() {
        return Map.of("with-reception", new ForecastCase("C1", DUE, false, AT),
            "waiting-without-reception", new ForecastCase("Hồ sơ 2", BEFORE_1970, true, null));
    }

    /** The forecast's changes of open cases: an opening with and without its reception time, two closings. */
    static Map<String, ForecastCaseUpdate> forecastCaseUpdates() {
        return Map.of("opened", new ForecastCaseUpdate("C1", "HO_TICH", DUE, false, true, false, AT),
            "opened-waiting-without-reception", new ForecastCaseUpdate("Hồ sơ 2", "HO_TICH", BEFORE_1970, true, true, false),
            "resolved", new ForecastCaseUpdate("C1", "HO_TICH", null, false, false, true, null),
            "moved-elsewhere", new ForecastCaseUpdate("C1", "DAT_DAI", null, false, false, false, null));
    }

    static Map<String, DrivingIds> drivingIds() {
        return Map.of("none", DrivingIds.NONE, "three", new DrivingIds(List.of("C3", "Hồ sơ 2", "C1")));
    }

    /** The alerts store keeps the alerts' JSON form (the one the alerts topics carry). */
    static Map<String, KpiAlert> kpiAlerts() {
        return Map.of(
            "raised", new KpiAlert("U1", "HO_TICH", "2026-03", "onTimeRate", AlertState.RAISED, false, 0.5, 0.95, 20, 10,
                -9L, List.of("C2", "C1"), AT, DUE),
            "resolved-stale-without-value", new KpiAlert("U1", "*", "2026", "satisfactionRate", AlertState.RESOLVED, true,
                null, 0.0, 0, 10, null, List.of(), AT, AT));
    }

    /** The counts stores (per source system) and the seen-ids stores (first seen, epoch millis) keep longs. */
    static Map<String, Long> longs() {
        return Map.of("zero", 0L, "negative", -1L, "millis", 1_772_400_000_123L);
    }
}
