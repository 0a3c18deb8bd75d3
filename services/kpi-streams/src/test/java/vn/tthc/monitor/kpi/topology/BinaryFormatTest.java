package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
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
import vn.tthc.monitor.contract.kpi.KpiContribution;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;

/** The internal binary form gives back exactly what was written, for every event type and value. */
class BinaryFormatTest {

    private static final Instant AT = Instant.parse("2026-03-02T01:15:00.123456789Z");
    private static final Instant DUE = Instant.parse("2026-03-05T10:00:00Z");

    private static final List<Event> EVERY_TYPE = List.of(
        new CaseReceived("e1", AT, "motcua-hcm", "C1", "Ủy ban P. Võ Thị Sáu", "HO_TICH", "1.004227", Channel.ONLINE, true, DUE),
        new SupplementRequested("e2", AT, null, "C1"),
        new SupplementReceived("e3", AT, null, "C1", null),
        new SupplementReceived("e4", AT, null, "C1", DUE),
        new CaseExtended("e5", AT, null, "C1", DUE),
        new CaseResolved("e6", AT, null, "C1", CaseResult.DENIED),
        new CaseWithdrawn("e7", AT, null, "C1"),
        new CaseReturned("e8", AT, null, ""),
        new SurveySubmitted("e9", AT, "s", "U1", null, null, Rating.DISSATISFIED),
        new SurveySubmitted("e10", AT, "s", "U1", "DAT_DAI", "C1", Rating.VERY_SATISFIED),
        new FeedbackReceived("e11", Instant.parse("1969-12-31T23:59:59.5Z"), null, "F1", "U1", DUE),
        new FeedbackResolved("e12", AT, null, "F1"));

    @Test
    void everyEventTypeComesBackEqual() {
        for (final Event event : EVERY_TYPE) {
            assertThat(roundTrip(TopicCatalog.EVENT, event)).isEqualTo(event);
        }
    }

    @Test
    void aCaseHistoryAndAFeedbackHistoryComeBackEqual() {
        final List<CaseEvent> caseEvents = EVERY_TYPE.stream().filter(CaseEvent.class::isInstance).map(CaseEvent.class::cast).toList();
        final CaseHistory history = new CaseHistory("C1", caseEvents);
        assertThat(roundTrip(TopicCatalog.CASE_HISTORY, history)).isEqualTo(history);
        final List<FeedbackEvent> feedbackEvents =
            EVERY_TYPE.stream().filter(FeedbackEvent.class::isInstance).map(FeedbackEvent.class::cast).toList();
        final FeedbackHistory feedback = new FeedbackHistory("F1", feedbackEvents);
        assertThat(roundTrip(TopicCatalog.FEEDBACK_HISTORY, feedback)).isEqualTo(feedback);
    }

    @Test
    void aChangeWithNegativeAndLargeCountersComesBackEqual() {
        final TreeMap<KpiRowKey, KpiCounters> rows = new TreeMap<>();
        rows.put(new KpiRowKey("U1", "*", "2026-03"), new KpiCounters(-1, 0, 1, Long.MAX_VALUE, Long.MIN_VALUE, 2, 3, 4, 5, 6, 7, 8, 9, -10));
        rows.put(new KpiRowKey("U1", "HO_TICH", "2026"), KpiCounters.withdrawal());
        final KpiChange change = new KpiChange("C1", new KpiContribution(rows));
        assertThat(roundTrip(TopicCatalog.KPI_CHANGE, change)).isEqualTo(change);
        assertThat(roundTrip(TopicCatalog.KPI_COUNTERS, KpiCounters.ZERO)).isEqualTo(KpiCounters.ZERO);
    }

    @Test
    void anOpenCaseWithAndWithoutWarningsComesBackEqual() {
        final OpenCase open = new OpenCase("C1", "U1", "HO_TICH", "1.1", DUE, false, null, null, null);
        assertThat(roundTrip(TopicCatalog.OPEN_CASE, open)).isEqualTo(open);
        final OpenCase warned = new OpenCase("C1", "U1", "HO_TICH", "1.1", DUE, true, DUE, DUE, AT);
        assertThat(roundTrip(TopicCatalog.OPEN_CASE, warned)).isEqualTo(warned);
    }

    @Test
    void nullStaysNull() {
        assertThat(TopicCatalog.EVENT.serializer().serialize("t", null)).isNull();
        assertThat(TopicCatalog.EVENT.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void bytesOfAnUnknownFormatVersionAreRefused() {
        final byte[] bytes = TopicCatalog.EVENT.serializer().serialize("t", EVERY_TYPE.get(0));
        bytes[0] = 9;
        assertThatThrownBy(() -> TopicCatalog.EVENT.deserializer().deserialize("t", bytes))
            .hasMessageContaining("unknown binary format version 9");
    }

    private static <T> T roundTrip(final Serde<T> serde, final T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
