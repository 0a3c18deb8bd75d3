package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.CaseWarning;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.cases.CaseClock;
import vn.tthc.monitor.contract.cases.CaseHistory;
import vn.tthc.monitor.contract.cases.OpenCase;
import vn.tthc.monitor.contract.event.CaseEvent;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.FeedbackEvent;
import vn.tthc.monitor.contract.event.FeedbackReceived;
import vn.tthc.monitor.contract.event.Identifiers;
import vn.tthc.monitor.contract.event.SurveySubmitted;
import vn.tthc.monitor.contract.event.Rating;
import vn.tthc.monitor.contract.feedback.FeedbackHistory;
import vn.tthc.monitor.contract.kpi.ForecastCase;
import vn.tthc.monitor.contract.kpi.ForecastProjection;
import vn.tthc.monitor.contract.kpi.KpiContribution;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.kpi.topology.alerts.DrivingIds;
import vn.tthc.monitor.kpi.topology.alerts.DrivingIdsSerde;
import vn.tthc.monitor.kpi.topology.history.HistorySerde;
import vn.tthc.monitor.kpi.topology.opencases.OpenCaseSerde;
import vn.tthc.monitor.kpi.topology.rows.KpiChangeSerde;
import vn.tthc.monitor.kpi.topology.serde.KpiCountersSerde;
import vn.tthc.monitor.kpi.topology.forecast.ForecastCaseSerde;
import vn.tthc.monitor.kpi.topology.forecast.ForecastCaseUpdate;
import vn.tthc.monitor.kpi.topology.forecast.ForecastCaseUpdateSerde;
import vn.tthc.monitor.kpi.topology.forecast.ForecastParts;
import vn.tthc.monitor.kpi.topology.forecast.ForecastPartsSerde;
import vn.tthc.monitor.kpi.topology.subtree.SubtreeParts;
import vn.tthc.monitor.kpi.topology.subtree.SubtreePartsSerde;
import vn.tthc.monitor.kpi.topology.serde.EventSerde;
import vn.tthc.monitor.kpi.topology.serde.JacksonSerde;
import vn.tthc.monitor.kpi.topology.serde.ValueSize;

/**
 * docs/ARCHITECTURE.md, "Record sizes": the largest value of every type the pipeline stores or
 * writes, with every identifier at its 128 code points of 4 UTF-8 bytes each and every list at its
 * bound, stays within the size documented there, far below the brokers' 1 MB and below
 * {@link ValueSize#MAX_BYTES}.
 */
class RecordSizesTest {

    /** 128 code points, 4 bytes each in UTF-8: the largest identifier the parser accepts. */
    private static final String ID = "😀".repeat(Identifiers.MAX_LENGTH);
    private static final Instant AT = Instant.parse("2026-03-02T01:00:00Z");
    private static final Instant LATER = Instant.parse("2099-12-31T16:59:59Z");

    @Test
    void aFullCaseHistoryOfLongestReceptionsIsAbout200KilobytesAtMost() {
        assertThat(size(HistorySerde.caseHistories(), fullCaseHistory())).isBetween(190_000, 205_000);
    }

    @Test
    void aFullFeedbackHistoryIsAbout33KilobytesAtMost() {
        final List<FeedbackEvent> events = new ArrayList<>();
        for (int i = 0; i < FeedbackHistory.MAX_EVENTS; i++) {
            events.add(new FeedbackReceived(id(i), AT, ID, ID, ID, LATER));
        }
        assertThat(size(HistorySerde.feedbackHistories(), new FeedbackHistory(ID, events))).isBetween(30_000, 34_000);
    }

    @Test
    void everyOtherValueIsAFewKilobytesAtMost() {
        final CaseHistory resolved = new CaseHistory(ID, List.of(reception(0), new CaseResolved(id(1), LATER, ID, ID,
            CaseResult.APPROVED)));
        final CaseHistory receivedElsewhereFirst = new CaseHistory(ID, List.of(new CaseReceived(id(2), AT.minusSeconds(60),
            ID, ID, "😁".repeat(Identifiers.MAX_LENGTH), "😁".repeat(Identifiers.MAX_LENGTH), ID, Channel.ONLINE, true, LATER)));
        // the widest change: a case that moves from one unit and field to another and resolves in another year
        final KpiChange change = new KpiChange(ID, KpiContribution.of(CaseClock.assess(resolved))
            .minus(KpiContribution.of(CaseClock.assess(receivedElsewhereFirst))));
        final KpiAlert alert = new KpiAlert(ID, ID, "2026-03", "feedbackOnTimeRate", AlertState.UPDATED, false, 0.5, 0.8,
            Long.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Collections.nCopies(DrivingIds.MAX, ID), AT, LATER);

        assertThat(size(new KpiChangeSerde(), change)).isLessThan(20_000);
        assertThat(size(new EventSerde(), reception(0))).isLessThan(4_000);
        assertThat(size(new EventSerde(), new SurveySubmitted(ID, AT, ID, ID, ID, ID, Rating.DISSATISFIED))).isLessThan(4_000);
        assertThat(size(new DrivingIdsSerde(), new DrivingIds(Collections.nCopies(DrivingIds.MAX, ID)))).isLessThan(11_000);
        assertThat(size(new OpenCaseSerde(), new OpenCase(ID, ID, ID, ID, LATER, true, LATER, LATER, LATER))).isLessThan(8_000);
        assertThat(size(new ForecastCaseSerde(), new ForecastCase(ID, LATER, true, LATER))).isLessThan(600);
        assertThat(size(new ForecastCaseUpdateSerde(), new ForecastCaseUpdate(ID, ID, LATER, true, true, true, LATER)))
            .isLessThan(1_100);
        assertThat(size(new KpiCountersSerde(), max())).isLessThan(200);
        // a unit's subtree parts of one interval carry the rows it changed: here as many as a KPI change
        assertThat(size(new SubtreePartsSerde(), new SubtreeParts(Long.MIN_VALUE, ID, ID, false, change.rows())))
            .isLessThan(21_000);
        // a unit's forecast parts carry its rows of the current periods whose projection changed: here one field's four
        final TreeMap<KpiRowKey, ForecastProjection> projections = new TreeMap<>();
        for (final String period : List.of("2026-03", "2026-Q1", "2026-H1", "2026")) {
            projections.put(new KpiRowKey(ID, ID, period), new ForecastProjection(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE));
        }
        assertThat(size(new ForecastPartsSerde(), new ForecastParts(Long.MIN_VALUE, ID, true, projections))).isLessThan(3_000);
        assertThat(size(JacksonSerde.json(KpiAlert.class), alert)).as("JSON escapes each 4-byte code point as 12 bytes").isLessThan(36_000);
        assertThat(size(JacksonSerde.json(CaseWarning.class), new CaseWarning(CaseWarning.Kind.DUE_SOON, ID, ID, ID, ID,
            LATER, LATER))).isLessThan(8_000);
        assertThat(size(JacksonSerde.json(KpiRowStatus.class), new KpiRowStatus(ID, ID, "2026-03", max(), List.of())))
            .isLessThan(4_000);
    }

    private static CaseHistory fullCaseHistory() {
        final List<CaseEvent> events = new ArrayList<>();
        for (int i = 0; i < CaseHistory.MAX_EVENTS; i++) {
            events.add(reception(i));
        }
        return new CaseHistory(ID, events);
    }

    private static CaseReceived reception(final int i) {
        return new CaseReceived(id(i), AT, ID, ID, ID, ID, ID, Channel.ONLINE, true, LATER);
    }

    /** A distinct identifier of the longest kind. */
    private static String id(final int i) {
        return ID.substring(0, ID.length() - 2) + Character.toString(0x1F600 + i % 64) + (char) ('a' + i / 64);
    }

    private static KpiCounters max() {
        final long m = Long.MAX_VALUE;
        return new KpiCounters(m, m, m, m, m, m, m, m, m, m, m, m, m, m);
    }

    private static <T> int size(final Serde<T> serde, final T value) {
        final int size = serde.serializer().serialize("t", value).length;
        assertThat(size).isLessThan(ValueSize.MAX_BYTES);
        return size;
    }
}
