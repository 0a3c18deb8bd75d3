package vn.tthc.monitor.contract.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.tthc.monitor.contract.event.CaseEvent;
import vn.tthc.monitor.contract.event.CaseExtended;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseWithdrawn;
import vn.tthc.monitor.contract.event.SupplementReceived;
import vn.tthc.monitor.contract.event.SupplementRequested;
import vn.tthc.monitor.contract.kpi.VietnamTime;

/**
 * The case clock of EVENTS.md section 2: walks a case's events in case order and works out its
 * effective due time, its pauses, what closed it and how the resolution is classified.
 *
 * <ul>
 *   <li>The first {@code case.received} counts, wherever it falls in time; later ones are ignored.</li>
 *   <li>The first resolution or withdrawal closes the case; every later event is ignored.</li>
 *   <li>A supplement request opens a pause unless one is open; the next supplement closes it and
 *       either restarts the clock at its {@code dueAt} or moves the due time by the pause's length.</li>
 *   <li>An apology letter ({@code case.extended}) never moves the due time.</li>
 * </ul>
 */
public final class CaseClock {

    private CaseClock() {
    }

    public static CaseAssessment assess(final CaseHistory history) {
        final CaseReceived reception = firstReception(history.events());
        final Walk walk = new Walk(reception == null ? null : reception.dueAt());
        for (final CaseEvent event : history.events()) {
            if (walk.closing != null) {
                break;
            }
            walk.take(event);
        }
        walk.finish();
        return new CaseAssessment(history.caseId(), reception, walk.due, walk.pauses, walk.extended, walk.closing);
    }

    /** trễ hạn if judged after the due time; trước hạn if on an earlier local date; else đúng hạn. */
    public static Classification classify(final Instant judgedAt, final Instant due) {
        if (judgedAt.isAfter(due)) {
            return Classification.LATE;
        }
        if (VietnamTime.localDate(judgedAt).isBefore(VietnamTime.localDate(due))) {
            return Classification.EARLY;
        }
        return Classification.ON_TIME;
    }

    private static CaseReceived firstReception(final List<CaseEvent> events) {
        for (final CaseEvent event : events) {
            if (event instanceof CaseReceived received) {
                return received;
            }
        }
        return null;
    }

    /** The state of one walk through a case's events. */
    private static final class Walk {
        private final List<Pause> pauses = new ArrayList<>();
        private Instant due;
        private Instant openPauseStart;
        private boolean extended;
        private Closing closing;

        Walk(final Instant receivedDue) {
            this.due = receivedDue;
        }

        /** Receptions were taken before the walk; returns change nothing. */
        void take(final CaseEvent event) {
            if (event instanceof SupplementRequested requested) {
                openPause(requested.occurredAt());
            } else if (event instanceof SupplementReceived supplement) {
                closePause(supplement);
            } else if (event instanceof CaseExtended) {
                extended = true;
            } else if (event instanceof CaseResolved resolution) {
                resolve(resolution);
            } else if (event instanceof CaseWithdrawn withdrawal) {
                closing = new Closing.Withdrawal(withdrawal.occurredAt());
            }
        }

        private void openPause(final Instant at) {
            if (openPauseStart == null) {
                openPauseStart = at;
            }
        }

        private void closePause(final SupplementReceived supplement) {
            if (openPauseStart == null) {
                return;
            }
            final Pause pause = new Pause(openPauseStart, supplement.occurredAt(), supplement.dueAt());
            pauses.add(pause);
            openPauseStart = null;
            if (due == null) {
                return;
            }
            // cannot overflow: valid pauses lie one after another in the contract's years, so the due time
            // stays before 2200-01-02 (CaseClockBoundsTest)
            due = supplement.dueAt() != null ? supplement.dueAt() : due.plus(pause.length());
        }

        private void resolve(final CaseResolved resolution) {
            final Instant judgedAt = openPauseStart != null ? openPauseStart : resolution.occurredAt();
            if (openPauseStart != null) {
                pauses.add(new Pause(openPauseStart, null, null));
                openPauseStart = null;
            }
            final Classification classification = due == null ? null : classify(judgedAt, due);
            closing = new Closing.Resolution(resolution.occurredAt(), judgedAt, resolution.result(), classification,
                extended);
        }

        /** Reports a pause still open when the walk ends, so that the case shows it waits on the citizen. */
        void finish() {
            if (openPauseStart != null) {
                pauses.add(new Pause(openPauseStart, null, null));
            }
        }
    }
}
