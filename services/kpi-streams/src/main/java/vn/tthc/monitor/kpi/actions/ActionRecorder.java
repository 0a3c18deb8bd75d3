package vn.tthc.monitor.kpi.actions;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.tthc.monitor.contract.action.ActionChannel;
import vn.tthc.monitor.contract.action.ActionEvent;
import vn.tthc.monitor.contract.action.ActionRequest;
import vn.tthc.monitor.contract.action.CorrectiveAction;

/**
 * Records a request about an alert for the API and the mail link alike: checks it ({@link ActionRequest#problems},
 * and who records) against the alert's current action, then writes its event ({@link ActionLog}). Two requests at
 * the same moment are both checked against the state before either: the fold keeps them consistent (the first
 * acknowledgement stays, the last recording is current).
 */
@Singleton
public class ActionRecorder {

    private final ActionStore store;
    private final ActionLog log;
    private final Clock clock;

    public ActionRecorder(final ActionStore store, final ActionLog log, final Clock clock) {
        this.store = store;
        this.log = log;
        this.clock = clock;
    }

    /** What came of a request. */
    public sealed interface Outcome permits Recorded, Refused {
    }

    /** Written: the event, and the action as it now stands. */
    public record Recorded(ActionEvent event, ActionView action) implements Outcome {
    }

    /** Not written, for these reasons (Vietnamese). */
    public record Refused(List<String> problems) implements Outcome {
    }

    public Outcome record(final List<String> alertKey, final ActionRequest request, final String by,
                          final ActionChannel channel) {
        final Instant now = clock.instant();
        final CorrectiveAction current = store.get(alertKey).orElse(null);
        final List<String> problems = new ArrayList<>(ActionRequest.byProblems(by));
        problems.addAll(request.problems(current, now));
        if (!problems.isEmpty()) {
            return new Refused(problems);
        }
        final ActionEvent event = request.event(alertKey, by.strip(), channel, now);
        log.write(event);
        return new Recorded(event, ActionView.of(CorrectiveAction.apply(current, event), now));
    }

    /** The alert's current action, if any. */
    public java.util.Optional<ActionView> current(final List<String> alertKey) {
        final Instant now = clock.instant();
        return store.get(alertKey).map(action -> ActionView.of(action, now));
    }
}
