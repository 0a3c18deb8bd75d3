package vn.tthc.monitor.gateway;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The ingest gateway: case systems send events over HTTP; valid ones go to the events topic. */
@OpenAPIDefinition(info = @Info(title = "TTHC Monitor ingest gateway", version = "1",
    description = "Receives the events of the contract (spec/EVENTS.md) and the national portal's status records,"
        + " checks them and writes the valid events to the events topic."))
public final class IngestGatewayApplication {

    private IngestGatewayApplication() {
    }

    public static void main(final String[] args) {
        Micronaut.run(IngestGatewayApplication.class, args);
    }
}
