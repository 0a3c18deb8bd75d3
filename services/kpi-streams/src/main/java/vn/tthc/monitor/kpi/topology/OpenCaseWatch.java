package vn.tthc.monitor.kpi.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.tthc.monitor.contract.alert.CaseWarning;
import vn.tthc.monitor.contract.cases.CaseClock;
import vn.tthc.monitor.contract.cases.CaseHistory;
import vn.tthc.monitor.contract.cases.DueSoonWindow;
import vn.tthc.monitor.contract.cases.OpenCase;

/**
 * Watches the due times of open cases from the wall clock: keeps each open case in
 * {@link OpenCaseTopology#OPEN_CASES_STORE} and the next moment to look at it in
 * {@link OpenCaseTopology#ALARMS_STORE} (key: zero-padded epoch millis and caseId, so a range
 * scan finds what is due), and every {@code interval} forwards the DUE_SOON and OVERDUE warnings
 * that have come, each once per case and due time, with no new event needed.
 *
 * <p>An event that leaves a case already due soon or overdue sets its alarm no earlier than
 * {@code grace} from now: a replay of history goes through each case's open days in seconds,
 * and the resolution that follows within the grace spares a warning about the past.
 */
final class OpenCaseWatch implements Processor<String, HistoryChange<CaseHistory>, String, CaseWarning> {

    private static final int MILLIS_DIGITS = 19;

    private final DueSoonWindow window;
    private final Duration interval;
    private final Duration grace;
    private ProcessorContext<String, CaseWarning> context;
    private KeyValueStore<String, OpenCase> openCases;
    private KeyValueStore<String, String> alarms;

    OpenCaseWatch(final DueSoonWindow window, final Duration interval, final Duration grace) {
        this.window = window;
        this.interval = interval;
        this.grace = grace;
    }

    @Override
    public void init(final ProcessorContext<String, CaseWarning> context) {
        this.context = context;
        this.openCases = context.getStateStore(OpenCaseTopology.OPEN_CASES_STORE);
        this.alarms = context.getStateStore(OpenCaseTopology.ALARMS_STORE);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> ring(Instant.ofEpochMilli(now)));
    }

    @Override
    public void process(final Record<String, HistoryChange<CaseHistory>> record) {
        final String caseId = record.key();
        final OpenCase before = openCases.get(caseId);
        final OpenCase assessed = OpenCase.of(CaseClock.assess(record.value().after()), before);
        final OpenCase after = assessed == null ? null : assessed.withAlarm(notBefore(assessed.nextAlarm(window),
            Instant.ofEpochMilli(context.currentSystemTimeMs()).plus(grace)));
        if (Objects.equals(before, after)) {
            return;
        }
        if (after == null) {
            openCases.delete(caseId);
        } else {
            openCases.put(caseId, after);
        }
        reschedule(caseId, before == null ? null : before.alarm(), after == null ? null : after.alarm());
    }

    /** Gives the warnings of every case whose alarm time has come, and sets each one's next alarm. */
    private void ring(final Instant now) {
        final List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, String> ringing = alarms.range(alarmKey(Instant.EPOCH, ""), alarmKey(now, "\uffff"))) {
            ringing.forEachRemaining(alarm -> due.add(alarm.key));
        }
        for (final String alarm : due) {
            alarms.delete(alarm);
            final String caseId = alarm.substring(MILLIS_DIGITS + 1);
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
            if (next != null) {
                alarms.put(alarmKey(next, caseId), caseId);
            }
        }
    }

    private void reschedule(final String caseId, final Instant previous, final Instant next) {
        if (Objects.equals(previous, next)) {
            return;
        }
        if (previous != null) {
            alarms.delete(alarmKey(previous, caseId));
        }
        if (next != null) {
            alarms.put(alarmKey(next, caseId), caseId);
        }
    }

    private static Instant notBefore(final Instant alarm, final Instant earliest) {
        return alarm == null || alarm.isAfter(earliest) ? alarm : earliest;
    }

    /** Sorts by time as text: epoch millis, zero-padded (times before 1970 sort first). */
    static String alarmKey(final Instant at, final String caseId) {
        final String millis = Long.toString(Math.max(0, at.toEpochMilli()));
        final StringBuilder key = new StringBuilder(MILLIS_DIGITS + 1 + caseId.length());
        key.append("0".repeat(MILLIS_DIGITS - millis.length())).append(millis);
        return key.append('|').append(caseId).toString();
    }
}
