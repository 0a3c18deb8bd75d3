package vn.tthc.monitor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml read as YAML (no Docker engine nor compose plugin here, so `docker compose
 * config` cannot check it): its services, the files it mounts and builds from, its ports, and that
 * Prometheus and Grafana are wired to the services that exist.
 */
class ComposeFileTest {

    private static final JsonNode COMPOSE = RepositoryFiles.yaml("docker-compose.yml");
    private static final JsonNode SERVICES = COMPOSE.path("services");

    @Test
    void theStackHasEveryService() {
        assertThat(services().keySet()).contains("kafka", "kpi-streams", "alert-notifier", "ingest-gateway", "case-simulator",
            "prometheus", "grafana", "mailpit");
    }

    @Test
    void theServicesOfTheProductAreRestartedWhenTheyExit() {
        for (final String service : Set.of("kpi-streams", "alert-notifier", "ingest-gateway", "case-simulator")) {
            assertThat(SERVICES.path(service).path("restart").asText()).as(service + " restart policy").isEqualTo("unless-stopped");
        }
    }

    @Test
    void everyBindMountSourceExistsInTheRepository() {
        int bindMounts = 0;
        for (final Map.Entry<String, JsonNode> service : services().entrySet()) {
            for (final JsonNode volume : service.getValue().path("volumes")) {
                final String source = volume.isTextual() ? volume.asText().split(":")[0] : volume.path("source").asText();
                if (source.startsWith(".") || source.startsWith("/")) {
                    bindMounts++;
                    assertThat(RepositoryFiles.path(source)).as(service.getKey() + " mounts " + source).exists();
                } else {
                    assertThat(COMPOSE.path("volumes").has(source)).as(service.getKey() + ": named volume " + source + " declared")
                        .isTrue();
                }
            }
        }
        assertThat(bindMounts).isGreaterThanOrEqualTo(4);
    }

    @Test
    void everyBuildContextAndDockerfileExists() {
        int builds = 0;
        for (final Map.Entry<String, JsonNode> service : services().entrySet()) {
            final JsonNode build = service.getValue().path("build");
            if (!build.isMissingNode()) {
                builds++;
                final Path context = RepositoryFiles.path(build.isTextual() ? build.asText() : build.path("context").asText("."));
                assertThat(context).as(service.getKey() + " build context").isDirectory();
                final Path dockerfile = context.resolve(build.path("dockerfile").asText("Dockerfile"));
                assertThat(dockerfile).as(service.getKey() + " Dockerfile").isRegularFile();
            } else {
                assertThat(service.getValue().path("image").asText()).as(service.getKey() + " has an image or a build")
                    .contains(":");
            }
        }
        assertThat(builds).isEqualTo(4);
    }

    @Test
    void everyBuiltServiceIsAModuleOfTheBuild() throws Exception {
        final String dockerfile = Files.readString(RepositoryFiles.path("services/Dockerfile"));
        assertThat(dockerfile).contains("-pl ${MODULE} -am").contains("${MODULE}/target/${NAME}-${VERSION}.jar")
            .contains("NAME=$(basename \"${MODULE}\")")
            .contains("COPY libs libs", "COPY services services", "COPY tools tools", "COPY tests tests", "COPY config config");
        final String rootPom = Files.readString(RepositoryFiles.path("pom.xml"));
        for (final Map.Entry<String, String> built : builtModules().entrySet()) {
            assertThat(rootPom).as(built.getKey() + " builds a module of the root pom").contains("<module>" + built.getValue() + "</module>");
            assertThat(RepositoryFiles.path(built.getValue() + "/pom.xml")).isRegularFile();
        }
        assertThat(builtModules()).containsValues("services/kpi-streams", "services/alert-notifier", "services/ingest-gateway",
            "tools/case-simulator");
    }

    @Test
    void theSimulatorSendsThroughTheGatewayWithTheKeyTheGatewayKnows() {
        assertThat(SERVICES.path("case-simulator").path("command").toString())
            .contains("http://ingest-gateway:8081", "TTHC_SIMULATOR_API_KEY");
        assertThat(SERVICES.path("case-simulator").path("environment").path("TTHC_SIMULATOR_API_KEY").asText())
            .startsWith("${TTHC_SIMULATOR_API_KEY:?");
        assertThat(SERVICES.path("ingest-gateway").path("environment").path("TTHC_GATEWAY_KEYS").asText())
            .startsWith("${TTHC_GATEWAY_KEYS:?");
    }

    @Test
    void publishedPortsAreUniqueAndOnLoopbackOnly() {
        final Set<String> hostPorts = new HashSet<>();
        for (final Map.Entry<String, JsonNode> service : services().entrySet()) {
            for (final JsonNode port : service.getValue().path("ports")) {
                final String[] parts = port.asText().split(":");
                assertThat(parts).as(service.getKey() + " publishes " + port.asText() + " as ip:host:container").hasSize(3);
                assertThat(parts[0]).as(service.getKey() + " publishes on loopback").isEqualTo("127.0.0.1");
                assertThat(hostPorts.add(parts[1])).as(service.getKey() + ": host port " + parts[1] + " unique").isTrue();
            }
        }
    }

    @Test
    void servicesListenOnEveryInterfaceOfTheirContainerAtThePortPrometheusScrapes() {
        final JsonNode scrapeConfigs = RepositoryFiles.yaml("prometheus/prometheus.yml").path("scrape_configs");
        assertThat(scrapeConfigs).hasSize(3);
        for (final JsonNode job : scrapeConfigs) {
            for (final JsonNode staticConfig : job.path("static_configs")) {
                for (final JsonNode target : staticConfig.path("targets")) {
                    final String[] hostAndPort = target.asText().split(":");
                    final JsonNode service = SERVICES.path(hostAndPort[0]);
                    assertThat(service.isMissingNode()).as("scrape target " + target.asText() + " is a compose service").isFalse();
                    final JsonNode server = RepositoryFiles.yaml(builtModules().get(hostAndPort[0])
                        + "/src/main/resources/application.yml").path("micronaut").path("server");
                    final JsonNode environment = service.path("environment");
                    assertThat(environment.path(variableOf(server.path("host").asText())).asText())
                        .as(hostAndPort[0] + " host").isEqualTo("0.0.0.0");
                    assertThat(environment.path(variableOf(server.path("port").asText())).asText())
                        .as(hostAndPort[0] + " port").isEqualTo(hostAndPort[1]);
                    assertThat(job.path("metrics_path").asText()).isEqualTo("/prometheus");
                }
            }
        }
    }

    @Test
    void prometheusAndGrafanaReadTheRepositoryConfiguration() {
        final JsonNode prometheus = SERVICES.path("prometheus");
        assertThat(prometheus.path("volumes").toString()).contains("./prometheus:/etc/prometheus");
        assertThat(prometheus.path("command").toString()).contains("--config.file=/etc/prometheus/prometheus.yml");

        final JsonNode grafana = SERVICES.path("grafana");
        assertThat(grafana.path("image").asText()).startsWith("grafana/grafana:11.");
        assertThat(grafana.path("volumes").toString())
            .contains("./grafana/provisioning:/etc/grafana/provisioning")
            .contains("./grafana/dashboards:/var/lib/grafana/dashboards");
        assertThat(grafana.path("environment").path("TTHC_PROMETHEUS_URL").asText()).isEqualTo("http://prometheus:9090");
        assertThat(RepositoryFiles.yaml("grafana/provisioning/datasources/prometheus.yml").path("datasources").get(0)
            .path("url").asText()).isEqualTo("${TTHC_PROMETHEUS_URL}");
    }

    @Test
    void alertNotifierSendsToTheMailCatcher() {
        final JsonNode environment = SERVICES.path("alert-notifier").path("environment");
        assertThat(environment.path("TTHC_SMTP_HOST").asText()).isEqualTo("mailpit");
        assertThat(environment.path("TTHC_SMTP_PORT").asText()).isEqualTo("1025");
        assertThat(environment.path("TTHC_UNITS_FILE").asText()).isEqualTo("/config/units.yaml");
        assertThat(SERVICES.path("kpi-streams").path("environment").path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
    }

    @Test
    void secretsComeFromTheEnvironment() {
        for (final Map.Entry<String, JsonNode> service : services().entrySet()) {
            service.getValue().path("environment").properties().forEach(variable -> {
                if (variable.getKey().matches(".*(PASSWORD|SECRET|TOKEN).*")) {
                    assertThat(variable.getValue().asText()).as(service.getKey() + " " + variable.getKey())
                        .matches("\\$\\{\\w+(:[-?][^}]*)?}");
                }
            });
        }
        assertThat(SERVICES.path("grafana").path("environment").path("GF_SECURITY_ADMIN_PASSWORD").asText())
            .startsWith("${GRAFANA_ADMIN_PASSWORD:?");
    }

    /** Compose service → the module its image is built from (build argument MODULE, its path). */
    private static Map<String, String> builtModules() {
        final Map<String, String> modules = new TreeMap<>();
        services().forEach((name, service) -> {
            final JsonNode module = service.path("build").path("args").path("MODULE");
            if (!module.isMissingNode()) {
                modules.put(name, module.asText());
            }
        });
        return modules;
    }

    /** The environment variable of a Micronaut placeholder such as {@code ${TTHC_HTTP_PORT:8080}}. */
    private static String variableOf(final String placeholder) {
        final Matcher matcher = Pattern.compile("\\$\\{(\\w+):").matcher(placeholder);
        assertThat(matcher.find()).as(placeholder + " is a ${VARIABLE:default} placeholder").isTrue();
        return matcher.group(1);
    }

    private static Map<String, JsonNode> services() {
        final Map<String, JsonNode> services = new TreeMap<>();
        SERVICES.properties().forEach(entry -> services.put(entry.getKey(), entry.getValue()));
        return services;
    }
}
