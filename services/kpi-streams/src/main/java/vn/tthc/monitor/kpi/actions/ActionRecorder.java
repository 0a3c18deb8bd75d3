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
import vn.tthc.monitor.kpi.query.QueryResult;

/**
 * Records a request about an alert for the API and the mail link alike: checks it ({@link ActionRequest#problems},
 * and who records) against the alert's current action, read from whichever instance holds it ({@link ActionQueries}),
 * then writes its event ({@link ActionLog}: a topic, so any instance writes). Two requests at the same moment are
 * both checked against the state before either: the fold keeps them consistent (the first acknowledgement stays, the
 * last recording is current).
 */
@Singleton
public class ActionRecorder {

    private final ActionQueries actions;
    private final ActionLog log;
    private final Clock clock;

    public ActionRecorder(final ActionQueries actions, final ActionLog log, final Clock clock) {
        this.actions = actions;
        this.log = log;
        this.clock = clock;
    }

    /** What came of a request. */
    public sealed interface Outcome permits Recorded, Refused, Unavailable {
    }

    /** Written: the event, and the action as it now stands. */
    public record Recorded(ActionEvent event, ActionView action) implements Outcome {
    }

    /** Not written, for these reasons (Vietnamese). */
    public record Refused(List<String> problems) implements Outcome {
    }

    /** Not written: the alert's current action could not be read now (restoring, rebalancing), for this reason. */
    public record Unavailable(String reason) implements Outcome {
    }

    public Outcome record(final List<String> alertKey, final ActionRequest request, final String by,
                          final ActionChannel channel) {
        final Instant now = clock.instant();
        final QueryResult<CorrectiveAction> read = actions.current(alertKey);
        if (read instanceof QueryResult.NotReady<CorrectiveAction> notReady) {
            return new Unavailable(notReady.reason());
        }
        if (read instanceof QueryResult.Overloaded<CorrectiveAction> overloaded) {
            return new Unavailable(overloaded.reason());
        }
        final CorrectiveAction current = read instanceof QueryResult.Found<CorrectiveAction> found ? found.value() : null;
        final List<String> problems = new ArrayList<>(ActionRequest.byProblems(by));
        problems.addAll(request.problems(current, now));
        if (!problems.isEmpty()) {
            return new Refused(problems);
        }
        final ActionEvent event = request.event(alertKey, by.strip(), channel, now);
        log.write(event);
        return new Recorded(event, ActionView.of(CorrectiveAction.apply(current, event), now));
    }

    /** The alert's current action as it stands now; not found when nothing was recorded for it. */
    public QueryResult<ActionView> current(final List<String> alertKey) {
        final Instant now = clock.instant();
        return actions.current(alertKey).map(action -> ActionView.of(action, now));
    }
}
