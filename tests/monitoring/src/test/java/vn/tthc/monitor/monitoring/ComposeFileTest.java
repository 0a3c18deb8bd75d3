package vn.tthc.monitor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml read as YAML (no Docker engine nor compose plugin here, so `docker compose
 * config` cannot check it): its services, the files it mounts and builds from, its ports, and that
 * Prometheus and Grafana are wired to the services that exist.
 */
class ComposeFileTest {

    private static final JsonNode COMPOSE = RepositoryFiles.compose();
    private static final JsonNode SERVICES = COMPOSE.path("services");

    @Test
    void theStackHasEveryService() {
        assertThat(services().keySet()).contains("kafka-1", "kafka-2", "kafka-3", "kpi-streams-1", "kpi-streams-2",
            "alert-notifier-1", "alert-notifier-2", "ingest-gateway", "case-simulator",
            "prometheus", "alertmanager", "grafana", "mailpit");
    }

    @Test
    void everyServiceIsRestartedWhenItExits() {
        for (final Map.Entry<String, JsonNode> service : services().entrySet()) {
            assertThat(service.getValue().path("restart").asText()).as(service.getKey() + " restart policy").isEqualTo("unless-stopped");
        }
    }

    @Test
    void everyServiceHasAHealthcheck() {
        for (final Map.Entry<String, JsonNode> service : services().entrySet()) {
            final JsonNode test = service.getValue().path("healthcheck").path("test");
            assertThat(test.isArray() && test.size() >= 2).as(service.getKey() + " healthcheck test").isTrue();
            assertThat(test.get(0).asText()).as(service.getKey() + " healthcheck").isIn("CMD", "CMD-SHELL");
        }
    }

    /** The product's HTTP services are healthy when their own /health answers 200 on the port compose gives them. */
    @Test
    void theHttpServicesAreHealthyWhenTheirHealthEndpointAnswers() {
        for (final String name : Set.of("kpi-streams-1", "kpi-streams-2", "alert-notifier-1", "alert-notifier-2", "ingest-gateway")) {
            final JsonNode service = SERVICES.path(name);
            final String port = service.path("environment").path(variableOf(server(name).path("port").asText())).asText();
            assertThat(service.path("healthcheck").path("test").toString()).as(name + " healthcheck")
                .contains("/dev/tcp/127.0.0.1/" + port, "GET /health ", "' 200 '");
        }
    }

    @Test
    void everyDependencyIsWaitedForUntilHealthy() {
        int dependencies = 0;
        for (final Map.Entry<String, JsonNode> service : services().entrySet()) {
            final JsonNode dependsOn = service.getValue().path("depends_on");
            assertThat(dependsOn.isMissingNode() || dependsOn.isObject()).as(service.getKey() + ": depends_on with conditions").isTrue();
            for (final Map.Entry<String, JsonNode> dependency : dependsOn.properties()) {
                dependencies++;
                assertThat(dependency.getValue().path("condition").asText()).as(service.getKey() + " → " + dependency.getKey())
                    .isEqualTo("service_healthy");
                assertThat(SERVICES.path(dependency.getKey()).has("healthcheck")).as(dependency.getKey() + " has a healthcheck").isTrue();
            }
        }
        assertThat(dependencies).isGreaterThanOrEqualTo(8);
        assertThat(SERVICES.path("prometheus").path("depends_on").has("kpi-streams-1"))
            .as("Prometheus starts without the services, to see them down").isFalse();
    }

    /** The broker's data and each service's local state live in named volumes, not in the container. */
    @Test
    void theBrokerAndTheStateOfTheServicesAreInNamedVolumes() throws Exception {
        final Set<String> brokerVolumes = new HashSet<>();
        for (final String broker : brokers()) {
            final JsonNode kafka = SERVICES.path(broker);
            assertThat(namedVolumeAt(kafka, kafka.path("environment").path("KAFKA_LOG_DIRS").asText())).as(broker + " log dirs").isTrue();
            assertThat(brokerVolumes.add(kafka.path("volumes").get(0).asText().split(":")[0])).as(broker + "'s own volume").isTrue();
        }
        int stateDirs = 0;
        for (final Map.Entry<String, String> built : builtModules().entrySet()) {
            for (final String variable : placeholders(built.getValue())) {
                if (variable.endsWith("STATE_DIR")) {
                    stateDirs++;
                    final String dir = SERVICES.path(built.getKey()).path("environment").path(variable).asText();
                    assertThat(dir).as(built.getKey() + " sets " + variable + " under the image's /var/lib/tthc").startsWith("/var/lib/tthc/");
                    assertThat(namedVolumeAt(SERVICES.path(built.getKey()), dir)).as(built.getKey() + " " + variable + "=" + dir
                        + " in a named volume").isTrue();
                }
            }
        }
        assertThat(stateDirs).as("the two kpi-streams' and the gateway's state dirs").isEqualTo(3);
        assertThat(Files.readString(RepositoryFiles.path("services/Dockerfile")))
            .as("the image's /var/lib/tthc, where the state volumes are mounted, belongs to the service's user")
            .contains("mkdir -p /var/lib/tthc && chown tthc /var/lib/tthc", "USER tthc");
        assertThat(namedVolumeAt(SERVICES.path("prometheus"), "/prometheus")).isTrue();
        assertThat(namedVolumeAt(SERVICES.path("alertmanager"), "/alertmanager")).isTrue();
    }

    /**
     * Every file a service is pointed at by its environment is in a bind mount of the repository and
     * exists there; the organisation and targets files, which the image does not hold (its working
     * directory has no config/), are set for every service that reads them.
     */
    @Test
    void everyFileAServiceIsPointedAtIsMountedFromTheRepository() {
        int files = 0;
        for (final Map.Entry<String, JsonNode> service : services().entrySet()) {
            for (final Map.Entry<String, JsonNode> variable : service.getValue().path("environment").properties()) {
                if (variable.getKey().endsWith("_FILE")) {
                    files++;
                    final String file = variable.getValue().asText();
                    assertThat(repositoryFileMountedAt(service.getValue(), file)).as(service.getKey() + " " + variable.getKey() + "=" + file)
                        .isNotNull().isRegularFile();
                }
            }
        }
        assertThat(files).isGreaterThanOrEqualTo(4);
        for (final Map.Entry<String, String> built : builtModules().entrySet()) {
            for (final String variable : placeholders(built.getValue())) {
                if (variable.equals("TTHC_UNITS_FILE") || variable.equals("TTHC_TARGETS_FILE")) {
                    assertThat(SERVICES.path(built.getKey()).path("environment").has(variable)).as(built.getKey() + " sets " + variable)
                        .isTrue();
                }
            }
        }
    }

    /**
     * The image build copies every directory Maven reads: each module of the root pom (Maven reads
     * them all) and every path a module's pom names outside itself (the simulator bundles config/);
     * the test-only system properties of surefire and failsafe are left out (the image skips tests).
     */
    @Test
    void theImageBuildCopiesEveryDirectoryTheBuildReads() throws Exception {
        final String dockerfile = Files.readString(RepositoryFiles.path("services/Dockerfile"));
        final Set<String> copied = new TreeSet<>();
        final Matcher copy = Pattern.compile("(?m)^COPY (?!--)(\\S+) (\\S+)$").matcher(dockerfile);
        while (copy.find()) {
            assertThat(copy.group(2)).as("COPY " + copy.group(1) + " keeps its path").isIn(copy.group(1), ".");
            copied.add(copy.group(1));
        }
        final List<String> ignored = Files.readAllLines(RepositoryFiles.path(".dockerignore")).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        final Set<String> read = new TreeSet<>();
        final String rootPom = Files.readString(RepositoryFiles.path("pom.xml"));
        final Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(rootPom);
        while (module.find()) {
            read.add(module.group(1));
            final Path moduleDir = RepositoryFiles.path(module.group(1));
            final String pom = Files.readString(moduleDir.resolve("pom.xml")).replaceAll("(?s)<systemPropertyVariables>.*?</systemPropertyVariables>", "");
            final Matcher outside = Pattern.compile("\\$\\{project\\.basedir}/([^<\\s]+)").matcher(pom);
            while (outside.find()) {
                read.add(RepositoryFiles.root().relativize(moduleDir.resolve(outside.group(1)).normalize()).toString());
            }
        }
        assertThat(read).contains("config");
        for (final String path : read) {
            final String top = path.split("/")[0];
            assertThat(copied).as("services/Dockerfile copies " + top + " (the build reads " + path + ")").contains(top);
            assertThat(ignored).as(".dockerignore keeps " + top).doesNotContain(top, top + "/", "/" + top);
        }
    }

    /** Prometheus sends its alerts to the stack's Alertmanager, which mails the operators through Mailpit, never the heads. */
    @Test
    void prometheusAlertsGoToTheOperatorsThroughTheStacksAlertmanager() throws Exception {
        final JsonNode alertmanagers = RepositoryFiles.yaml("prometheus/prometheus.yml").path("alerting").path("alertmanagers");
        assertThat(alertmanagers.toString()).contains("\"alertmanager:9093\"");
        final JsonNode alertmanager = SERVICES.path("alertmanager");
        assertThat(alertmanager.path("image").asText()).startsWith("prom/alertmanager:");
        assertThat(alertmanager.path("command").toString()).contains("--config.file=/etc/alertmanager/alertmanager.yml");
        assertThat(repositoryFileMountedAt(alertmanager, "/etc/alertmanager/alertmanager.yml")).isRegularFile();
        assertThat(alertmanager.path("ports").toString()).contains(":9093:9093");

        final JsonNode config = RepositoryFiles.yaml("alertmanager/alertmanager.yml");
        assertThat(config.path("global").path("smtp_smarthost").asText()).isEqualTo("mailpit:1025");
        assertThat(SERVICES.has("mailpit")).isTrue();
        final String receivers = config.path("receivers").toString();
        final Matcher headEmail = Pattern.compile("email:\\s*(\\S+@\\S+)").matcher(Files.readString(RepositoryFiles.path("config/units.yaml")));
        int heads = 0;
        while (headEmail.find()) {
            heads++;
            assertThat(receivers).as("Alertmanager mails the operators, not the head " + headEmail.group(1)).doesNotContain(headEmail.group(1));
        }
        assertThat(heads).isPositive();
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
        assertThat(builds).isEqualTo(6);
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
                    final JsonNode server = server(hostAndPort[0]);
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
        for (final String notifier : instancesOf("services/alert-notifier")) {
            final JsonNode environment = SERVICES.path(notifier).path("environment");
            assertThat(environment.path("TTHC_SMTP_HOST").asText()).as(notifier).isEqualTo("mailpit");
            assertThat(environment.path("TTHC_SMTP_PORT").asText()).as(notifier).isEqualTo("1025");
            assertThat(environment.path("TTHC_UNITS_FILE").asText()).as(notifier).isEqualTo("/config/units.yaml");
        }
    }

    /**
     * Three brokers, each a KRaft controller too, form one cluster: distinct node ids, the same voters (every broker
     * at its own node id, on its controller listener), the same cluster id (TTHC_KAFKA_CLUSTER_ID, else a valid
     * default), each its own advertised name and data volume.
     */
    @Test
    void threeBrokersFormOneKraftCluster() {
        assertThat(brokers()).containsExactly("kafka-1", "kafka-2", "kafka-3");
        final Set<String> nodeIds = new TreeSet<>();
        final Set<String> voters = new TreeSet<>();
        final Set<String> clusterIds = new TreeSet<>();
        final Set<String> expectedVoters = new TreeSet<>();
        for (final String broker : brokers()) {
            final JsonNode environment = SERVICES.path(broker).path("environment");
            final String nodeId = environment.path("KAFKA_NODE_ID").asText();
            assertThat(nodeIds.add(nodeId)).as(broker + " node id " + nodeId + " distinct").isTrue();
            expectedVoters.add(nodeId + "@" + broker + ":9093");
            voters.add(environment.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText());
            clusterIds.add(environment.path("CLUSTER_ID").asText());
            assertThat(environment.path("KAFKA_PROCESS_ROLES").asText()).as(broker).isEqualTo("broker,controller");
            assertThat(environment.path("KAFKA_LISTENERS").asText()).as(broker).contains("CONTROLLER://:9093", "PLAINTEXT://:9092");
            assertThat(environment.path("KAFKA_ADVERTISED_LISTENERS").asText()).as(broker).contains("PLAINTEXT://" + broker + ":9092");
        }
        assertThat(voters).as("one voters list for the three").hasSize(1);
        assertThat(Set.of(voters.iterator().next().split(","))).isEqualTo(expectedVoters);
        assertThat(clusterIds).as("one cluster id for the three").hasSize(1);
        final Matcher clusterId = Pattern.compile("\\$\\{TTHC_KAFKA_CLUSTER_ID:-([A-Za-z0-9_-]{22})}").matcher(clusterIds.iterator().next());
        assertThat(clusterId.matches()).as(clusterIds.iterator().next() + ": TTHC_KAFKA_CLUSTER_ID or a 22-character default").isTrue();
        assertThat(Base64.getUrlDecoder().decode(clusterId.group(1))).as("the default cluster id is a UUID").hasSize(16);
    }

    /**
     * Every topic is written three times and a write needs two copies in sync: the brokers' defaults and internal
     * topics, and the topics each service creates (TTHC_REPLICATION_FACTOR for every service that reads it).
     */
    @Test
    void everyTopicHasThreeCopiesAndAWriteNeedsTwo() {
        for (final String broker : brokers()) {
            final JsonNode environment = SERVICES.path(broker).path("environment");
            assertThat(environment.path("KAFKA_DEFAULT_REPLICATION_FACTOR").asInt()).as(broker).isEqualTo(3);
            assertThat(environment.path("KAFKA_MIN_INSYNC_REPLICAS").asInt()).as(broker).isEqualTo(2);
            assertThat(environment.path("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").asInt()).as(broker).isEqualTo(3);
            assertThat(environment.path("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asInt()).as(broker).isEqualTo(3);
            assertThat(environment.path("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asInt()).as(broker).isEqualTo(2);
        }
        int replicated = 0;
        for (final Map.Entry<String, String> built : builtModules().entrySet()) {
            if (placeholders(built.getValue()).contains("TTHC_REPLICATION_FACTOR")) {
                replicated++;
                assertThat(SERVICES.path(built.getKey()).path("environment").path("TTHC_REPLICATION_FACTOR").asInt())
                    .as(built.getKey() + " TTHC_REPLICATION_FACTOR").isEqualTo(3);
            }
        }
        assertThat(replicated).as("two kpi-streams, two notifiers, the gateway").isEqualTo(5);
    }

    /** Every Kafka client of the stack is given every broker, so that it starts with any one of them down. */
    @Test
    void everyKafkaClientKnowsEveryBroker() {
        final List<String> bootstrap = brokers().stream().map(broker -> broker + ":9092").toList();
        int clients = 0;
        for (final Map.Entry<String, JsonNode> service : services().entrySet()) {
            final JsonNode servers = service.getValue().path("environment").path("KAFKA_BOOTSTRAP_SERVERS");
            if (!servers.isMissingNode()) {
                clients++;
                assertThat(List.of(servers.asText().split(","))).as(service.getKey()).containsExactlyInAnyOrderElementsOf(bootstrap);
            }
        }
        assertThat(clients).isEqualTo(5);
    }

    /**
     * Two kpi-streams instances of one application: the same settings but where the other reaches each (its own
     * service name, at the port it listens on) and its own state volume, and Kafka Streams' standby replicas.
     */
    @Test
    void twoKpiStreamsInstancesDifferOnlyInTheirAddressAndState() {
        final List<String> instances = instancesOf("services/kpi-streams");
        assertThat(instances).containsExactly("kpi-streams-1", "kpi-streams-2");
        final Set<String> stateVolumes = new HashSet<>();
        final Set<Map<String, JsonNode>> shared = new HashSet<>();
        for (final String instance : instances) {
            final JsonNode environment = SERVICES.path(instance).path("environment");
            assertThat(environment.path("TTHC_ADVERTISED_URL").asText()).as(instance + " advertised url")
                .isEqualTo("http://" + instance + ":" + environment.path("TTHC_HTTP_PORT").asText());
            assertThat(environment.path("TTHC_HTTP_HOST").asText()).isEqualTo("0.0.0.0");
            assertThat(environment.path("TTHC_STANDBY_REPLICAS").asInt()).as(instance).isEqualTo(1);
            final String stateDir = environment.path("TTHC_STATE_DIR").asText();
            assertThat(namedVolumeAt(SERVICES.path(instance), stateDir)).as(instance + " state in a named volume").isTrue();
            for (final JsonNode volume : SERVICES.path(instance).path("volumes")) {
                final String[] parts = volume.asText().split(":");
                if (stateDir.startsWith(parts[1] + "/") || stateDir.equals(parts[1])) {
                    assertThat(stateVolumes.add(parts[0])).as(instance + "'s own state volume " + parts[0]).isTrue();
                }
            }
            final Map<String, JsonNode> settings = new TreeMap<>();
            environment.properties().forEach(variable -> settings.put(variable.getKey(), variable.getValue()));
            settings.remove("TTHC_ADVERTISED_URL");
            shared.add(settings);
        }
        assertThat(stateVolumes).hasSize(2);
        assertThat(shared).as("the same settings but the advertised url").hasSize(1);
        assertThat(shared.iterator().next()).as("one application id (the default) for both").doesNotContainKey("TTHC_APPLICATION_ID");
    }

    /** Two notifiers with the same settings: one consumer group (the default), one ledger, the same mail server. */
    @Test
    void twoNotifiersShareTheirSettings() {
        final List<String> instances = instancesOf("services/alert-notifier");
        assertThat(instances).containsExactly("alert-notifier-1", "alert-notifier-2");
        assertThat(SERVICES.path(instances.get(0)).path("environment")).isEqualTo(SERVICES.path(instances.get(1)).path("environment"));
        assertThat(SERVICES.path(instances.get(0)).path("environment").has("TTHC_NOTIFIER_GROUP")).isFalse();
    }

    /** Prometheus scrapes every instance of every service, each in the job named after its module. */
    @Test
    void prometheusScrapesEveryInstance() {
        final Map<String, Set<String>> targets = new TreeMap<>();
        for (final JsonNode job : RepositoryFiles.yaml("prometheus/prometheus.yml").path("scrape_configs")) {
            final Set<String> jobTargets = targets.computeIfAbsent(job.path("job_name").asText(), name -> new TreeSet<>());
            job.path("static_configs").forEach(config -> config.path("targets").forEach(target -> jobTargets.add(target.asText())));
        }
        final Map<String, Set<String>> expected = new TreeMap<>();
        for (final Map.Entry<String, String> built : builtModules().entrySet()) {
            if (!Files.exists(RepositoryFiles.path(built.getValue() + "/src/main/resources/application.yml"))) {
                continue; // the case simulator serves nothing
            }
            final JsonNode portVariable = server(built.getKey()).path("port");
            if (!portVariable.isMissingNode()) {
                final String port = SERVICES.path(built.getKey()).path("environment").path(variableOf(portVariable.asText())).asText();
                expected.computeIfAbsent(Path.of(built.getValue()).getFileName().toString(), name -> new TreeSet<>())
                    .add(built.getKey() + ":" + port);
            }
        }
        assertThat(expected.get("kpi-streams")).containsExactly("kpi-streams-1:8080", "kpi-streams-2:8080");
        assertThat(expected.get("alert-notifier")).containsExactly("alert-notifier-1:8082", "alert-notifier-2:8082");
        assertThat(targets).isEqualTo(expected);
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

    /** The corrective-action links' key comes from the environment, the same to the notifier and kpi-streams, never a default. */
    @Test
    void theLinkKeyComesFromTheEnvironmentToBothServices() {
        for (final String service : List.of("kpi-streams-1", "kpi-streams-2", "alert-notifier-1", "alert-notifier-2")) {
            assertThat(SERVICES.path(service).path("environment").path("TTHC_LINK_KEY").asText()).as(service)
                .startsWith("${TTHC_LINK_KEY:?");
        }
    }

    /** A sign-in cookie signed by one kpi-streams instance is good on the other: one secret, from the environment. */
    @Test
    void bothKpiStreamsSignCookiesWithOneSecretFromTheEnvironment() {
        for (final String instance : instancesOf("services/kpi-streams")) {
            assertThat(SERVICES.path(instance).path("environment").path("TTHC_JWT_SECRET").asText()).as(instance)
                .startsWith("${TTHC_JWT_SECRET:?");
        }
    }

    /**
     * kpi-streams listens on every interface of its container, so the stack starts it with sign-in on (it would refuse
     * to start otherwise, docs/SECURITY.md), and Prometheus sends the operator key to its /prometheus from the secret
     * made of TTHC_OPERATOR_KEY.
     */
    @Test
    void kpiStreamsRequiresSignInAndPrometheusSendsItTheOperatorKey() {
        for (final String instance : instancesOf("services/kpi-streams")) {
            final JsonNode environment = SERVICES.path(instance).path("environment");
            assertThat(environment.path("TTHC_SIGN_IN").asText()).as(instance).isEqualTo("true");
            assertThat(environment.path("TTHC_USERS_FILE").asText()).as(instance).isEqualTo("/config/users.yaml");
            // required: the instances ask each other with it
            assertThat(environment.path("TTHC_OPERATOR_KEY").asText()).as(instance).startsWith("${TTHC_OPERATOR_KEY:?");
        }
        assertThat(COMPOSE.path("secrets").path("operator_key").path("environment").asText()).isEqualTo("TTHC_OPERATOR_KEY");
        assertThat(SERVICES.path("prometheus").path("secrets").toString()).contains("operator_key");
        JsonNode kpiStreamsJob = null;
        for (final JsonNode job : RepositoryFiles.yaml("prometheus/prometheus.yml").path("scrape_configs")) {
            if (job.path("job_name").asText().equals("kpi-streams")) {
                kpiStreamsJob = job;
            }
        }
        assertThat(kpiStreamsJob).isNotNull();
        assertThat(kpiStreamsJob.path("authorization").path("type").asText()).isEqualTo("Bearer");
        assertThat(kpiStreamsJob.path("authorization").path("credentials_file").asText()).isEqualTo("/run/secrets/operator_key");
    }

    /** The brokers: the services of the Kafka image, by name. */
    private static List<String> brokers() {
        return services().entrySet().stream().filter(service -> service.getValue().path("image").asText().startsWith("apache/kafka:"))
            .map(Map.Entry::getKey).toList();
    }

    /** The services built from a module, by name. */
    private static List<String> instancesOf(final String module) {
        return builtModules().entrySet().stream().filter(built -> built.getValue().equals(module)).map(Map.Entry::getKey).toList();
    }

    private static JsonNode server(final String service) {
        return RepositoryFiles.yaml(builtModules().get(service) + "/src/main/resources/application.yml").path("micronaut").path("server");
    }

    /** The environment variables of the placeholders of a module's application.yml. */
    private static Set<String> placeholders(final String module) {
        final Path file = RepositoryFiles.path(module + "/src/main/resources/application.yml");
        if (!Files.exists(file)) {
            return Set.of();
        }
        try {
            final String yaml = Files.readString(file);
            final Set<String> variables = new TreeSet<>();
            final Matcher matcher = Pattern.compile("\\$\\{(\\w+):").matcher(yaml);
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
            return variables;
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a directory of the service's container is (in) a named volume. */
    private static boolean namedVolumeAt(final JsonNode service, final String dir) {
        for (final JsonNode volume : service.path("volumes")) {
            final String[] parts = volume.asText().split(":");
            if (!parts[0].startsWith(".") && !parts[0].startsWith("/") && COMPOSE.path("volumes").has(parts[0])
                && (dir.equals(parts[1]) || dir.startsWith(parts[1] + "/"))) {
                return true;
            }
        }
        return false;
    }

    /** The repository file a bind mount of the service shows at a path of its container, or null. */
    private static Path repositoryFileMountedAt(final JsonNode service, final String file) {
        for (final JsonNode volume : service.path("volumes")) {
            final String[] parts = volume.asText().split(":");
            if (parts[0].startsWith("./") && file.startsWith(parts[1] + "/")) {
                return RepositoryFiles.path(parts[0]).resolve(file.substring(parts[1].length() + 1)).normalize();
            }
        }
        return null;
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
