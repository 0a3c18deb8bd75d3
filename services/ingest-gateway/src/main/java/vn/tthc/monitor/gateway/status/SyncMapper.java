package vn.tthc.monitor.gateway.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Maps a sync message of one source to canonical events, item by item in message order (an item sees the
 * statuses of the items before it), keeping only the events not sent before: a record re-sent whole
 * ({@code isUpdating}) gives the events that are new since, nothing twice. Once the events are written,
 * {@link #acknowledge} remembers the cases. Plain Java: the gateway and {@code ./tthc import-dvcqg} share it.
 */
public final class SyncMapper {

    /**
     * What became of one item before writing.
     *
     * @param maHoSo      null when the item could not be read
     * @param status      the item's status code, null when unreadable
     * @param result      the mapping (its events all, new or not)
     * @param events      the events to write: those of {@code result} not sent before
     * @param alreadySent how many events of {@code result} were sent before
     */
    public record MappedItem(int index, PortalItem item, String maHoSo, Integer status, StatusMapping result,
                             List<StatusMapping.MappedEvent> events, int alreadySent) {

        public MappedItem {
            events = List.copyOf(events);
        }

        /** The fields of its new events that came from configuration, each once. */
        public List<String> assumed() {
            final Set<String> assumed = new LinkedHashSet<>();
            events.forEach(event -> assumed.addAll(event.assumed()));
            return List.copyOf(assumed);
        }
    }

    private final NationalStatusMapping mapping;
    private final CaseStatusMemory memory;

    public SyncMapper(final NationalStatusMapping mapping, final CaseStatusMemory memory) {
        this.mapping = mapping;
        this.memory = memory;
    }

    public List<MappedItem> map(final String source, final SyncMessage message) {
        final Map<String, CaseStatusMemory.CaseState> inMessage = new HashMap<>();
        final List<MappedItem> mapped = new ArrayList<>(message.items().size());
        for (int i = 0; i < message.items().size(); i++) {
            final PortalItem item;
            try {
                item = read(message.service(), message.items().get(i));
            } catch (final PortalItemReader.InvalidItem e) {
                final JsonNode caseCode = message.items().get(i).get("MaHoSo");
                mapped.add(new MappedItem(i, null, caseCode != null && caseCode.isTextual() ? caseCode.textValue() : null,
                    null, new StatusMapping.Rejected(e.getMessage()), List.of(), 0));
                continue;
            }
            final Optional<CaseStatusMemory.CaseState> previous = Optional.ofNullable(inMessage.get(item.maHoSo()))
                .or(() -> memory.last(source, item.maHoSo()));
            mapped.add(newEvents(i, item, mapping.map(item, source, message.maDinhDanhDV(), previous), previous,
                inMessage));
        }
        return mapped;
    }

    private static PortalItem read(final SyncMessage.Service service, final JsonNode node)
        throws PortalItemReader.InvalidItem {
        return service == SyncMessage.Service.CAP_NHAT_TIEN_DO_HO_SO_MC ? PortalItemReader.step(node)
            : PortalItemReader.record(node);
    }

    private static MappedItem newEvents(final int index, final PortalItem item, final StatusMapping result,
                                        final Optional<CaseStatusMemory.CaseState> previous,
                                        final Map<String, CaseStatusMemory.CaseState> inMessage) {
        if (result instanceof StatusMapping.Rejected) {
            return new MappedItem(index, item, item.maHoSo(), item.status(), result, List.of(), 0);
        }
        final List<StatusMapping.MappedEvent> events = new ArrayList<>();
        int alreadySent = 0;
        StatusMapping outcome = result;
        if (result instanceof StatusMapping.Mapped mapped) {
            for (final StatusMapping.MappedEvent event : mapped.events()) {
                if (previous.map(p -> p.hasSent(event.eventId())).orElse(false)) {
                    alreadySent++;
                } else {
                    events.add(event);
                }
            }
            if (events.isEmpty() && mapped.warnings().isEmpty() && mapped.statusReason() != null) {
                outcome = new StatusMapping.Ignored(mapped.statusReason());
            }
        }
        inMessage.put(item.maHoSo(), next(previous, item, events.stream().map(StatusMapping.MappedEvent::eventId)
            .toList()));
        return new MappedItem(index, item, item.maHoSo(), item.status(), outcome, events, alreadySent);
    }

    /**
     * Remembers the cases of {@code items} (mapped by {@link #map} for {@code source}) with those of their events
     * that {@code sent} says were written or already there; rejected items change nothing.
     */
    public void acknowledge(final String source, final List<MappedItem> items, final Predicate<String> sent) {
        final Map<String, CaseStatusMemory.CaseState> states = new HashMap<>();
        for (final MappedItem mapped : items) {
            if (mapped.item() == null || mapped.result() instanceof StatusMapping.Rejected) {
                continue;
            }
            final String maHoSo = mapped.maHoSo();
            final Optional<CaseStatusMemory.CaseState> previous = Optional.ofNullable(states.get(maHoSo))
                .or(() -> memory.last(source, maHoSo));
            states.put(maHoSo, next(previous, mapped.item(), mapped.events().stream()
                .map(StatusMapping.MappedEvent::eventId).filter(sent).toList()));
        }
        states.forEach((maHoSo, state) -> memory.remember(source, maHoSo, state));
    }

    private static CaseStatusMemory.CaseState next(final Optional<CaseStatusMemory.CaseState> previous,
                                                   final PortalItem item, final List<String> eventIds) {
        final LocalDateTime henTra = item instanceof StatusRecord record && record.ngayHenTra() != null
            ? record.ngayHenTra() : previous.map(CaseStatusMemory.CaseState::ngayHenTra).orElse(null);
        return previous.map(p -> p.then(item.status(), henTra, eventIds))
            .orElseGet(() -> CaseStatusMemory.CaseState.first(item.status(), henTra, eventIds));
    }
}
