package vn.tthc.monitor.kpi.topology.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.ForecastCase;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.TargetsFile;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.kpi.topology.OpenCaseChange;
import vn.tthc.monitor.kpi.topology.StoreCatalog;
import vn.tthc.monitor.kpi.topology.serde.JacksonSerde;

/**
 * A case's resolution reaches the forecast tracker twice, through the rows and as the case's closing, in either
 * order: the tracker counts the case open until the rows count it, and never again after, so the forecast
 * neither counts it twice (open and resolved) nor drops it in between. The verdict stage counts open the cases it
 * keeps: each change goes to it as taken back under the reception time the case was kept with, then counted under
 * the new one.
 */
class ForecastTrackerClosingTest {

    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    private static final Instant DUE = NOW.minus(Duration.ofHours(1));
    private static final Instant RECEIVED = NOW.minus(Duration.ofDays(20));

    private MockProcessorContext<String, ForecastOutput> context;
    private KeyValueStore<String, ForecastCase> cases;
    private ForecastTracker tracker;

    @BeforeEach
    void start() {
        context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(NOW.toEpochMilli());
        cases = store(StoreCatalog.FORECAST_CASES_STORE, new ForecastCaseSerde());
        store(StoreCatalog.FORECAST_ALERTS_STORE, JacksonSerde.json(KpiAlert.class));
        store(StoreCatalog.KPI_ROWS_STORE, Serdes.serdeFrom(
            (topic, counters) -> new byte[0], (topic, bytes) -> KpiCounters.ZERO));
        store(StoreCatalog.FORECAST_SPREAD_TREE_STORE, Serdes.String());
        tracker = new ForecastTracker(TargetsFile.parse("defaults: {minVolume: 4, onTimeRate: 0.75}"), ForecastSettings.DEFAULTS,
            Organisation.of(List.of()), Duration.ofSeconds(10));
        tracker.init(context);
        caseChanged(open("X"));
    }

    @Test
    void closedByTheRowsFirstTheCaseGoesAtOnceAndALateOpenUpdateDoesNotBringItBack() {
        rowsCountClosing("X");
        assertThat(storedCases()).isEmpty();

        // an update from before the resolution, read after the rows' record
        caseChanged(open("X"));
        assertThat(storedCases()).isEmpty();
        caseChanged(closed("X"));
        assertThat(storedCases()).isEmpty();
    }

    @Test
    void closedByTheRowsBeforeItsOpeningCameTheCaseNeverOpens() {
        // a case received and resolved at once: the rows count the resolution before its open update is read
        rowsCountClosing("Y");
        caseChanged(open("Y"));
        assertThat(storedCases()).containsExactly("X");
        caseChanged(closed("Y"));
        assertThat(storedCases()).containsExactly("X");
    }

    @Test
    void closedByItsClosingFirstTheCaseCountsOpenUntilTheRowsCountIt() {
        caseChanged(closed("X"));
        assertThat(storedCases()).containsExactly("X");

        rowsCountClosing("X");
        assertThat(storedCases()).isEmpty();
    }

    @Test
    void aCaseWhoseReceptionMovedItElsewhereGoesAtOnce() {
        caseChanged(new ForecastCaseUpdate("X", "HO_TICH", null, false, false, false));
        assertThat(storedCases()).isEmpty();
    }

    @Test
    void aClosingWhoseRowsNeverComeIsForgottenAtTheNextFullPass() {
        caseChanged(closed("X"));
        assertThat(storedCases()).containsExactly("X");

        final Instant later = NOW.plus(ForecastSettings.DEFAULTS.recomputeInterval()).plusSeconds(1);
        context.setCurrentSystemTimeMs(later.toEpochMilli());
        context.scheduledPunctuators().get(1).getPunctuator().punctuate(later.toEpochMilli());
        assertThat(storedCases()).isEmpty();
    }

    @Test
    void theVerdictStageTakesACaseBackUnderTheReceptionTimeItWasKeptWith() {
        assertThat(openCaseChanges()).containsExactly(new OpenCaseChange(true, RECEIVED));

        final Instant earlier = RECEIVED.minus(Duration.ofDays(3));
        caseChanged(new ForecastCaseUpdate("X", "HO_TICH", DUE, false, true, false, earlier));
        assertThat(openCaseChanges()).containsExactly(new OpenCaseChange(false, RECEIVED), new OpenCaseChange(true, earlier));
        caseChanged(new ForecastCaseUpdate("X", "HO_TICH", DUE.plusSeconds(60), true, true, false, earlier));
        assertThat(openCaseChanges()).as("the same reception time").isEmpty();

        // counted open until the rows count the closing too, as the forecast keeps it; the closing carries no reception time
        caseChanged(closed("X"));
        assertThat(openCaseChanges()).isEmpty();
        rowsCountClosing("X");
        assertThat(openCaseChanges()).containsExactly(new OpenCaseChange(false, earlier));

        caseChanged(closed("Y"));
        rowsCountClosing("Y");
        assertThat(openCaseChanges()).as("a case never kept open is taken back from nothing").isEmpty();
    }

    @Test
    void aCaseKeptWithoutItsReceptionTimeIsTakenBackWithout() {
        caseChanged(new ForecastCaseUpdate("Z", "HO_TICH", DUE, false, true, false));
        assertThat(openCaseChanges()).endsWith(new OpenCaseChange(true, null));
        caseChanged(new ForecastCaseUpdate("Z", "HO_TICH", null, false, false, false));
        assertThat(openCaseChanges()).containsExactly(new OpenCaseChange(false, null));
    }

    /** The changes sent to the verdict stage since the last call. */
    private List<OpenCaseChange> openCaseChanges() {
        final List<OpenCaseChange> changes = new ArrayList<>();
        context.forwarded().forEach(forward -> {
            assertThat(forward.record().key()).isEqualTo("U1");
            changes.add(((ForecastOutput.OpenCase) forward.record().value()).change());
        });
        context.resetForwards();
        return changes;
    }

    private void caseChanged(final ForecastCaseUpdate update) {
        tracker.process(new Record<>("U1", new ForecastInput.CaseChanged("U1", update), NOW.toEpochMilli()));
    }

    private void rowsCountClosing(final String caseId) {
        tracker.process(new Record<>("U1", new ForecastInput.RowChanged("U1", caseId, true), NOW.toEpochMilli()));
    }

    private static ForecastCaseUpdate open(final String caseId) {
        return new ForecastCaseUpdate(caseId, "HO_TICH", DUE, false, true, false, RECEIVED);
    }

    private static ForecastCaseUpdate closed(final String caseId) {
        return ForecastCaseUpdate.closed(caseId, "HO_TICH", true);
    }

    private List<String> storedCases() {
        final List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, ForecastCase> all = cases.all()) {
            all.forEachRemaining(entry -> ids.add(entry.value.caseId()));
        }
        return ids;
    }

    private <V> KeyValueStore<String, V> store(final String name, final org.apache.kafka.common.serialization.Serde<V> serde) {
        final KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
            Serdes.String(), serde).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }
}
