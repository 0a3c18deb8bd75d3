package vn.tthc.monitor.notifier.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import vn.tthc.monitor.contract.alert.CaseWarning;

/**
 * Case warnings waiting for their unit's digest. A unit's digest is due one {@code interval} after
 * its first waiting warning was detected (or read, if its detection time lies ahead of the clock):
 * at most one digest per unit per interval.
 */
public final class WarningDigests {

    /** The warnings of one unit's digest. */
    public record Digest(String unitId, List<CaseWarning> warnings, List<String> warningKeys) {
    }

    private final Duration interval;
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();

    public WarningDigests(final Duration interval) {
        this.interval = interval;
    }

    /** The key of a warning, once per case, kind and effective due time. */
    public static String key(final CaseWarning warning) {
        return "warning|" + warning.caseId() + "|" + warning.kind() + "|" + warning.effectiveDue();
    }

    /**
     * Adds a warning to its unit's next digest; a warning already waiting is not added twice. The
     * window opens when the warning was detected, or now if that is in the future.
     */
    public void add(final CaseWarning warning, final Instant now) {
        final Instant opened = warning.detectedAt().isAfter(now) ? now : warning.detectedAt();
        final Waiting unit = waiting.computeIfAbsent(warning.unitId(), id -> new Waiting(opened));
        unit.warnings.putIfAbsent(key(warning), warning);
        if (opened.isBefore(unit.opened)) {
            unit.opened = opened;
        }
    }

    /**
     * The digests of the units {@code owned} whose interval is over at {@code now}; they stop waiting. First the
     * warnings {@code told} meanwhile (by the notifier owning their unit) leave every digest and go to
     * {@code settled}: a digest of another notifier's unit keeps only what that notifier has not told yet, and is
     * told here should it die.
     */
    public List<Digest> due(final Instant now, final Predicate<String> owned, final Predicate<String> told,
                            final List<String> settled) {
        final List<Digest> due = new ArrayList<>();
        for (final Iterator<Map.Entry<String, Waiting>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
            final Map.Entry<String, Waiting> unit = it.next();
            final List<String> toldMeanwhile = unit.getValue().warnings.keySet().stream().filter(told).toList();
            toldMeanwhile.forEach(unit.getValue().warnings::remove);
            settled.addAll(toldMeanwhile);
            if (unit.getValue().warnings.isEmpty()) {
                it.remove();
            } else if (!unit.getValue().opened.plus(interval).isAfter(now) && owned.test(unit.getKey())) {
                due.add(new Digest(unit.getKey(), List.copyOf(unit.getValue().warnings.values()),
                    List.copyOf(unit.getValue().warnings.keySet())));
                it.remove();
            }
        }
        return due;
    }

    public int waitingWarnings() {
        return waiting.values().stream().mapToInt(w -> w.warnings.size()).sum();
    }

    private static final class Waiting {
        private final Map<String, CaseWarning> warnings = new LinkedHashMap<>();
        private Instant opened;

        private Waiting(final Instant opened) {
            this.opened = opened;
        }
    }
}
