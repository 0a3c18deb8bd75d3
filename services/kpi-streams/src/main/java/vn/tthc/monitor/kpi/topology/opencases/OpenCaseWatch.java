package vn.tthc.monitor.kpi.topology.opencases;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.alert.CaseWarning;
import vn.tthc.monitor.contract.cases.CaseAssessment;
import vn.tthc.monitor.contract.cases.DueSoonWindow;
import vn.tthc.monitor.contract.cases.OpenCase;
import vn.tthc.monitor.kpi.topology.HistoryChange;
import vn.tthc.monitor.kpi.topology.StoreCatalog;

/**
 * Watches the due times of open cases from the wall clock: keeps each open case in
 * {@link StoreCatalog#OPEN_CASES_STORE}, with the next moment to look at it (its alarm), and
 * every {@code interval} forwards the DUE_SOON and OVERDUE warnings that have come, each once per
 * case and due time, with no new event needed. The alarms are ordered in memory
 * ({@link #alarms}), an index of the store that needs no changelog of its own, rebuilt from the
 * store at the first look after the task starts (not in the start itself, which a million open
 * cases would hold up for seconds before the task runs).
 *
 * <p>An event that leaves a case already due soon or overdue sets its alarm no earlier than
 * {@code grace} from now: a replay of history goes through each case's open days in seconds,
 * and the resolution that follows within the grace spares a warning about the past.
 */
final class OpenCaseWatch implements Processor<String, HistoryChange<CaseAssessment>, String, CaseWarning> {

    private final DueSoonWindow window;
    private final Duration interval;
    private final Duration grace;
    private ProcessorContext<String, CaseWarning> context;
    private KeyValueStore<String, OpenCase> openCases;
    /** The open cases' alarms by time, then caseId, once read from the store. */
    private final NavigableSet<Alarm> alarms = new TreeSet<>();
    /** Whether {@link #alarms} holds the store's alarms: until then, changes are only in the store. */
    private boolean alarmsRead;

    OpenCaseWatch(final DueSoonWindow window, final Duration interval, final Duration grace) {
        this.window = window;
        this.interval = interval;
        this.grace = grace;
    }

    @Override
    public void init(final ProcessorContext<String, CaseWarning> context) {
        this.context = context;
        this.openCases = context.getStateStore(StoreCatalog.OPEN_CASES_STORE);
        // a task revived after an aborted transaction initialises the same processor again: memory holds nothing of before
        alarms.clear();
        alarmsRead = false;
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> ring(Instant.ofEpochMilli(now)));
    }

    @Override
    public void process(final Record<String, HistoryChange<CaseAssessment>> record) {
        final String caseId = record.key();
        // the store holds a case while its history leaves it open: one not open before the event is not looked up
        final OpenCase before = record.value().before().isOpen() ? openCases.get(caseId) : null;
        final OpenCase assessed = OpenCase.of(record.value().after(), before);
        final OpenCase after = assessed == null ? null : assessed.withAlarm(notBefore(assessed.nextAlarm(window),
            Instant.ofEpochMilli(context.currentSystemTimeMs()).plus(grace)));
        if (Objects.equals(before, after)) {
            return;
        }
        // null deletes: delete would read the stored case back and decode it again
        openCases.put(caseId, after);
        reschedule(caseId, before == null ? null : before.alarm(), after == null ? null : after.alarm());
    }

    /** Gives the warnings of every case whose alarm time has come, and sets each one's next alarm. */
    private void ring(final Instant now) {
        if (!alarmsRead) {
            alarmsRead = true;
            try (KeyValueIterator<String, OpenCase> all = openCases.all()) {
                all.forEachRemaining(open -> reschedule(open.key, null, open.value.alarm()));
            }
        }
        while (!alarms.isEmpty() && !alarms.first().at().isAfter(now)) {
            final String caseId = alarms.pollFirst().caseId();
            OpenCase openCase = openCases.get(caseId);
            if (openCase == null) {
                continue;
            }
            for (final CaseWarning.Kind kind : openCase.warningsAt(now, window)) {
                context.forward(new Record<>(caseId, openCase.warning(kind, now), now.toEpochMilli()));
                openCase = openCase.warned(kind);
            }
            final Instant next = openCase.nextAlarm(window);
            openCases.put(caseId, openCase.withAlarm(next));
            reschedule(caseId, null, next);
        }
    }

    private void reschedule(final String caseId, final Instant previous, final Instant next) {
        if (!alarmsRead || Objects.equals(previous, next)) {
            return;
        }
        if (previous != null) {
            alarms.remove(new Alarm(previous, caseId));
        }
        if (next != null) {
            alarms.add(new Alarm(next, caseId));
        }
    }

    private static Instant notBefore(final Instant alarm, final Instant earliest) {
        return alarm == null || alarm.isAfter(earliest) ? alarm : earliest;
    }

    /** When to look at a case again. */
    private record Alarm(Instant at, String caseId) implements Comparable<Alarm> {
        private static final Comparator<Alarm> ORDER = Comparator.comparing(Alarm::at).thenComparing(Alarm::caseId);

        @Override
        public int compareTo(final Alarm other) {
            return ORDER.compare(this, other);
        }
    }
}
