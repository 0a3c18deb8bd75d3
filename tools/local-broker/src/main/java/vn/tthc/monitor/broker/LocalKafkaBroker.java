package vn.tthc.monitor.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (KRaft, broker and controller in one) running in this JVM from Kafka's own
 * server classes, listening on loopback by default. Formats its data directory the first time and
 * keeps it, so a restart finds its topics. For the local run, replays and benchmarks; not for production.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    /**
     * @param dataDir the broker's directory (created, formatted when new)
     * @param host    the address to listen on
     * @param port    the client port, 0 for a free one
     * @param extra   further broker properties, overriding the defaults
     */
    public record Settings(Path dataDir, String host, int port, Map<String, String> extra) {
        public Settings {
            extra = Map.copyOf(extra);
        }

        public static Settings inDirectory(final Path dataDir) {
            return new Settings(dataDir, "127.0.0.1", 0, Map.of());
        }
    }

    private LocalKafkaBroker(final KafkaRaftServer server, final String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on a free loopback port in {@code dataDir}. */
    public static LocalKafkaBroker start(final Path dataDir) {
        return start(Settings.inDirectory(dataDir));
    }

    /** Starts a broker and returns once it answers clients. */
    public static LocalKafkaBroker start(final Settings settings) {
        final long started = System.nanoTime();
        final int port = settings.port() == 0 ? freePort(settings.host()) : settings.port();
        final Properties properties = properties(settings, port, freePort(settings.host()));
        format(settings.dataDir(), properties);
        final KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
        server.startup();
        final String bootstrap = settings.host() + ":" + port;
        awaitReady(bootstrap);
        LOG.info("Kafka ready at {} in {} ms (data {})", bootstrap,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), settings.dataDir());
        return new LocalKafkaBroker(server, bootstrap);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties properties(final Settings settings, final int port, final int controllerPort) {
        final Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + settings.host() + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + settings.host() + ":" + port + ",CONTROLLER://" + settings.host() + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + settings.host() + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", settings.dataDir().resolve("logs").toString());
        p.put("metadata.log.dir", settings.dataDir().resolve("metadata").toString());
        p.put("num.partitions", "4");
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        p.putAll(settings.extra());
        return p;
    }

    /** Formats the data directory unless it already is; the cluster id is made up once. */
    private static void format(final Path dataDir, final Properties properties) {
        if (Files.exists(dataDir.resolve("metadata").resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            final Path config = dataDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                properties.store(out, "written by LocalKafkaBroker for formatting");
            }
            final ByteArrayOutputStream output = new ByteArrayOutputStream();
            final int exit = StorageTool.execute(new String[] {"format", "--config", config.toString(),
                "--cluster-id", Uuid.randomUuid().toString()}, new PrintStream(output, true, StandardCharsets.UTF_8));
            if (exit != 0) {
                throw new IllegalStateException("cannot format " + dataDir + ": " + output.toString(StandardCharsets.UTF_8));
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot prepare " + dataDir, e);
        }
    }

    private static void awaitReady(final String bootstrap) {
        final long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (true) {
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get().isEmpty()) {
                        return;
                    }
                } catch (final ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka at " + bootstrap + " not ready: " + e.getCause().getMessage());
                    }
                }
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    private static int freePort(final String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }
}
