package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.cases.CaseHistory;
import vn.tthc.monitor.contract.cases.OpenCase;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.CaseReturned;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.FeedbackReceived;
import vn.tthc.monitor.contract.event.FeedbackResolved;
import vn.tthc.monitor.contract.event.SupplementReceived;
import vn.tthc.monitor.contract.event.SupplementRequested;
import vn.tthc.monitor.contract.feedback.FeedbackHistory;
import vn.tthc.monitor.contract.kpi.ForecastCase;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.kpi.topology.forecast.ForecastCaseKeys;
import vn.tthc.monitor.kpi.topology.forecast.ForecastCaseSerde;
import vn.tthc.monitor.kpi.topology.history.HistorySerde;
import vn.tthc.monitor.kpi.topology.opencases.OpenCaseSerde;
import vn.tthc.monitor.kpi.topology.serde.KpiCountersSerde;

/**
 * The bytes of one entry (key and value, as the stores' serdes write them, before RocksDB's and the changelog's own
 * overhead) of the stores that grow with cases and time, for identifiers shaped as the national portal's
 * (docs/ARCHITECTURE.md, "Bounded state", quotes these numbers): a case id {@code 000.00.17.H29-260302-0001}, a unit
 * {@code 000.00.17.H29}, a UUID as event id, a source {@code motcua-hcm}.
 */
class StateGrowthTest {

    private static final String CASE = "000.00.17.H29-260302-0001";
    private static final String UNIT = "000.00.17.H29";
    private static final String SOURCE = "motcua-hcm";
    private static final Instant AT = Instant.parse("2026-03-02T01:15:00Z");

    @Test
    void aClosedCaseOfThreeEventsTakes339BytesAndOfFive504() {
        final CaseHistory three = new CaseHistory(CASE, List.of(reception(), resolution(), ret()));
        final CaseHistory five = new CaseHistory(CASE, List.of(reception(), new SupplementRequested(id(2), AT.plusSeconds(60),
            SOURCE, CASE), new SupplementReceived(id(3), AT.plusSeconds(120), SOURCE, CASE, null), resolution(), ret()));
        assertThat(entry(Serdes.String(), CASE, HistorySerde.caseHistories(), three)).isEqualTo(339);
        assertThat(entry(Serdes.String(), CASE, HistorySerde.caseHistories(), five)).isEqualTo(504);
    }

    @Test
    void anEventIdOrSurveyIdTakes44Bytes() {
        assertThat(entry(Serdes.String(), id(1), Serdes.Long(), AT.toEpochMilli())).isEqualTo(44);
    }

    @Test
    void aFeedbackOfTwoEventsTakes201Bytes() {
        final String feedback = "PAKN-2026-000123";
        final FeedbackHistory history = new FeedbackHistory(feedback, List.of(
            new FeedbackReceived(id(1), AT, SOURCE, feedback, UNIT, AT.plus(Duration.ofDays(10))),
            new FeedbackResolved(id(2), AT.plus(Duration.ofDays(3)), SOURCE, feedback)));
        assertThat(entry(Serdes.String(), feedback, HistorySerde.feedbackHistories(), history)).isEqualTo(201);
    }

    @Test
    void anOpenCaseTakes93BytesAndAKpiRow61() {
        final OpenCase open = new OpenCase(CASE, UNIT, "HO_TICH", "1.004227", AT.plus(Duration.ofDays(5)), false, null, null, null);
        assertThat(entry(Serdes.String(), CASE, new OpenCaseSerde(), open)).isEqualTo(93);
        final KpiCounters counters = new KpiCounters(1_000, 600, 900, 500, 950, 300, 600, 50, 10, 5, 400, 390, 30, 29);
        assertThat(entry(Serdes.String(), KpiRowKeyFormat.format(new KpiRowKey(UNIT, "HO_TICH", "2026-03")),
            new KpiCountersSerde(), counters)).isEqualTo(61);
    }

    @Test
    void anOpenCaseOfTheForecastTakes96Bytes() {
        final ForecastCase open = new ForecastCase(CASE, AT.plus(Duration.ofDays(5)), false, AT);
        assertThat(entry(Serdes.String(), ForecastCaseKeys.format(UNIT, "HO_TICH", CASE), new ForecastCaseSerde(), open))
            .isEqualTo(96);
    }

    private static CaseReceived reception() {
        return new CaseReceived(id(1), AT, SOURCE, CASE, UNIT, "HO_TICH", "1.004227", Channel.ONLINE, true,
            AT.plus(Duration.ofDays(5)));
    }

    private static CaseResolved resolution() {
        return new CaseResolved(id(5), AT.plus(Duration.ofDays(4)), SOURCE, CASE, CaseResult.APPROVED);
    }

    private static CaseReturned ret() {
        return new CaseReturned(id(6), AT.plus(Duration.ofDays(4)).plusSeconds(3_600), SOURCE, CASE);
    }

    /** A UUID. */
    private static String id(final int n) {
        return "3f0c6a52-9d1e-4b7a-8c2f-5e4d3c2b1a0" + n;
    }

    private static <K, V> int entry(final Serde<K> keySerde, final K key, final Serde<V> valueSerde, final V value) {
        final int keyBytes = keySerde.serializer().serialize("t", key).length;
        assertThat(keyBytes).isGreaterThanOrEqualTo(key.toString().getBytes(StandardCharsets.UTF_8).length);
        return keyBytes + valueSerde.serializer().serialize("t", value).length;
    }
}
