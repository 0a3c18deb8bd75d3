package vn.tthc.monitor.kpi;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The kpi-streams service: the KPI pipeline on Kafka Streams and its read-only query API. */
@OpenAPIDefinition(info = @Info(title = "TTHC Monitor KPI query API", version = "1",
    description = "Read-only KPIs, breaches and case states of TTHC Monitor, served from Kafka Streams state stores."))
public final class KpiStreamsApplication {

    private KpiStreamsApplication() {
    }

    public static void main(final String[] args) {
        Micronaut.run(KpiStreamsApplication.class, args);
    }
}
