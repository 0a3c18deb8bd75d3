package vn.tthc.monitor.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.kpi.testing.RunningService;

/**
 * A running kpi-streams on the test broker and an ingest gateway (its own JVM) writing to its events topic, for one
 * test class; with the readings of kpi-streams' query API the tests make.
 */
final class RunningPipeline implements AutoCloseable {

    final RunningService kpiStreams;
    final GatewayProcess gateway;

    RunningPipeline(final Map<String, String> gatewayProperties) {
        this(Map.of(), gatewayProperties);
    }

    /** With more configuration properties of kpi-streams too, e.g. {@code tthc.pipeline.failure.exit}. */
    RunningPipeline(final Map<String, Object> kpiStreamsProperties, final Map<String, String> gatewayProperties) {
        kpiStreams = new RunningService(kpiStreamsProperties);
        GatewayProcess started = null;
        try {
            // the events topic exists once kpi-streams has started; its stream threads start while the gateway does
            started = new GatewayProcess(kpiStreams.topic("events"), gatewayProperties);
            await("kpi-streams RUNNING").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(kpiStreams.get("/health").body()).contains("RUNNING"));
        } catch (final RuntimeException | Error e) {
            if (started != null) {
                started.close();
            }
            kpiStreams.close();
            throw e;
        }
        gateway = started;
    }

    /** The JSON answer of kpi-streams' query API at {@code path}, which must be 200. */
    JsonNode query(final String path) throws IOException {
        return json(kpiStreams.get(path));
    }

    /** The row of {@code field} and {@code period} among one unit's rows. */
    static JsonNode row(final JsonNode rows, final String field, final String period) {
        for (final JsonNode row : rows) {
            if (row.get("fieldId").asText().equals(field) && row.get("period").asText().equals(period)) {
                return row;
            }
        }
        throw new AssertionError("no row " + field + " " + period + " in " + rows);
    }

    static JsonNode json(final HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ContractJson.mapper().readTree(response.body());
    }

    @Override
    public void close() {
        try {
            gateway.close();
        } finally {
            kpiStreams.close();
        }
    }
}
