package vn.tthc.monitor.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.EventType;
import vn.tthc.monitor.contract.event.ParseResult;
import vn.tthc.monitor.contract.event.SupplementReceived;

/** The rules of the national status mapping, on realistic sequences of status records. */
class NationalStatusMappingTest {

    private static final String SOURCE = "motcua-hcm";
    private static final String CASE = "000.00.16.H29-260302-0001";
    private final NationalStatusMapping mapping = new NationalStatusMapping(Set.of("1.004227")::contains);
    private final CaseStatusMemory memory = new CaseStatusMemory(1_000);

    private static LocalDateTime at(final String yyyyMMddHHmmss) {
        return LocalDateTime.parse(yyyyMMddHHmmss, java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    }

    private static StatusRecord record(final String maHoSo, final int status, final String henTra,
                                       final String ketThuc, final String tra, final String capNhat) {
        return new StatusRecord(maHoSo, "1.004227", "DAT_DAI", "UBND-Q1", at("20260302081500"),
            henTra == null ? null : at(henTra), status, 2, ketThuc == null ? null : at(ketThuc),
            tra == null ? null : at(tra), capNhat == null ? null : at(capNhat));
    }

    /** Maps records in order as the gateway does: each sees the last status of its case. */
    private List<StatusMapping> feed(final StatusRecord... records) {
        final List<StatusMapping> results = new ArrayList<>();
        for (final StatusRecord record : records) {
            final StatusMapping result = mapping.map(record, SOURCE, memory.last(SOURCE, record.maHoSo()));
            if (!(result instanceof StatusMapping.Rejected)) {
                memory.remember(SOURCE, record);
            }
            results.add(result);
        }
        return results;
    }

    private static List<Event> events(final StatusMapping result) {
        assertThat(result).isInstanceOf(StatusMapping.Mapped.class);
        return ((StatusMapping.Mapped) result).events().stream().map(e -> {
            final ParseResult parsed = EventParser.parse(e.json());
            assertThat(parsed).as(new String(e.json())).isInstanceOf(ParseResult.Valid.class);
            final Event event = ((ParseResult.Valid) parsed).event();
            assertThat(event.eventId()).isEqualTo(e.eventId());
            assertThat(event.type().wireName()).isEqualTo(e.type());
            return event;
        }).toList();
    }

    private static List<EventType> types(final StatusMapping result) {
        return events(result).stream().map(Event::type).toList();
    }

    @Test
    void a_case_received_processed_paused_for_a_supplement_resolved_and_returned_gives_its_five_events() {
        final List<StatusMapping> results = feed(
            record(CASE, 2, "20260312170000", null, null, null),
            record(CASE, 4, "20260312170000", null, null, "20260302100000"),
            record(CASE, 5, "20260312170000", null, null, "20260304090000"),
            record(CASE, 4, "20260312170000", null, null, "20260306140000"),
            record(CASE, 9, "20260312170000", "20260311160000", null, "20260311160000"),
            record(CASE, 10, "20260312170000", "20260311160000", "20260312083000", "20260312083000"));

        final CaseReceived received = (CaseReceived) events(results.get(0)).get(0);
        assertThat(received.eventId()).isEqualTo("dvcqg:motcua-hcm:" + CASE + ":2:20260302081500");
        assertThat(received.occurredAt()).isEqualTo(Instant.parse("2026-03-02T01:15:00Z"));
        assertThat(received.source()).isEqualTo(SOURCE);
        assertThat(received.caseId()).isEqualTo(CASE);
        assertThat(received.unitId()).isEqualTo("UBND-Q1");
        assertThat(received.fieldId()).isEqualTo("DAT_DAI");
        assertThat(received.procedureId()).isEqualTo("1.004227");
        assertThat(received.channel()).isEqualTo(Channel.ONLINE);
        assertThat(received.onlineEligible()).isTrue();
        assertThat(received.dueAt()).isEqualTo(Instant.parse("2026-03-12T10:00:00Z"));

        assertThat(results.get(1)).isInstanceOf(StatusMapping.Ignored.class);
        assertThat(((StatusMapping.Ignored) results.get(1)).reason()).contains("TrangThaiHoSo 4 (đang xử lý)");
        assertThat(types(results.get(2))).containsExactly(EventType.CASE_SUPPLEMENT_REQUESTED);
        assertThat(events(results.get(2)).get(0).occurredAt()).isEqualTo(Instant.parse("2026-03-04T02:00:00Z"));
        final SupplementReceived supplied = (SupplementReceived) events(results.get(3)).get(0);
        assertThat(supplied.occurredAt()).isEqualTo(Instant.parse("2026-03-06T07:00:00Z"));
        assertThat(supplied.dueAt()).as("the appointment did not change: the pause moves it").isNull();
        final CaseResolved resolved = (CaseResolved) events(results.get(4)).get(0);
        assertThat(resolved.occurredAt()).isEqualTo(Instant.parse("2026-03-11T09:00:00Z"));
        assertThat(resolved.result()).isEqualTo(CaseResult.APPROVED);
        assertThat(types(results.get(5))).containsExactly(EventType.CASE_RETURNED);
        assertThat(events(results.get(5)).get(0).occurredAt()).isEqualTo(Instant.parse("2026-03-12T01:30:00Z"));
    }

    @Test
    void a_supplement_received_carries_the_new_appointment_when_the_case_system_moved_it() {
        final List<StatusMapping> results = feed(
            record(CASE, 2, "20260312170000", null, null, null),
            record(CASE, 5, "20260312170000", null, null, "20260304090000"),
            record(CASE, 4, "20260320170000", null, null, "20260306140000"));
        final SupplementReceived supplied = (SupplementReceived) events(results.get(2)).get(0);
        assertThat(supplied.dueAt()).isEqualTo(Instant.parse("2026-03-20T10:00:00Z"));
    }

    @Test
    void a_withdrawal_gives_case_withdrawn_at_the_time_of_the_change() {
        final List<StatusMapping> results = feed(
            record(CASE, 2, "20260312170000", null, null, null),
            record(CASE, 7, "20260312170000", null, null, "20260303110000"));
        assertThat(types(results.get(1))).containsExactly(EventType.CASE_WITHDRAWN);
        assertThat(events(results.get(1)).get(0).occurredAt()).isEqualTo(Instant.parse("2026-03-03T04:00:00Z"));
    }

    @Test
    void a_re_sent_record_gives_the_same_event_ids() {
        final StatusRecord resolved = record(CASE, 9, "20260312170000", "20260311160000", null, null);
        final List<StatusMapping> results = feed(record(CASE, 2, "20260312170000", null, null, null), resolved, resolved);
        assertThat(events(results.get(1))).map(Event::eventId)
            .containsExactlyElementsOf(events(results.get(2)).stream().map(Event::eventId).toList());
    }

    @Test
    void a_status_of_an_unknown_case_also_gives_the_reception_its_record_implies_with_the_status_2_event_id() {
        final List<StatusMapping> results = feed(record(CASE, 9, "20260312170000", "20260311160000", null, null));
        final List<Event> events = events(results.get(0));
        assertThat(events).map(Event::type).containsExactly(EventType.CASE_RECEIVED, EventType.CASE_RESOLVED);
        assertThat(events.get(0).eventId()).isEqualTo("dvcqg:motcua-hcm:" + CASE + ":2:20260302081500");
    }

    @Test
    void a_4_of_an_unknown_case_is_taken_as_a_supplement_received_which_the_contract_ignores_without_a_pause() {
        final List<StatusMapping> results = feed(record(CASE, 4, "20260312170000", null, null, "20260306140000"));
        assertThat(types(results.get(0))).containsExactly(EventType.CASE_RECEIVED, EventType.CASE_SUPPLEMENT_RECEIVED);
    }

    @Test
    void statuses_without_a_canonical_event_are_ignored() {
        final List<StatusMapping> results = feed(
            record(CASE, 1, null, null, null, null),
            record(CASE, 3, null, null, null, null),
            record(CASE, 6, "20260312170000", null, null, "20260303110000"),
            record(CASE, 8, "20260312170000", null, null, "20260303110000"));
        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(StatusMapping.Ignored.class));
    }

    @Test
    void a_record_without_the_time_its_status_needs_or_with_a_status_outside_1_to_10_is_rejected() {
        final List<StatusMapping> results = feed(
            record(CASE, 2, "20260312170000", null, null, null),
            record(CASE, 5, "20260312170000", null, null, null),
            record(CASE, 9, "20260312170000", null, null, null),
            record(CASE, 11, "20260312170000", null, null, "20260303110000"),
            record("H-2", 2, null, null, null, null));
        assertThat(((StatusMapping.Rejected) results.get(1)).reason()).contains("NgayCapNhat");
        assertThat(((StatusMapping.Rejected) results.get(2)).reason()).contains("NgayKetThucXuLy");
        assertThat(((StatusMapping.Rejected) results.get(3)).reason()).contains("1 to 10");
        assertThat(((StatusMapping.Rejected) results.get(4)).reason()).contains("NgayHenTra");
    }

    @Test
    void channels_follow_kenh_thuc_hien() {
        for (final int kenh : new int[] {1, 2, 3}) {
            final StatusRecord record = new StatusRecord("H-" + kenh, "9.9", "F", "U", at("20260302081500"),
                at("20260312170000"), 2, kenh, null, null, null);
            final CaseReceived received = (CaseReceived) events(mapping.map(record, SOURCE, Optional.empty())).get(0);
            assertThat(received.channel()).isEqualTo(Channel.values()[kenh - 1]);
            assertThat(received.onlineEligible()).as("9.9 is not an online procedure").isFalse();
        }
        final StatusRecord fax = new StatusRecord("H-4", "9.9", "F", "U", at("20260302081500"),
            at("20260312170000"), 2, 4, null, null, null);
        assertThat(mapping.map(fax, SOURCE, Optional.empty())).isInstanceOf(StatusMapping.Rejected.class);
    }

    @Test
    void an_event_id_past_128_characters_is_hashed() {
        final String id = NationalStatusMapping.eventId(SOURCE, "H".repeat(200), 2, at("20260302081500"));
        assertThat(id).startsWith("dvcqg:").hasSize(6 + 64);
    }
}
