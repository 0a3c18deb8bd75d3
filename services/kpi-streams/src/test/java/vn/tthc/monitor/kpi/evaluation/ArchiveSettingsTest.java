package vn.tthc.monitor.kpi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArchiveSettingsTest {

    @Test
    void theArchiverGroupIsTheApplicationIdWithASuffixUnlessSet() {
        assertThat(settings("").groupId()).isEqualTo("tthc-kpi-report-archiver");
        assertThat(settings("province-archiver").groupId()).isEqualTo("province-archiver");
    }

    private static ArchiveSettings settings(final String groupId) {
        return new ArchiveSettings("localhost:9092", "verdicts", "reports", "failures", "tthc-kpi", groupId, true,
            Duration.ofSeconds(2));
    }
}
