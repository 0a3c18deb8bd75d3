package vn.tthc.monitor.gateway.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import vn.tthc.monitor.broker.LocalKafkaBroker;
import vn.tthc.monitor.gateway.auth.ApiKeyTool;
import vn.tthc.monitor.gateway.auth.ApiKeys;
import vn.tthc.monitor.gateway.owners.EntityOwners;

/**
 * Sustained load on the gateway over loopback, not a test: starts an embedded broker and the
 * gateway with an API key for the source of the events of {@code --file} (or targets a running one
 * with {@code --target URL --key KEY}), then for batch sizes 1, 100 and 1000 (or those of
 * {@code --batches}) sends the file's events from several keep-alive connections, one per thread
 * (plain sockets, or the JDK HttpClient with {@code --client jdk}), for a fixed time, and prints
 * accepted events/s, requests/s,
 * p50/p99 latency, and the CPU time per request of the gateway's threads and of the whole process
 * (broker and load included when they run in this JVM): figures that other processes on the same
 * cores disturb less than the wall-clock ones.
 *
 * <p>Each connection starts at its own place in the file and goes round it; every event it sends
 * gets a suffix on its {@code eventId} naming the run, batch size, connection and pass, so that no
 * event is sent twice and the gateway accepts them all instead of answering {@code duplicate}.
 *
 * <p>With {@code --status-sync true} it sends the national portal's DongBoHoSoMC messages to
 * {@code /api/v1/status-sync} instead ({@link StatusSyncRecords}, batch sizes 1 and 500 unless
 * {@code --batches} says otherwise; no {@code --file}) and prints records/s beside events/s.
 *
 * <p>With {@code --serve SECONDS} it only starts the broker and the gateway, prints their URL and
 * key, and serves that long, so that the load can come from another JVM ({@code --target}).
 *
 * <pre>java -cp ... vn.tthc.monitor.gateway.bench.GatewayBenchmark --file EVENTS.jsonl [--seconds 15] [--connections 8]
 *     [--batches 1,100,1000] [--client socket|jdk] [--serve SECONDS | --target URL --key KEY]</pre>
 */
public final class GatewayBenchmark {

    private static final String ALL_BATCHES = "1,100,1000";
    private static final String STATUS_SYNC_BATCHES = "1,500";

    /** What one run sends: the path, the source of its key, and the body of a batch. */
    private interface Load {
        String path();

        String source();

        /** The body of {@code batch} items from item {@code first} on, {@code prefix} making them new. */
        byte[] body(int batch, String prefix, long first);

        /** How many items (events or records) go round before they repeat with another prefix. */
        long size();
    }

    private GatewayBenchmark() {
    }

    public static void main(final String[] args) throws Exception {
        final Map<String, String> options = options(args);
        final int seconds = Integer.parseInt(options.getOrDefault("seconds", "15"));
        final int connections = Integer.parseInt(options.getOrDefault("connections", "8"));
        final boolean statusSync = Boolean.parseBoolean(options.getOrDefault("status-sync", "false"));
        final int[] batches = Arrays.stream(options.getOrDefault("batches", statusSync ? STATUS_SYNC_BATCHES
            : ALL_BATCHES).split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
        final boolean jdkClient = "jdk".equals(options.getOrDefault("client", "socket"));
        final Load events = statusSync ? statusSyncLoad() : eventsLoad(options);
        if (options.containsKey("target")) {
            run(options.get("target"), options.get("key"), events, seconds, connections, batches, jdkClient);
            return;
        }
        final Path work = Files.createTempDirectory("tthc-gateway-bench");
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(work.resolve("kafka"))) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("tthc-events", 4, (short) 1))).all().get();
            }
            final String key = ApiKeyTool.newKey(new SecureRandom());
            final Map<String, Object> properties = new HashMap<>();
            properties.put("kafka.bootstrap.servers", broker.bootstrapServers());
            properties.put("tthc.gateway.keys", events.source() + ":" + ApiKeys.hashHex(key));
            properties.put("tthc.gateway.rate-limit", 1_000_000);
            properties.put("tthc.gateway.rate-burst", 1_000_000);
            properties.put("micronaut.server.port", -1);
            properties.put("tthc.gateway.state-dir", work.resolve("gateway-state").toString());
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
                awaitOwners(server.getApplicationContext().getBean(EntityOwners.class));
                if (options.containsKey("serve")) {
                    System.out.printf("gateway --target %s --key %s%n", server.getURL(), key);
                    Thread.sleep(Duration.ofSeconds(Long.parseLong(options.get("serve"))).toMillis());
                    return;
                }
                run(server.getURL().toString(), key, events, seconds, connections, batches, jdkClient);
            }
        }
    }

    private static Load eventsLoad(final Map<String, String> options) throws IOException {
        if (!options.containsKey("file")) {
            throw new IllegalArgumentException("--file EVENTS.jsonl is required: the events to send, e.g. of the case simulator");
        }
        final EventLines lines = EventLines.read(Path.of(options.get("file")));
        System.out.printf("events: %s, %,d lines, source %s%n", options.get("file"), lines.size(), lines.source());
        return new Load() {
            @Override
            public String path() {
                return "/api/v1/events";
            }

            @Override
            public String source() {
                return lines.source();
            }

            @Override
            public byte[] body(final int batch, final String prefix, final long first) {
                final StringBuilder body = new StringBuilder(batch * 300).append('[');
                for (int i = 0; i < batch; i++) {
                    final long n = first + i;
                    lines.append(body.append(i == 0 ? "" : ","), (int) (n % lines.size()), prefix + n / lines.size());
                }
                return body.append(']').toString().getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public long size() {
                return lines.size();
            }
        };
    }

    private static Load statusSyncLoad() {
        System.out.printf("status sync: DongBoHoSoMC messages of new dossiers, source %s%n", StatusSyncRecords.SOURCE);
        return new Load() {
            @Override
            public String path() {
                return "/api/v1/status-sync";
            }

            @Override
            public String source() {
                return StatusSyncRecords.SOURCE;
            }

            @Override
            public byte[] body(final int batch, final String prefix, final long first) {
                return StatusSyncRecords.message(batch, prefix, first);
            }

            @Override
            public long size() {
                // the connections start this far apart; records never repeat, their MaHoSo carries the run
                return 1L << 40;
            }
        };
    }

    /** The gateway answers 503 until it has read the entity owners topic (empty here: at once). */
    private static void awaitOwners(final EntityOwners owners) throws InterruptedException {
        final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!owners.ready()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway did not read the entity owners topic in 30 s");
            }
            Thread.sleep(50);
        }
    }

    private static void run(final String baseUrl, final String key, final Load events, final int seconds,
                            final int connections, final int[] batches, final boolean jdkClient) throws Exception {
        final String run = Long.toString(System.currentTimeMillis(), Character.MAX_RADIX);
        System.out.printf("gateway %s, %d connections (%s), %d s per batch size, %d cores%n", baseUrl, connections,
            jdkClient ? "JDK HttpClient" : "keep-alive sockets", seconds, Runtime.getRuntime().availableProcessors());
        System.out.printf("%6s %12s %12s %12s %10s %10s %10s %8s   %s%n", "batch", "requests/s", "items/s", "events/s",
            "p50 ms", "p99 ms", "max ms", "errors", "cpu us/request: gateway load other process");
        for (final int batch : batches) {
            load(baseUrl, key, jdkClient, events, "~" + run + "b" + batch + "w", batch, connections,
                Duration.ofSeconds(Math.max(2, seconds / 5)), false);
            load(baseUrl, key, jdkClient, events, "~" + run + "b" + batch + "m", batch, connections,
                Duration.ofSeconds(seconds), true);
        }
    }

    /** One phase of one batch size; {@code tag} (run, batch size, warm-up or measured) starts every eventId suffix. */
    private static void load(final String baseUrl, final String key, final boolean jdkClient, final Load events,
                             final String tag, final int batch, final int connections, final Duration duration,
                             final boolean report) throws Exception {
        final ExecutorService threads = Executors.newFixedThreadPool(connections);
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final ThreadCpu cpuAtStart = ThreadCpu.now();
        final long start = System.nanoTime();
        final long end = start + duration.toNanos();
        final List<Future<Histogram>> results = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            final String prefix = tag + c + ".";
            final long first = events.size() * c / connections;
            results.add(threads.submit(() -> connection(baseUrl, key, jdkClient, events, batch, prefix, first, end,
                accepted, errors)));
        }
        final Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        for (final Future<Histogram> result : results) {
            latency.add(result.get());
        }
        final double elapsed = (System.nanoTime() - start) / 1e9;
        final ThreadCpu cpuAtEnd = ThreadCpu.now();
        threads.shutdown();
        if (report) {
            final long requests = Math.max(1, latency.getTotalCount());
            final Map<ThreadCpu.Role, Long> cpu = cpuAtEnd.since(cpuAtStart);
            System.out.printf("%6d %12.0f %12.0f %12.0f %10.1f %10.1f %10.1f %8d   %20.0f %4.0f %5.0f %7.0f%n", batch,
                latency.getTotalCount() / elapsed, (latency.getTotalCount() - errors.get()) * batch / elapsed,
                accepted.get() / elapsed, latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0, errors.get(),
                cpu.get(ThreadCpu.Role.GATEWAY) / 1000.0 / requests, cpu.get(ThreadCpu.Role.LOAD) / 1000.0 / requests,
                cpu.get(ThreadCpu.Role.OTHER) / 1000.0 / requests, cpuAtEnd.processSince(cpuAtStart) / 1000.0 / requests);
        }
    }

    /** Sends from line {@code first} on, round the file; a pass's events get {@code prefix} and the pass number. */
    private static Histogram connection(final String baseUrl, final String key, final boolean jdkClient,
                                        final Load events, final int batch, final String prefix, final long first,
                                        final long end, final AtomicLong accepted, final AtomicLong errors)
        throws IOException, InterruptedException {
        final URI uri = URI.create(baseUrl + events.path());
        final Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        try (Poster poster = jdkClient ? jdkPoster(uri, key) : new KeepAliveConnection(uri, key)) {
            long next = first;
            while (System.nanoTime() < end) {
                final byte[] bytes = events.body(batch, prefix, next);
                next += batch;
                final long sent = System.nanoTime();
                final KeepAliveConnection.Answer answer = poster.post(bytes);
                latency.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent)));
                if (answer.status() == 200) {
                    accepted.addAndGet(acceptedCount(answer.body()));
                } else {
                    errors.incrementAndGet();
                }
            }
        }
        return latency;
    }

    /** Sends one body and reads the whole answer. */
    interface Poster extends AutoCloseable {

        KeepAliveConnection.Answer post(byte[] body) throws IOException, InterruptedException;

        @Override
        void close() throws IOException;
    }

    private static Poster jdkPoster(final URI uri, final String key) {
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return new Poster() {
            @Override
            public KeepAliveConnection.Answer post(final byte[] body) throws IOException, InterruptedException {
                final HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                return new KeepAliveConnection.Answer(response.statusCode(), response.body());
            }

            @Override
            public void close() {
                // The JDK 17 HttpClient has no close: its threads end when it is collected.
            }
        };
    }

    /** The {@code accepted} count at the start of the answer, without parsing the per-event results. */
    private static long acceptedCount(final String answer) {
        final int at = answer.indexOf("\"accepted\":");
        if (at < 0) {
            return 0;
        }
        int i = at + "\"accepted\":".length();
        long value = 0;
        while (i < answer.length() && Character.isDigit(answer.charAt(i))) {
            value = value * 10 + (answer.charAt(i++) - '0');
        }
        return value;
    }

    private static Map<String, String> options(final String[] args) {
        final Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
