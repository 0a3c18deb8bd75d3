package vn.tthc.monitor.contract.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DrivingChildTest {

    @Test
    void theThreeChildrenWithTheMostBadOutcomesDriveASubtreeRowWorstFirst() {
        assertThat(DrivingChild.worst(Map.of("A", 1L, "B", 7L, "C", 3L, "D", 5L)))
            .containsExactly(new DrivingChild("B", 7), new DrivingChild("D", 5), new DrivingChild("C", 3));
    }

    @Test
    void childrenWithNoBadOutcomeAreNotNamed() {
        assertThat(DrivingChild.worst(Map.of("A", 0L, "B", 2L))).containsExactly(new DrivingChild("B", 2));
        assertThat(DrivingChild.worst(Map.of("A", 0L))).isEmpty();
    }

    @Test
    void childrenWithAsManyBadOutcomesAreNamedByUnitId() {
        assertThat(DrivingChild.worst(Map.of("XA-2", 4L, "XA-1", 4L, "XA-3", 4L, "XA-0", 4L)))
            .extracting(DrivingChild::unitId).containsExactly("XA-0", "XA-1", "XA-2");
    }
}
