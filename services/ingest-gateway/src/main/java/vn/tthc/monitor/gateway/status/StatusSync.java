package vn.tthc.monitor.gateway.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.gateway.ingest.EventIngestion;
import vn.tthc.monitor.gateway.ingest.EventLogUnavailableException;
import vn.tthc.monitor.gateway.ingest.EventResult;
import vn.tthc.monitor.gateway.ingest.EventStatus;
import vn.tthc.monitor.gateway.ingest.ForeignSourceException;
import vn.tthc.monitor.gateway.ingest.IngestResponse;

/**
 * Takes a sync message from one source: maps it with {@link SyncMapper}, writes the new events through
 * {@link EventIngestion}, remembers the cases once the events are acknowledged, and answers per record. Counts
 * records by status and outcome, assumed values by field, and records whose unit matched none, per source; logs
 * one line per message with rejections, naming the first few (reasons never hold personal data: it is not read).
 */
public final class StatusSync {

    private static final Logger LOG = LoggerFactory.getLogger(StatusSync.class);
    /** Rejected records named in a request's one log line; the answer names them all. */
    private static final int LOGGED_RECORDS = 3;

    private final SyncMapper mapper;
    private final EventIngestion ingestion;
    private final MeterRegistry meters;

    public StatusSync(final SyncMapper mapper, final EventIngestion ingestion, final MeterRegistry meters) {
        this.mapper = mapper;
        this.ingestion = ingestion;
        this.meters = meters;
    }

    public StatusSyncResponse sync(final String source, final SyncMessage message) throws EventLogUnavailableException {
        final List<SyncMapper.MappedItem> items = mapper.map(source, message);
        final List<byte[]> events = new ArrayList<>();
        items.forEach(item -> item.events().forEach(event -> events.add(event.json())));
        final IngestResponse written;
        try {
            written = ingestion.ingest(source, events);
        } catch (final ForeignSourceException e) {
            throw new IllegalStateException("mapped events carry the key's own source", e);
        }
        final Set<String> sent = written.results().stream().filter(r -> r.status() != EventStatus.REJECTED)
            .map(EventResult::eventId).collect(Collectors.toSet());
        mapper.acknowledge(source, items, sent::contains);
        return response(source, message, items, written.results());
    }

    private StatusSyncResponse response(final String source, final SyncMessage message,
                                        final List<SyncMapper.MappedItem> items, final List<EventResult> eventResults) {
        final List<StatusSyncResponse.RecordResult> results = new ArrayList<>(items.size());
        int next = 0;
        int ignored = 0;
        int rejectedRecords = 0;
        int assumedRecords = 0;
        final List<String> firstRejections = new ArrayList<>();
        for (final SyncMapper.MappedItem item : items) {
            final List<StatusSyncResponse.EventOutcome> outcomes = new ArrayList<>();
            for (final StatusMapping.MappedEvent event : item.events()) {
                final EventResult written = eventResults.get(next++);
                outcomes.add(new StatusSyncResponse.EventOutcome(event.eventId(), event.type(), written.status(),
                    written.reason()));
            }
            final StatusSyncResponse.Outcome outcome;
            String reason = null;
            List<String> warnings = List.of();
            if (item.result() instanceof StatusMapping.Mapped mapped) {
                outcome = StatusSyncResponse.Outcome.MAPPED;
                warnings = mapped.warnings();
            } else if (item.result() instanceof StatusMapping.Ignored ignore) {
                ignored++;
                outcome = StatusSyncResponse.Outcome.IGNORED;
                reason = ignore.reason();
            } else {
                final StatusMapping.Rejected rejection = (StatusMapping.Rejected) item.result();
                rejectedRecords++;
                outcome = StatusSyncResponse.Outcome.REJECTED;
                reason = rejection.reason();
                if (firstRejections.size() < LOGGED_RECORDS) {
                    firstRejections.add(item.index() + " " + item.maHoSo() + ": " + reason);
                }
                if (rejection.unitNotMatched()) {
                    Counter.builder("tthc.gateway.status.unmatched.units")
                        .description("National records rejected because their unit matched no unit, by source")
                        .tag("source", source).register(meters).increment();
                }
            }
            final List<String> assumed = item.assumed();
            if (!assumed.isEmpty()) {
                assumedRecords++;
                assumed.forEach(field -> Counter.builder("tthc.gateway.status.assumed")
                    .description("Values of national records taken from configuration, by source and field")
                    .tag("source", source).tag("field", field).register(meters).increment());
            }
            final StatusSyncResponse.RecordResult result = new StatusSyncResponse.RecordResult(item.index(),
                item.maHoSo(), item.status(), outcome, reason, assumed, warnings, item.alreadySent(), outcomes);
            countRecord(source, result);
            results.add(result);
        }
        if (ignored > 0 || rejectedRecords > 0) {
            LOG.atInfo().addKeyValue("source", source).addKeyValue("service", message.service().wireName())
                .addKeyValue("records", items.size()).addKeyValue("ignored", ignored)
                .addKeyValue("rejected", rejectedRecords).addKeyValue("firstRejections", firstRejections)
                .log("status records ignored or rejected");
        }
        final IngestResponse counts = IngestResponse.of(eventResults);
        return new StatusSyncResponse(message.service().wireName(), counts.accepted(), counts.duplicate(),
            counts.rejected() + rejectedRecords, ignored, assumedRecords, results);
    }

    private void countRecord(final String source, final StatusSyncResponse.RecordResult result) {
        Counter.builder("tthc.gateway.status.records")
            .description("National status records received, by source, status code and outcome")
            .tag("source", source)
            .tag("status", statusTag(result.trangThaiHoSo()))
            .tag("outcome", result.outcome().wireName())
            .register(meters).increment();
    }

    /** Codes 1 to 10 as themselves; anything else as one value, so a sender cannot multiply the series. */
    private static String statusTag(final Integer status) {
        return status != null && status >= 1 && status <= 10 ? String.valueOf(status) : "other";
    }
}
