package vn.tthc.monitor.gateway.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.ParseResult;
import vn.tthc.monitor.gateway.owners.EntityOwners;

/**
 * Takes the events of one request from one source system: refuses the request if an event
 * carries another source, answers each event {@code rejected} (contract violated, above the size
 * limit, or its case, feedback or eventId owned by another source: {@link EntityOwners}),
 * {@code duplicate} (eventId accepted recently or earlier in the request) or {@code accepted}
 * (written to the {@link EventLog} with its original bytes, keyed by {@link Event#key()}, and
 * acknowledged with its claims; an event without {@code source} is written with its key's).
 * A rejected event is never written.
 */
public final class EventIngestion {

    private static final Logger LOG = LoggerFactory.getLogger(EventIngestion.class);
    /** Rejections named in a request's log line; the answer names them all. */
    private static final int LOGGED_REJECTIONS = 3;
    private static final ObjectMapper EXACT_JSON = JsonMapper.builder(JsonLimits.FACTORY)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
        .build();

    private final EventLog log;
    private final RecentEventIds recent;
    private final EntityOwners owners;
    private final Duration sendTimeout;
    private final int maxEventBytes;
    private final MeterRegistry meters;
    private final Map<String, OutcomeCounters> countersBySource = new ConcurrentHashMap<>();

    public EventIngestion(final EventLog log, final RecentEventIds recent, final EntityOwners owners,
                          final Duration sendTimeout, final int maxEventBytes, final MeterRegistry meters) {
        this.log = log;
        this.recent = recent;
        this.owners = owners;
        this.sendTimeout = sendTimeout;
        this.maxEventBytes = maxEventBytes;
        this.meters = meters;
    }

    /** The events counter of one source system, one per outcome, registered once. */
    private record OutcomeCounters(Counter accepted, Counter duplicate, Counter rejected) {

        static OutcomeCounters register(final MeterRegistry meters, final String source) {
            return new OutcomeCounters(counter(meters, source, EventStatus.ACCEPTED),
                counter(meters, source, EventStatus.DUPLICATE), counter(meters, source, EventStatus.REJECTED));
        }

        private static Counter counter(final MeterRegistry meters, final String source, final EventStatus outcome) {
            return Counter.builder("tthc.gateway.events")
                .description("Events received by the gateway, by source system and outcome")
                .tag("source", source).tag("outcome", outcome.wireName())
                .register(meters);
        }
    }

    /** {@link #ingestAsync} waited for: returns once every accepted event is acknowledged. */
    public IngestResponse ingest(final String keySource, final List<byte[]> events)
        throws ForeignSourceException, EventLogUnavailableException {
        final CompletableFuture<IngestResponse> response = ingestAsync(keySource, events);
        try {
            return response.get();
        } catch (final ExecutionException e) {
            if (e.getCause() instanceof EventLogUnavailableException unavailable) {
                throw unavailable;
            }
            throw new IllegalStateException("ingestion failed unexpectedly", e.getCause());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventLogUnavailableException("interrupted while waiting for the events topic", e);
        }
    }

    /**
     * Judges the events and hands the accepted ones to the {@link EventLog} before returning; the
     * answer completes once the broker has acknowledged every one of them and its claims, or fails
     * with {@link EventLogUnavailableException} (after giving back the recent ids of the
     * unacknowledged events) when it has not within the send timeout, or at once when the owners
     * are not known yet (the gateway is still reading them). No thread waits in between.
     *
     * @throws ForeignSourceException when an event carries another source; nothing is written
     */
    public CompletableFuture<IngestResponse> ingestAsync(final String keySource, final List<byte[]> events)
        throws ForeignSourceException {
        final List<ParseResult> parsed = new ArrayList<>(events.size());
        final List<ForeignSourceException.ForeignEvent> foreign = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            final ParseResult result = parse(events.get(i));
            parsed.add(result);
            final String source = sourceOf(result);
            if (source != null && !source.equals(keySource)) {
                foreign.add(new ForeignSourceException.ForeignEvent(i, eventIdOf(result), source));
            }
        }
        if (!foreign.isEmpty()) {
            LOG.atWarn().addKeyValue("source", keySource).addKeyValue("foreignEvents", foreign.size())
                .log("request refused: events of another source");
            throw new ForeignSourceException(keySource, foreign);
        }
        return write(keySource, events, parsed);
    }

    /** An event above the size limit is rejected unread: it would cost memory here and downstream. */
    private ParseResult parse(final byte[] event) {
        if (event.length > maxEventBytes) {
            return new ParseResult.Rejected("the event has " + event.length + " bytes, above the limit of "
                + maxEventBytes + " bytes per event", null, null);
        }
        return EventParser.parse(event);
    }

    private CompletableFuture<IngestResponse> write(final String keySource, final List<byte[]> events,
                                                    final List<ParseResult> parsed) {
        if (!owners.ready() && parsed.stream().anyMatch(ParseResult.Valid.class::isInstance)) {
            return CompletableFuture.failedFuture(new EventLogUnavailableException(owners.unavailableReason(), null));
        }
        final List<EventResult> results = new ArrayList<>(events.size());
        final Set<String> inRequest = new HashSet<>();
        final List<String> claimed = new ArrayList<>();
        final List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            results.add(resultOf(i, keySource, parsed.get(i), events.get(i), inRequest, claimed, writes));
        }
        return acknowledgements(writes).handle((acknowledged, failure) -> {
            if (failure != null) {
                releaseUnacknowledged(keySource, claimed, writes);
                throw new CompletionException(new EventLogUnavailableException(
                    "the events topic or the entity owners topic did not acknowledge within " + sendTimeout, failure));
            }
            count(keySource, results);
            return IngestResponse.of(results);
        });
    }

    private EventResult resultOf(final int index, final String keySource, final ParseResult parsed, final byte[] original,
                                 final Set<String> inRequest, final List<String> claimed,
                                 final List<CompletableFuture<Void>> writes) {
        if (parsed instanceof ParseResult.Rejected rejected) {
            return new EventResult(index, rejected.eventId(), EventStatus.REJECTED, rejected.reason());
        }
        final Event event = ((ParseResult.Valid) parsed).event();
        if (inRequest.contains(event.eventId())) {
            return new EventResult(index, event.eventId(), EventStatus.DUPLICATE, "eventId already accepted in this request");
        }
        final String claimant = recent.claim(event.eventId(), keySource);
        if (claimant != null) {
            return claimant.equals(keySource)
                ? new EventResult(index, event.eventId(), EventStatus.DUPLICATE, "eventId already accepted recently")
                : new EventResult(index, event.eventId(), EventStatus.REJECTED,
                    "eventId already accepted from source '" + claimant + "'");
        }
        final EntityOwners.Verdict verdict = owners.claim(event, keySource);
        if (verdict instanceof EntityOwners.Refused refused) {
            recent.release(event.eventId(), keySource);
            return new EventResult(index, event.eventId(), EventStatus.REJECTED, refused.reason());
        }
        inRequest.add(event.eventId());
        claimed.add(event.eventId());
        // accepted once both are acknowledged: the event, and the claims it relies on
        writes.add(CompletableFuture.allOf(
            log.append(event.key(), event.source() == null ? withSource(original, keySource) : original),
            ((EntityOwners.Claimed) verdict).acknowledged()));
        return new EventResult(index, event.eventId(), EventStatus.ACCEPTED, null);
    }

    /**
     * An event without {@code source} (absent or null) takes its key's: written with that field set,
     * its other fields as they were (numbers exactly), so that every event from the gateway names its source.
     */
    static byte[] withSource(final byte[] original, final String source) {
        try {
            final ObjectNode event = (ObjectNode) EXACT_JSON.readTree(original);
            event.put("source", source);
            return EXACT_JSON.writeValueAsBytes(event);
        } catch (final IOException e) {
            throw new IllegalStateException("an event the contract parser accepted is a JSON object", e);
        }
    }

    private CompletableFuture<Void> acknowledgements(final List<CompletableFuture<Void>> writes) {
        final CompletableFuture<Void> all = writes.size() == 1 ? writes.get(0)
            : CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
        return all.isDone() ? all : all.copy().orTimeout(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Acknowledged events keep their claim: a re-send of the request reports them as duplicates. */
    private void releaseUnacknowledged(final String source, final List<String> claimed,
                                       final List<CompletableFuture<Void>> writes) {
        for (int i = 0; i < writes.size(); i++) {
            final CompletableFuture<Void> write = writes.get(i);
            if (!write.isDone() || write.isCompletedExceptionally()) {
                recent.release(claimed.get(i), source);
            }
        }
    }

    /** Counts the outcomes and logs one line for a request with rejections, naming the first few. */
    private void count(final String source, final List<EventResult> results) {
        long accepted = 0;
        long duplicate = 0;
        long rejected = 0;
        final List<String> firstRejections = new ArrayList<>();
        for (final EventResult result : results) {
            switch (result.status()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicate++;
                case REJECTED -> {
                    rejected++;
                    if (firstRejections.size() < LOGGED_REJECTIONS) {
                        firstRejections.add(result.index() + " " + result.eventId() + ": " + result.reason());
                    }
                }
            }
        }
        if (rejected > 0) {
            LOG.atInfo().addKeyValue("source", source).addKeyValue("accepted", accepted)
                .addKeyValue("duplicate", duplicate).addKeyValue("rejected", rejected)
                .addKeyValue("firstRejections", firstRejections).log("request with rejected events");
        }
        final OutcomeCounters counters = countersBySource.computeIfAbsent(source,
            s -> OutcomeCounters.register(meters, s));
        increment(counters.accepted(), accepted);
        increment(counters.duplicate(), duplicate);
        increment(counters.rejected(), rejected);
    }

    private static void increment(final Counter counter, final long amount) {
        if (amount > 0) {
            counter.increment(amount);
        }
    }

    private static String sourceOf(final ParseResult result) {
        return result instanceof ParseResult.Valid valid ? valid.event().source()
            : ((ParseResult.Rejected) result).source();
    }

    private static String eventIdOf(final ParseResult result) {
        return result instanceof ParseResult.Valid valid ? valid.event().eventId()
            : ((ParseResult.Rejected) result).eventId();
    }
}
