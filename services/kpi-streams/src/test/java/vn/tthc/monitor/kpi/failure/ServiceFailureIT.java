package vn.tthc.monitor.kpi.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.testing.ExampleFiles;
import vn.tthc.monitor.kpi.testing.RunningService;

/**
 * kpi-streams whose pipeline fails for real on its first record (see {@link FailingPipeline}): /health
 * is DOWN and names the cause to the operator (DOWN only to others), the metrics say it failed, and the
 * process exits with status 1 after the grace period (through a recording {@link ProcessExit}, so that
 * the test JVM lives on).
 */
class ServiceFailureIT {

    @Test
    void aFailedPipelineIsDownNamesItsCauseIsCountedAndExits() throws Exception {
        final Map<String, Object> properties = new HashMap<>(FailingPipeline.properties());
        properties.put("tthc.test.process-exit", "recording");
        properties.put("tthc.pipeline.failure.exit-grace", "3s");
        try (RunningService service = new RunningService(properties)) {
            final RecordingProcessExit exit = service.context().getBean(RecordingProcessExit.class);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(service.get("/health").body()).contains("\"pipeline\"").contains("RUNNING"));

            service.send(ExampleFiles.lines("basic.events.jsonl").subList(0, 1));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                final HttpResponse<String> health = service.get("/health");
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).contains("\"pipeline\"").contains("\"status\":\"DOWN\"")
                    .contains(FailingPipeline.CAUSE).contains("\"state\":\"ERROR\"")
                    // the thread always; the task only when the first exception names one (a changelog flush names none)
                    .contains("\"thread\":\"");
            });
            final HttpResponse<String> anonymous = service.get("/health", null);
            assertThat(anonymous.statusCode()).isEqualTo(503);
            assertThat(anonymous.body()).contains("\"status\":\"DOWN\"").doesNotContain(FailingPipeline.CAUSE);
            final String metrics = service.get("/prometheus").body();
            assertThat(metrics).contains("tthc_pipeline_failed 1.0")
                .containsPattern("tthc_pipeline_thread_failures_total\\{exception=\"" + FailingPipeline.CAUSE.replace(".", "\\.")
                    + "\",response=\"SHUTDOWN_CLIENT\",?} 1\\.0");
            assertThat(exit.statuses()).as("no exit before the grace period").isEmpty();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(exit.statuses()).isEqualTo(List.of(1)));
        }
    }

    @Test
    void aRunningPipelineIsUpAndNotFailed() {
        try (RunningService service = new RunningService(Map.of("tthc.test.process-exit", "recording"))) {
            service.send(ExampleFiles.lines("basic.events.jsonl"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                final HttpResponse<String> health = service.get("/health");
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"state\":\"RUNNING\"").contains("\"threadsReplaced\":0");
                assertThat(service.get("/prometheus").body()).contains("tthc_pipeline_failed 0.0");
            });
            assertThat(service.context().getBean(RecordingProcessExit.class).statuses()).isEmpty();
        }
    }
}
