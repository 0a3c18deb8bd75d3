package vn.tthc.monitor.kpi.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.action.ActionChannel;
import vn.tthc.monitor.contract.action.ActionEvent;
import vn.tthc.monitor.contract.action.ActionEventType;
import vn.tthc.monitor.contract.action.CorrectiveAction;
import vn.tthc.monitor.kpi.query.QueryResult;

class LatestActionsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");

    /** The action of {@code unit}'s alert, acknowledged {@code minutes} after {@link #NOW} (and later, when given). */
    private static CorrectiveAction action(final String unit, final int... minutes) {
        CorrectiveAction action = null;
        for (final int minute : minutes) {
            action = CorrectiveAction.apply(action, new ActionEvent(List.of(unit, "*", "2026-12", "onTimeRate"),
                unit + minute, ActionEventType.ACKNOWLEDGED, "an", ActionChannel.API, NOW.plusSeconds(60L * minute),
                null, null, null, null, null));
        }
        return action;
    }

    private static List<String> units(final QueryResult.Found<List<CorrectiveAction>> found) {
        return found.value().stream().map(CorrectiveAction::unitId).toList();
    }

    @Test
    void anInstanceKeepsItsLatestRecordedAndSaysItCutTheRest() {
        final QueryResult.Found<List<CorrectiveAction>> newest = LatestActions.newest(
            List.of(action("A", 1), action("B", 5), action("C", 3), action("D", 0, 9)).iterator(), 3);
        assertThat(units(newest)).containsExactly("D", "B", "C");
        assertThat(newest.truncated()).isTrue();
        assertThat(LatestActions.newest(List.of(action("A", 1)).iterator(), 3).truncated()).isFalse();
    }

    @Test
    void theInstancesListsMergeLatestFirstIntoTheNewestOfAll() {
        final QueryResult.Found<List<CorrectiveAction>> merged = LatestActions.merged(List.of(
            new QueryResult.Found<>(List.of(action("A", 7), action("C", 2))),
            new QueryResult.Found<>(List.of(action("B", 9), action("D", 4)))), 10);
        assertThat(units(merged)).containsExactly("B", "A", "D", "C");
        assertThat(merged.truncated()).isFalse();
        // at the same moment, the alert key decides: the same order whichever instance merges
        assertThat(units(LatestActions.merged(List.of(new QueryResult.Found<>(List.of(action("Z", 1))),
            new QueryResult.Found<>(List.of(action("Y", 1)))), 10))).containsExactly("Y", "Z");
    }

    @Test
    void theMergeIsCutWhenOneInstanceCutItsListOrTheWholeIsTooLong() {
        final QueryResult.Found<List<CorrectiveAction>> cutThere = LatestActions.merged(List.of(
            new QueryResult.Found<>(List.of(action("A", 7)), true), new QueryResult.Found<>(List.of(action("B", 9)))), 10);
        assertThat(units(cutThere)).containsExactly("B", "A");
        assertThat(cutThere.truncated()).isTrue();
        final QueryResult.Found<List<CorrectiveAction>> cutHere = LatestActions.merged(List.of(
            new QueryResult.Found<>(List.of(action("A", 7), action("C", 2))), new QueryResult.Found<>(List.of(action("B", 9)))), 2);
        assertThat(units(cutHere)).containsExactly("B", "A");
        assertThat(cutHere.truncated()).isTrue();
    }
}
