package vn.tthc.monitor.ingest.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import vn.tthc.monitor.ingest.client.event.IngestEvent;

/**
 * Sends events to the ingest gateway ({@code POST /api/v1/events}, docs/INGEST.md) in batches of
 * {@code batchSize}, one batch at a time, as JSON arrays with the API key as a bearer token.
 *
 * <p>A batch answered 429 or 5xx, or lost to a connection error, is sent again after a wait: the
 * {@code Retry-After} the gateway asked for, else an exponential backoff with jitter; at most
 * {@code maxAttempts} times in all. Re-sending is safe: events the gateway already accepted come
 * back as duplicates. 400, 401, 403, 413 and 415 are not retried and raise their own {@link
 * IngestException}. Rejected events do not raise: they are in the {@link IngestResult}.
 *
 * <p>Thread-safe; one client per API key, reused.
 */
public final class IngestClient {

    public static final String EVENTS_PATH = "api/v1/events";

    private static final System.Logger LOG = System.getLogger(IngestClient.class.getName());

    private final URI eventsUri;
    private final String apiKey;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration requestTimeout;
    private final Backoff backoff;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final GatewayAnswers answers = new GatewayAnswers(json);

    private IngestClient(final Builder builder) {
        final String base = builder.gateway.toString();
        this.eventsUri = URI.create(base.endsWith("/") ? base : base + "/").resolve(EVENTS_PATH);
        this.apiKey = builder.apiKey;
        this.batchSize = builder.batchSize;
        this.maxAttempts = builder.maxAttempts;
        this.requestTimeout = builder.requestTimeout;
        this.backoff = new Backoff(builder.initialBackoff, builder.maxBackoff, builder.random);
        this.http = builder.http != null ? builder.http
            : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(builder.connectTimeout).build();
        this.sleeper = builder.sleeper;
        this.clock = builder.clock;
    }

    /**
     * A client for the gateway at {@code gateway} (e.g. {@code https://ingest.example.vn/}; the
     * events path is added), authenticating with {@code apiKey}.
     */
    public static Builder builder(final URI gateway, final String apiKey) {
        return new Builder(gateway, apiKey);
    }

    /**
     * Sends {@code events} in batches and returns the outcome of each.
     *
     * @throws IngestException        when a batch cannot be delivered; its {@link IngestException#resultSoFar()} holds the earlier batches
     * @throws InterruptedException   when interrupted while waiting for an answer or a retry
     */
    public IngestResult send(final List<IngestEvent> events) throws InterruptedException {
        final List<EventOutcome> outcomes = new ArrayList<>(events.size());
        for (int from = 0; from < events.size(); from += batchSize) {
            final List<IngestEvent> batch = events.subList(from, Math.min(events.size(), from + batchSize));
            outcomes.addAll(deliver(batch, from, outcomes));
        }
        return new IngestResult(outcomes);
    }

    private List<EventOutcome> deliver(final List<IngestEvent> batch, final int offset, final List<EventOutcome> soFar)
        throws InterruptedException {
        final HttpRequest request = request(body(batch));
        for (int attempt = 1; ; attempt++) {
            final Attempt outcome = attempt(request, batch.size(), offset, soFar, attempt);
            if (outcome instanceof Attempt.Delivered delivered) {
                return delivered.outcomes();
            }
            final Attempt.Failed failed = (Attempt.Failed) outcome;
            if (attempt >= maxAttempts) {
                throw new RetriesExhaustedException("events " + offset + ".." + (offset + batch.size() - 1)
                    + " not delivered after " + attempt + " attempts; last: " + failed.failure(),
                    failed.status(), new IngestResult(soFar), failed.cause());
            }
            LOG.log(System.Logger.Level.INFO, "attempt {0} of {1} for events {2}..{3} failed ({4}); retrying in {5} ms",
                String.valueOf(attempt), String.valueOf(maxAttempts), String.valueOf(offset),
                String.valueOf(offset + batch.size() - 1), failed.failure(), String.valueOf(failed.delay().toMillis()));
            sleeper.sleep(failed.delay());
        }
    }

    /** One request: the batch's outcomes, a failure worth retrying after a wait, or an exception for one that is not. */
    private Attempt attempt(final HttpRequest request, final int batchSize, final int offset,
                            final List<EventOutcome> soFar, final int attempt) throws InterruptedException {
        final HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (final IOException e) {
            return new Attempt.Failed(0, e.toString(), backoff.before(attempt), e);
        }
        final int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return new Attempt.Delivered(answers.outcomes(response.body(), batchSize, offset));
            } catch (final IOException e) {
                throw new IngestException("unexpected answer from the gateway: " + e.getMessage(), status,
                    new IngestResult(soFar), e);
            }
        }
        final String failure = status + " " + answers.problem(response.body());
        if (status != 429 && status < 500) {
            throw notRetried(status, failure, new IngestResult(soFar));
        }
        final Duration wait = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock.instant())
            .orElseGet(() -> backoff.before(attempt));
        return new Attempt.Failed(status, failure, wait, null);
    }

    private sealed interface Attempt {

        record Delivered(List<EventOutcome> outcomes) implements Attempt {
        }

        /** {@code status} 0 for a connection error, whose exception is {@code cause}. */
        record Failed(int status, String failure, Duration delay, Throwable cause) implements Attempt {
        }
    }

    private static IngestException notRetried(final int status, final String failure, final IngestResult soFar) {
        return switch (status) {
            case 401 -> new AuthenticationException("the gateway refused the API key: " + failure, status, soFar, null);
            case 403 -> new ForbiddenSourceException("the API key may not send these events: " + failure, status, soFar, null);
            case 413 -> new PayloadTooLargeException("the batch is too large for the gateway (lower batchSize): " + failure,
                status, soFar, null);
            default -> new InvalidRequestException("the gateway refused the request: " + failure, status, soFar, null);
        };
    }

    private HttpRequest request(final byte[] body) {
        return HttpRequest.newBuilder(eventsUri)
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, application/problem+json")
            .header("Authorization", "Bearer " + apiKey)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    }

    private byte[] body(final List<IngestEvent> batch) {
        try {
            return json.writeValueAsBytes(batch.stream().map(IngestEvent::fields).toList());
        } catch (final JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write events as JSON", e);
        }
    }

    /** Settings of a client; every one has a default but the gateway's address and the API key. */
    public static final class Builder {

        private final URI gateway;
        private final String apiKey;
        private int batchSize = 500;
        private int maxAttempts = 6;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private HttpClient http;
        private Sleeper sleeper = Sleeper.system();
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = RandomGenerator.getDefault();

        private Builder(final URI gateway, final String apiKey) {
            this.gateway = Objects.requireNonNull(gateway, "gateway");
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            if (apiKey.isBlank()) {
                throw new IllegalArgumentException("the API key is blank");
            }
        }

        /** Events per request (default 500); keep a batch under the gateway's body limit (5 MB by default). */
        public Builder batchSize(final int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Attempts per batch, the first included (default 6). */
        public Builder maxAttempts(final int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The backoff before the first retry (default 500 ms), doubling up to {@code max} (default 30 s). */
        public Builder backoff(final Duration initial, final Duration max) {
            this.initialBackoff = Objects.requireNonNull(initial, "initial");
            this.maxBackoff = Objects.requireNonNull(max, "max");
            return this;
        }

        public Builder connectTimeout(final Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long one request may wait for its answer (default 30 s); a timeout is retried. */
        public Builder requestTimeout(final Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /** An HttpClient of your own (proxy, TLS settings); by default an HTTP/1.1 client is made. */
        public Builder httpClient(final HttpClient http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        public Builder sleeper(final Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The clock against which a {@code Retry-After} date is read. */
        public Builder clock(final Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The source of the backoff's jitter. */
        public Builder random(final RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public IngestClient build() {
            return new IngestClient(this);
        }
    }
}
