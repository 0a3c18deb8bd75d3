package vn.tthc.monitor.gateway.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.gateway.ingest.EventIngestion;
import vn.tthc.monitor.gateway.ingest.EventLogUnavailableException;
import vn.tthc.monitor.gateway.ingest.EventResult;
import vn.tthc.monitor.gateway.ingest.ForeignSourceException;
import vn.tthc.monitor.gateway.ingest.IngestResponse;

/**
 * Takes a request of national status records from one source: maps each record in body order
 * (a record sees the statuses of the records before it), writes the events through
 * {@link EventIngestion}, and remembers the cases' statuses once the events are acknowledged.
 */
public final class StatusSync {

    private static final Logger LOG = LoggerFactory.getLogger(StatusSync.class);
    /** Rejected records named in a request's one log line; the answer names them all. */
    private static final int LOGGED_RECORDS = 3;

    private final NationalStatusMapping mapping;
    private final CaseStatusMemory memory;
    private final EventIngestion ingestion;
    private final MeterRegistry meters;

    public StatusSync(final NationalStatusMapping mapping, final CaseStatusMemory memory,
                      final EventIngestion ingestion, final MeterRegistry meters) {
        this.mapping = mapping;
        this.memory = memory;
        this.ingestion = ingestion;
        this.meters = meters;
    }

    private record Mapping(int index, StatusRecord record, StatusMapping result) {
    }

    public StatusSyncResponse sync(final String source, final List<JsonNode> records)
        throws EventLogUnavailableException {
        final Map<String, CaseStatusMemory.LastStatus> seenInRequest = new HashMap<>();
        final List<Mapping> mappings = new ArrayList<>();
        final List<byte[]> events = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            final StatusRecord record;
            try {
                record = StatusRecordReader.read(records.get(i));
            } catch (final StatusRecordReader.InvalidStatusRecord e) {
                mappings.add(new Mapping(i, null, new StatusMapping.Rejected(e.getMessage())));
                continue;
            }
            final Optional<CaseStatusMemory.LastStatus> previous = Optional.ofNullable(seenInRequest.get(record.maHoSo()))
                .or(() -> memory.last(source, record.maHoSo()));
            final StatusMapping result = mapping.map(record, source, previous);
            if (!(result instanceof StatusMapping.Rejected)) {
                seenInRequest.put(record.maHoSo(), new CaseStatusMemory.LastStatus(record.trangThaiHoSo(),
                    record.ngayHenTra()));
            }
            if (result instanceof StatusMapping.Mapped mapped) {
                mapped.events().forEach(event -> events.add(event.json()));
            }
            mappings.add(new Mapping(i, record, result));
        }
        final IngestResponse written;
        try {
            written = ingestion.ingest(source, events);
        } catch (final ForeignSourceException e) {
            throw new IllegalStateException("mapped events carry the key's own source", e);
        }
        mappings.stream().filter(m -> m.record() != null && !(m.result() instanceof StatusMapping.Rejected))
            .forEach(m -> memory.remember(source, m.record()));
        return response(source, mappings, written.results());
    }

    private StatusSyncResponse response(final String source, final List<Mapping> mappings,
                                        final List<EventResult> eventResults) {
        final List<StatusSyncResponse.RecordResult> results = new ArrayList<>();
        int next = 0;
        int ignored = 0;
        int rejectedRecords = 0;
        final List<String> firstRejections = new ArrayList<>();
        for (final Mapping m : mappings) {
            final String maHoSo = m.record() == null ? null : m.record().maHoSo();
            final Integer status = m.record() == null ? null : m.record().trangThaiHoSo();
            final StatusSyncResponse.RecordResult result;
            if (m.result() instanceof StatusMapping.Mapped mapped) {
                final List<StatusSyncResponse.EventOutcome> outcomes = new ArrayList<>();
                for (final StatusMapping.MappedEvent event : mapped.events()) {
                    final EventResult written = eventResults.get(next++);
                    outcomes.add(new StatusSyncResponse.EventOutcome(event.eventId(), event.type(), written.status(),
                        written.reason()));
                }
                result = new StatusSyncResponse.RecordResult(m.index(), maHoSo, status,
                    StatusSyncResponse.Outcome.MAPPED, null, outcomes);
            } else if (m.result() instanceof StatusMapping.Ignored ignore) {
                ignored++;
                result = new StatusSyncResponse.RecordResult(m.index(), maHoSo, status,
                    StatusSyncResponse.Outcome.IGNORED, ignore.reason(), List.of());
            } else {
                rejectedRecords++;
                final String reason = ((StatusMapping.Rejected) m.result()).reason();
                if (firstRejections.size() < LOGGED_RECORDS) {
                    firstRejections.add(m.index() + " " + maHoSo + ": " + reason);
                }
                result = new StatusSyncResponse.RecordResult(m.index(), maHoSo, status,
                    StatusSyncResponse.Outcome.REJECTED, reason, List.of());
            }
            countRecord(source, result);
            results.add(result);
        }
        if (ignored > 0 || rejectedRecords > 0) {
            LOG.atInfo().addKeyValue("source", source).addKeyValue("records", mappings.size())
                .addKeyValue("ignored", ignored).addKeyValue("rejected", rejectedRecords)
                .addKeyValue("firstRejections", firstRejections).log("status records ignored or rejected");
        }
        final IngestResponse counts = IngestResponse.of(eventResults);
        return new StatusSyncResponse(counts.accepted(), counts.duplicate(), counts.rejected() + rejectedRecords,
            ignored, results);
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
