package vn.tthc.monitor.kpi.evaluation;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Where the report archive reads and writes (docs/EVALUATION.md, "Archive"): the verdicts the verdict stage writes
 * ({@code tthc.topics.verdicts}), the compacted topic of archived reports ({@code tthc.topics.verdict-reports}), the
 * topic of verdicts that could not be archived ({@code tthc.topics.verdict-report-failures}), and the archiver's
 * consumer group ({@code tthc.archive.group-id}, by default the application id with {@code -report-archiver}).
 */
@Singleton
public class ArchiveSettings {

    /**
     * The reports topic's {@code max.message.bytes} and the archiver producer's {@code max.request.size}: 16 MiB, far
     * above the PDF of a province subtree with 200 units, 30 fields and 1,000 alerts (178,365 bytes, 0.23 MiB as base64
     * in the record's JSON; docs/BENCHMARKS.md), so that
     * no verdict's report is ever refused for its size.
     */
    public static final int REPORTS_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private final String bootstrapServers;
    private final String verdictsTopic;
    private final String reportsTopic;
    private final String failuresTopic;
    private final String groupId;
    private final boolean enabled;
    private final Duration retryBackoff;

    public ArchiveSettings(@Value("${kafka.bootstrap.servers}") final String bootstrapServers,
                           @Value("${tthc.topics.verdicts:tthc-kpi-verdicts}") final String verdictsTopic,
                           @Value("${tthc.topics.verdict-reports:tthc-verdict-reports}") final String reportsTopic,
                           @Value("${tthc.topics.verdict-report-failures:tthc-verdict-report-failures}")
                           final String failuresTopic,
                           @Value("${kafka.streams.default.application.id}") final String applicationId,
                           @Value("${tthc.archive.group-id:}") final String groupId,
                           @Value("${tthc.archive.enabled:true}") final boolean enabled,
                           @Value("${tthc.archive.retry-backoff:2s}") final Duration retryBackoff) {
        this.bootstrapServers = bootstrapServers;
        this.verdictsTopic = verdictsTopic;
        this.reportsTopic = reportsTopic;
        this.failuresTopic = failuresTopic;
        // a nested placeholder as the default (${a:${b}-suffix}) is not resolved by Micronaut: it left the literal text
        this.groupId = groupId.isBlank() ? applicationId + "-report-archiver" : groupId;
        this.enabled = enabled;
        this.retryBackoff = retryBackoff;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String verdictsTopic() {
        return verdictsTopic;
    }

    public String reportsTopic() {
        return reportsTopic;
    }

    public String failuresTopic() {
        return failuresTopic;
    }

    public String groupId() {
        return groupId;
    }

    /** Whether this instance archives verdicts (it always reads the archive back). */
    public boolean enabled() {
        return enabled;
    }

    /** How long the archiver waits before trying a verdict again when the state stores cannot answer yet. */
    public Duration retryBackoff() {
        return retryBackoff;
    }
}
