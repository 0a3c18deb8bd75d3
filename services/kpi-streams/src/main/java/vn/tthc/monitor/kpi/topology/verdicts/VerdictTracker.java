package vn.tthc.monitor.kpi.topology.verdicts;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.evaluation.Verdict;
import vn.tthc.monitor.contract.kpi.ForecastCase;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.KpiStatus;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.verdict.ObjectiveVerdict;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;
import vn.tthc.monitor.contract.verdict.PeriodVerdict.FinalReason;
import vn.tthc.monitor.kpi.topology.KpiRowKeyFormat;
import vn.tthc.monitor.kpi.topology.OpenCaseChange;
import vn.tthc.monitor.kpi.topology.StoreCatalog;

/**
 * Judges the finality of every (unit, period) of one scope whose rows this task sums, and writes its verdicts
 * (issue 14 point 5). Counting is not touched: the rows stay the rows stages'; this stage only reads them.
 * <ul>
 *   <li>Every (unit, period) a counted change touches gets a provisional {@link VerdictState} in the verdict store.</li>
 *   <li>Every {@code checkInterval} (wall clock), each provisional one whose period has ended becomes final: at the
 *       cut-off ({@link VerdictSettings#cutOff}), or earlier once no case received in the period is open. Own rows:
 *       the open cases and their reception time are those the forecast stage keeps in
 *       {@link StoreCatalog#FORECAST_CASES_STORE}, counted by reception time in memory: a unit's are read from the
 *       store (a prefix scan of the unit) when a check first needs them, then followed by the changes its tracker
 *       passes on in the same task; so the task's start reads none of the open cases. Subtree rows: by
 *       {@link SubtreeOpenCounts#allClosed}, over the {@link OpenCount}s the own trackers report. It then writes revision 0 of its {@link PeriodVerdict}. A
 *       period whose rows changed since the previous check waits for a check without changes, so that events sent in
 *       bulk (a backfill of a past year) give one verdict, not a verdict and a trail of corrections.</li>
 *   <li>Own rows of a unit that subtrees count ({@link Organisation#subtreesCounting}): at the same check, for each
 *       (unit, period) ended and before its cut-off whose rows did not change since the previous check, the unit's
 *       {@link OpenCount} is sent to the top unit of each of those subtrees when it differs from the last one sent
 *       (kept in memory only: a task that starts sends them all once more).</li>
 *   <li>A counted change of a final row counts in {@code correctedAfterFinal} (own rows: once per input record of
 *       the rows stage, one case, feedback or survey change; subtree rows: once per unit part spread, i.e. per unit
 *       and emit interval); the next check writes one correction
 *       (the next revision) with the objectives as they are then, unless the rows' counters are back to those of
 *       the last revision.</li>
 * </ul>
 * The states live in the store (its changelog is written in the same transaction as the verdicts), and memory is
 * rebuilt from it when the task starts (the open counts from the forecast stage's store, unit by unit, when first
 * needed): a restart or a rebalance neither writes revision 0 twice nor repeats a revision.
 */
final class VerdictTracker implements Processor<String, VerdictInput, String, VerdictOutput> {

    /**
     * The reception time of an open case the forecast stage keeps without one (kept before it kept reception times):
     * it counts open in every period of its unit, which stay provisional until it closes or until their cut-off.
     */
    private static final long UNKNOWN_RECEPTION = Long.MIN_VALUE;

    private final Scope scope;
    private final Targets targets;
    private final VerdictSettings settings;
    private final String verdictStoreName;
    private final String rowsStoreName;
    private final boolean tracksOpenCases;
    private final Organisation organisation;
    private final Map<String, VerdictState> states = new HashMap<>();
    /** The keys the next check must look at: provisional states, and final ones with a correction pending. */
    private final TreeSet<String> pending = new TreeSet<>();
    /** The provisional keys whose rows changed since the last check: they wait for a check without changes. */
    private final Set<String> changedSinceCheck = new HashSet<>();
    /**
     * Own rows: the open cases of the units read so far from {@link StoreCatalog#FORECAST_CASES_STORE}, counted by
     * reception time (epoch millis); a unit read with none open keeps an empty count.
     */
    private final Map<String, TreeMap<Long, Integer>> openByReception = new HashMap<>();
    /** Own rows: the keys of the units that subtrees count, of periods before their cut-off, whose counts are reported. */
    private final TreeSet<String> reportable = new TreeSet<>();
    /** Own rows: the count last reported by key. */
    private final Map<String, OpenCount> reported = new HashMap<>();
    /** Subtree rows: what the units reported. */
    private SubtreeOpenCounts subtreeOpenCounts;
    private ProcessorContext<String, VerdictOutput> context;
    private KeyValueStore<String, VerdictState> verdicts;
    private KeyValueStore<String, KpiCounters> rows;
    private KeyValueStore<String, ForecastCase> forecastCases;
    /** The state key and input record of the last change counted after final, so that one record counts once. */
    private String lastCorrection;

    private VerdictTracker(final Scope scope, final Targets targets, final VerdictSettings settings,
                           final String verdictStoreName, final String rowsStoreName, final boolean tracksOpenCases,
                           final Organisation organisation) {
        this.scope = scope;
        this.targets = targets;
        this.settings = settings;
        this.verdictStoreName = verdictStoreName;
        this.rowsStoreName = rowsStoreName;
        this.tracksOpenCases = tracksOpenCases;
        this.organisation = organisation;
    }

    /**
     * For the own rows, in their task: final early once every case received in the period is closed; reports the
     * open counts of ended periods to the subtrees of {@code organisation} that count the unit.
     */
    static VerdictTracker ownRows(final Targets targets, final VerdictSettings settings, final Organisation organisation) {
        return new VerdictTracker(Scope.OWN, targets, settings, StoreCatalog.VERDICTS_STORE, StoreCatalog.KPI_ROWS_STORE,
            true, organisation);
    }

    /** For the subtree rows, in their task: final early once the units of the subtree report every case closed. */
    static VerdictTracker subtreeRows(final Targets targets, final VerdictSettings settings, final Organisation organisation) {
        return new VerdictTracker(Scope.SUBTREE, targets, settings, StoreCatalog.SUBTREE_VERDICTS_STORE,
            StoreCatalog.SUBTREE_ROWS_STORE, false, organisation);
    }

    @Override
    public void init(final ProcessorContext<String, VerdictOutput> context) {
        this.context = context;
        this.verdicts = context.getStateStore(verdictStoreName);
        this.rows = context.getStateStore(rowsStoreName);
        // a task revived after an aborted transaction initialises the same processor again: memory holds nothing of before
        states.clear();
        pending.clear();
        changedSinceCheck.clear();
        openByReception.clear();
        reportable.clear();
        reported.clear();
        lastCorrection = null;
        if (tracksOpenCases) {
            this.forecastCases = context.getStateStore(StoreCatalog.FORECAST_CASES_STORE);
        } else {
            this.subtreeOpenCounts = new SubtreeOpenCounts(context.getStateStore(StoreCatalog.SUBTREE_VERDICT_OPEN_STORE),
                organisation.fingerprint(), settings);
        }
        if (verdicts.get(VerdictKeys.SEEDED) == null) {
            seed();
        }
        try (KeyValueIterator<String, VerdictState> all = verdicts.all()) {
            all.forEachRemaining(entry -> {
                if (!entry.key.equals(VerdictKeys.SEEDED)) {
                    states.put(entry.key, entry.value);
                    if (!entry.value.hasBecomeFinal() || entry.value.correctionPending()) {
                        pending.add(entry.key);
                    }
                    watch(entry.key, entry.value.unitId());
                }
            });
        }
        context.schedule(settings.checkInterval(), PunctuationType.WALL_CLOCK_TIME, now -> check(Instant.ofEpochMilli(now)));
    }

    /**
     * Once per store: the (unit, period)s of the rows summed before the stage existed become provisional states (the
     * first check makes the ended ones final).
     */
    private void seed() {
        try (KeyValueIterator<String, KpiCounters> all = rows.all()) {
            all.forEachRemaining(entry -> {
                final KpiRowKey row = KpiRowKeyFormat.parse(entry.key);
                final String key = VerdictKeys.of(row.unitId(), row.period());
                if (verdicts.get(key) == null) {
                    verdicts.put(key, VerdictState.provisional(row.unitId(), row.period(), scope));
                }
            });
        }
        verdicts.put(VerdictKeys.SEEDED, VerdictState.provisional("", "", scope));
    }

    @Override
    public void process(final Record<String, VerdictInput> record) {
        if (record.value() instanceof VerdictInput.RowsChanged changed) {
            changed.rows().forEach(this::rowChanged);
        } else if (record.value() instanceof VerdictInput.CaseChanged changed) {
            caseChanged(changed.unitId(), changed.update());
        } else if (record.value() instanceof VerdictInput.OpenCountReported count) {
            openCountReported(count.topUnitId(), count.count());
        }
    }

    /** Own rows: reports the counts of {@code key} from now on, when subtrees count its unit. */
    private void watch(final String key, final String unitId) {
        if (tracksOpenCases && !organisation.subtreesCounting(unitId).isEmpty()) {
            reportable.add(key);
        }
    }

    /** Subtree rows: keeps a unit's count, unless its (top, period) is final already (it no longer needs it). */
    private void openCountReported(final String top, final OpenCount count) {
        final VerdictState state = states.get(VerdictKeys.of(top, count.period()));
        if (state == null || !state.hasBecomeFinal()) {
            subtreeOpenCounts.reported(top, count);
        }
    }

    private void rowChanged(final KpiRowKey row) {
        final String key = VerdictKeys.of(row.unitId(), row.period());
        final VerdictState state = states.get(key);
        // final ones too: a unit does not report the open count of a (unit, period) whose rows just changed
        changedSinceCheck.add(key);
        if (state == null) {
            put(key, VerdictState.provisional(row.unitId(), row.period(), scope));
            pending.add(key);
            watch(key, row.unitId());
        } else if (state.hasBecomeFinal()) {
            // one counted event changes up to two rows of a period (its field and *): one correction for both
            final String correction = key + context.recordMetadata()
                .map(input -> "@" + input.topic() + "/" + input.partition() + "/" + input.offset()).orElse("");
            if (!correction.equals(lastCorrection)) {
                lastCorrection = correction;
                put(key, state.corrected(Instant.ofEpochMilli(context.currentSystemTimeMs())));
                pending.add(key);
            }
        }
    }

    /**
     * A case the forecast stage keeps counts open under a reception time, or no longer: a change of reception time,
     * unit or field comes as the one taken back under the time it was counted under, then the other. A unit not read
     * yet is left alone: the store holds the change when the unit is read.
     */
    private void caseChanged(final String unitId, final OpenCaseChange change) {
        final TreeMap<Long, Integer> counts = openByReception.get(unitId);
        if (counts != null) {
            count(counts, receptionOf(change.receivedAt()), change.open() ? 1 : -1);
        }
    }

    /** The unit's open cases by reception time, read from the forecast stage's store the first time they are needed. */
    private TreeMap<Long, Integer> openCasesOf(final String unitId) {
        final TreeMap<Long, Integer> read = openByReception.get(unitId);
        if (read != null) {
            return read;
        }
        final TreeMap<Long, Integer> counts = new TreeMap<>();
        try (KeyValueIterator<String, ForecastCase> unitCases = forecastCases.prefixScan(KpiRowKeyFormat.unitPrefix(unitId),
                 new StringSerializer())) {
            unitCases.forEachRemaining(entry -> count(counts, receptionOf(entry.value.receivedAt()), 1));
        }
        openByReception.put(unitId, counts);
        return counts;
    }

    private static long receptionOf(final Instant receivedAt) {
        return receivedAt == null ? UNKNOWN_RECEPTION : receivedAt.toEpochMilli();
    }

    private static void count(final TreeMap<Long, Integer> counts, final long receivedAt, final int delta) {
        counts.merge(receivedAt, delta, Integer::sum);
        if (counts.get(receivedAt) <= 0) {
            counts.remove(receivedAt);
        }
    }

    /**
     * How many cases the unit received in {@code period} are open, as far as the pipeline knows; those whose
     * reception time is unknown count in every period.
     */
    private long openCount(final String unitId, final Period period) {
        final TreeMap<Long, Integer> counts = openCasesOf(unitId);
        if (counts.isEmpty()) {
            return 0;
        }
        final long start = period.firstDay().atStartOfDay(VietnamTime.ZONE).toInstant().toEpochMilli();
        long open = counts.getOrDefault(UNKNOWN_RECEPTION, 0);
        for (final int received : counts.subMap(start, true, period.end().toEpochMilli(), false).values()) {
            open += received;
        }
        return open;
    }

    private void check(final Instant now) {
        for (final String key : List.copyOf(pending)) {
            final VerdictState state = states.get(key);
            if (state.hasBecomeFinal()) {
                correct(key, state, now);
                continue;
            }
            final Period period = Period.parse(state.period());
            if (!period.hasEndedAt(now) || changedSinceCheck.contains(key)) {
                continue;
            }
            final Instant cutOff = settings.cutOff(period);
            if (!now.isBefore(cutOff)) {
                becomeFinal(key, state, cutOff, FinalReason.CUT_OFF, now);
            } else if (allClosed(state, period)) {
                becomeFinal(key, state, now, FinalReason.ALL_CLOSED, now);
            }
        }
        if (tracksOpenCases) {
            report(now);
        } else {
            subtreeOpenCounts.forgetPastCutOff(now);
        }
        changedSinceCheck.clear();
    }

    /** Whether every case received in the ended period by the unit (own rows) or by its subtree is closed. */
    private boolean allClosed(final VerdictState state, final Period period) {
        if (tracksOpenCases) {
            return openCount(state.unitId(), period) == 0;
        }
        return subtreeOpenCounts.allClosed(state.unitId(), state.period(), rows.get(allFieldsKey(state)));
    }

    /**
     * Own rows: sends each reportable (unit, period) that has ended, whose rows did not change since the previous
     * check, to the top unit of every subtree that counts the unit, when its count differs from the last one sent;
     * stops reporting a (unit, period) at its cut-off (the subtrees are final then whatever is open).
     */
    private void report(final Instant now) {
        for (final Iterator<String> keys = reportable.iterator(); keys.hasNext();) {
            final String key = keys.next();
            final VerdictState state = states.get(key);
            final Period period = Period.parse(state.period());
            if (!period.hasEndedAt(now)) {
                continue;
            }
            if (!now.isBefore(settings.cutOff(period))) {
                keys.remove();
                reported.remove(key);
                continue;
            }
            if (changedSinceCheck.contains(key)) {
                continue;
            }
            final KpiCounters allFields = rows.get(allFieldsKey(state));
            final OpenCount count = new OpenCount(state.unitId(), state.period(),
                allFields == null ? 0 : allFields.received(), openCount(state.unitId(), period), organisation.fingerprint());
            if (!count.equals(reported.put(key, count))) {
                for (final String top : organisation.subtreesCounting(state.unitId())) {
                    context.forward(new Record<>(top, new VerdictOutput.Reported(count), now.toEpochMilli()));
                }
            }
        }
    }

    /** The key of the {@code *} row of the state's (unit, period) in the rows store. */
    private static String allFieldsKey(final VerdictState state) {
        return KpiRowKeyFormat.format(new KpiRowKey(state.unitId(), KpiRowKey.ALL_FIELDS, state.period()));
    }

    private void becomeFinal(final String key, final VerdictState state, final Instant at, final FinalReason reason,
                             final Instant now) {
        final Map<String, KpiCounters> periodRows = rowsOf(state.unitId(), state.period());
        final VerdictState finalState = state.becameFinal(at, reason, digest(periodRows));
        put(key, finalState);
        pending.remove(key);
        if (!tracksOpenCases) {
            subtreeOpenCounts.forget(state.unitId(), state.period());
        }
        write(finalState, periodRows, now);
    }

    private void correct(final String key, final VerdictState state, final Instant now) {
        final Map<String, KpiCounters> periodRows = rowsOf(state.unitId(), state.period());
        final String digest = digest(periodRows);
        final VerdictState revised = digest.equals(state.rowsDigest()) ? state.revised(state.revision(), digest)
            : state.revised(state.revision() + 1, digest);
        put(key, revised);
        pending.remove(key);
        if (revised.revision() != state.revision()) {
            write(revised, periodRows, now);
        }
    }

    private void write(final VerdictState state, final Map<String, KpiCounters> periodRows, final Instant now) {
        final List<ObjectiveVerdict> objectives = new ArrayList<>();
        periodRows.forEach((fieldId, counters) -> {
            final KpiRowKey row = new KpiRowKey(state.unitId(), fieldId, state.period());
            for (final KpiStatus status : targets.statuses(row, counters)) {
                objectives.add(new ObjectiveVerdict(fieldId, status.kpi(), Verdict.of(status), status.value(),
                    status.target().doubleValue(), status.volume(), status.minVolume()));
            }
        });
        final PeriodVerdict verdict = new PeriodVerdict(state.unitId(), state.period(), scope, state.revision(),
            state.finalAt(), state.finalReason(), objectives, state.correctedAfterFinal(), state.lastCorrectedAt(), now);
        context.forward(new Record<>(topicKey(verdict), new VerdictOutput.Written(verdict), now.toEpochMilli()));
    }

    /** The rows of (unit, period) by field, in the store's order ({@code *} first). */
    private Map<String, KpiCounters> rowsOf(final String unitId, final String period) {
        final Map<String, KpiCounters> periodRows = new LinkedHashMap<>();
        try (KeyValueIterator<String, KpiCounters> all = rows.prefixScan(KpiRowKeyFormat.unitPrefix(unitId),
                 new StringSerializer())) {
            all.forEachRemaining(entry -> {
                final KpiRowKey row = KpiRowKeyFormat.parse(entry.key);
                if (row.period().equals(period)) {
                    periodRows.put(row.fieldId(), entry.value);
                }
            });
        }
        return periodRows;
    }

    private void put(final String key, final VerdictState state) {
        verdicts.put(key, state);
        states.put(key, state);
    }

    private static String digest(final Map<String, KpiCounters> periodRows) {
        try {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            periodRows.forEach((fieldId, counters) -> sha.update((fieldId + '\u0000' + counters + '\n')
                .getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The verdicts topic's key: {@link PeriodVerdict#key()} as a JSON array. */
    static String topicKey(final PeriodVerdict verdict) {
        try {
            return ContractJson.mapper().writeValueAsString(verdict.key());
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
