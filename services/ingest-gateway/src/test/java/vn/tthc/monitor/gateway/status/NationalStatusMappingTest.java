package vn.tthc.monitor.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.EventType;
import vn.tthc.monitor.contract.event.ParseResult;
import vn.tthc.monitor.contract.event.SupplementReceived;
import vn.tthc.monitor.contract.org.OrganisationFile;

/**
 * The rules of the national status mapping on messages written as real senders write them (every value a
 * string, empty strings for unknown values), through {@link SyncMapper} as the gateway uses it.
 */
class NationalStatusMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "motcua-hcm";
    private static final String CASE = "000.00.16.H29-260302-0001";
    private static final String ORGANISATION = """
        units:
          - {id: UBND-TP-HCM, name: UBND Thành phố Hồ Chí Minh}
          - {id: UBND-P-BAN-CO, name: UBND phường Bàn Cờ, parent: UBND-TP-HCM, aliases: [Phường Bàn Cờ],
             codes: [000.00.16.H29]}
          - {id: UBND-P-XUAN-HOA, name: UBND phường Xuân Hòa, parent: UBND-TP-HCM}
          - {id: UBND-P-XH-2, name: Ủy ban phường Xuân Hòa, parent: UBND-TP-HCM, aliases: [UBND phường XH]}
          - {id: UBND-P-XH-3, name: Ủy ban phường XH, parent: UBND-TP-HCM, aliases: [UBND phường XH]}
        """;

    private final SyncMapper mapper = mapper(Map.of());

    private static SyncMapper mapper(final Map<String, String> fieldTable) {
        final String table = "MaLinhVuc,fieldId,TenLinhVuc\n" + fieldTable.entrySet().stream()
            .map(e -> e.getKey() + "," + e.getValue() + ",").collect(Collectors.joining("\n"));
        try {
            final FieldTable fields = FieldTable.read(new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8)),
                "test");
            return new SyncMapper(new NationalStatusMapping(UnitDirectory.of(OrganisationFile.parse(ORGANISATION)),
                fields, ReceptionDefaults.of(List.of("1.004227"))), new CaseStatusMemory(1_000));
        } catch (final IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A DongBoHoSoMC record as OpenCPS writes it, personal fields included, with {@code extra} fields set. */
    private static String record(final String status, final String... extra) {
        final StringBuilder record = new StringBuilder("{\"MaHoSo\":\"" + CASE + "\",\"MaTTHC\":\"1.004227\","
            + "\"TenTTHC\":\"Đăng ký đất đai\",\"MaLinhVuc\":\"DAT_DAI\",\"TenLinhVuc\":\"Đất đai\","
            + "\"ChuHoSo\":\"Nguyễn Văn Bí Mật\",\"LoaiDoiTuong\":\"1\",\"MaDoiTuong\":\"\",\"ThongTinKhac\":\"\","
            + "\"Email\":\"bimat@example.org\",\"Fax\":\"\",\"SoDienThoai\":\"0900000000\",\"TrichYeuHoSo\":\"\","
            + "\"NgayTiepNhan\":\"20260302081500\",\"NgayHenTra\":\"20260312170000\",\"TrangThaiHoSo\":\"" + status
            + "\",\"NgayTra\":\"\",\"ThongTinTra\":\"\",\"HinhThuc\":\"0\",\"NgayKetThucXuLy\":\"\","
            + "\"DonViXuLy\":\"UBND phường Bàn Cờ\",\"GhiChu\":\"\",\"TaiLieuNop\":[],\"DanhSachLePhi\":[],"
            + "\"DanhSachTepDinhKemKhac\":[],\"DanhSachGiayToKetQua\":[]");
        for (int i = 0; i < extra.length; i += 2) {
            final int at = record.indexOf("\"" + extra[i] + "\":");
            final String value = extra[i + 1].startsWith("[") ? extra[i + 1] : "\"" + extra[i + 1] + "\"";
            if (at >= 0) {
                final int end = record.indexOf(",\"", record.indexOf(":", at));
                record.replace(at, end, "\"" + extra[i] + "\":" + value);
            } else {
                record.append(",\"").append(extra[i]).append("\":").append(value);
            }
        }
        return record.append('}').toString();
    }

    private static String supplement(final String requested, final String answered, final String before,
                                     final String after) {
        return "{\"HoSoBoSungId\":\"1\",\"NguoiYeuCauBoSung\":\"Cán bộ A\",\"NoiDungBoSung\":\"Bổ sung giấy tờ\","
            + "\"NgayBoSung\":\"" + requested + "\",\"NguoiTiepNhanBoSung\":\"\",\"ThongTinTiepNhan\":\"\","
            + "\"NgayTiepNhanBoSung\":\"" + answered + "\",\"TrangThaiBoSung\":\"\",\"DanhSachGiayToBoSung\":[],"
            + "\"DanhSachLePhiBoSung\":[],\"NgayHenTraTruoc\":\"" + before + "\",\"NgayHenTraMoi\":\"" + after + "\"}";
    }

    private List<SyncMapper.MappedItem> sync(final String message) {
        return sync(mapper, message);
    }

    /** Maps a message and acknowledges every event, as the gateway does once they are written. */
    private static List<SyncMapper.MappedItem> sync(final SyncMapper mapper, final String message) {
        try {
            final SyncMessage parsed = SyncMessage.of(JSON.readTree(message), SyncMessage.QueryValues.NONE);
            final List<SyncMapper.MappedItem> items = mapper.map(SOURCE, parsed);
            mapper.acknowledge(SOURCE, items, id -> true);
            return items;
        } catch (final IOException | SyncMessage.InvalidMessage e) {
            throw new IllegalStateException(e);
        }
    }

    private static String dongBo(final String... records) {
        return "{\"service\":\"DongBoHoSoMC\",\"isUpdating\":\"true\",\"data\":[" + String.join(",", records) + "]}";
    }

    private static List<Event> events(final SyncMapper.MappedItem item) {
        assertThat(item.result()).as(String.valueOf(item.result())).isInstanceOf(StatusMapping.Mapped.class);
        return item.events().stream().map(e -> {
            final ParseResult parsed = EventParser.parse(e.json());
            assertThat(parsed).as(new String(e.json(), StandardCharsets.UTF_8)).isInstanceOf(ParseResult.Valid.class);
            return ((ParseResult.Valid) parsed).event();
        }).toList();
    }

    private static List<EventType> types(final SyncMapper.MappedItem item) {
        return events(item).stream().map(Event::type).toList();
    }

    private static String reason(final SyncMapper.MappedItem item) {
        return item.result() instanceof StatusMapping.Rejected r ? r.reason()
            : item.result() instanceof StatusMapping.Ignored i ? i.reason() : "(mapped)";
    }

    @Test
    void a_received_record_without_KenhThucHien_gives_its_reception_with_the_configured_channel_and_says_so() {
        final SyncMapper.MappedItem item = sync(dongBo(record("2"))).get(0);

        final CaseReceived received = (CaseReceived) events(item).get(0);
        assertThat(received.eventId()).isEqualTo("dvcqg:motcua-hcm:" + CASE + ":2:20260302081500");
        assertThat(received.occurredAt()).isEqualTo(Instant.parse("2026-03-02T01:15:00Z"));
        assertThat(received.source()).isEqualTo(SOURCE);
        assertThat(received.unitId()).as("DonViXuLy is the unit's name").isEqualTo("UBND-P-BAN-CO");
        assertThat(received.fieldId()).isEqualTo("DAT_DAI");
        assertThat(received.procedureId()).isEqualTo("1.004227");
        assertThat(received.channel()).isEqualTo(Channel.COUNTER);
        assertThat(received.onlineEligible()).as("1.004227 is configured as fully online").isTrue();
        assertThat(received.dueAt()).isEqualTo(Instant.parse("2026-03-12T10:00:00Z"));
        assertThat(item.assumed()).containsExactly("channel");
    }

    @Test
    void a_record_with_KenhThucHien_of_a_procedure_nobody_configured_assumes_only_its_online_eligibility() {
        final SyncMapper.MappedItem item = sync(dongBo(record("2", "KenhThucHien", "2", "MaTTHC", "1.000001")))
            .get(0);
        final CaseReceived received = (CaseReceived) events(item).get(0);
        assertThat(received.channel()).isEqualTo(Channel.ONLINE);
        assertThat(received.onlineEligible()).isFalse();
        assertThat(item.assumed()).containsExactly("onlineEligible");
    }

    @Test
    void a_whole_record_resent_with_its_supplements_gives_only_the_events_not_sent_before() {
        sync(dongBo(record("2")));
        final SyncMapper.MappedItem paused = sync(dongBo(record("5", "DanhSachHoSoBoSung",
            "[" + supplement("20260304090000", "", "20260312170000", "") + "]"))).get(0);
        assertThat(types(paused)).containsExactly(EventType.CASE_SUPPLEMENT_REQUESTED);
        assertThat(paused.alreadySent()).as("the reception").isEqualTo(1);
        assertThat(events(paused).get(0).occurredAt()).isEqualTo(Instant.parse("2026-03-04T02:00:00Z"));

        final String answered = supplement("20260304090000", "20260306140000", "20260312170000", "20260314170000");
        final SyncMapper.MappedItem resumed = sync(dongBo(record("4", "DanhSachHoSoBoSung", "[" + answered + "]")))
            .get(0);
        assertThat(types(resumed)).containsExactly(EventType.CASE_SUPPLEMENT_RECEIVED);
        final SupplementReceived supplied = (SupplementReceived) events(resumed).get(0);
        assertThat(supplied.occurredAt()).isEqualTo(Instant.parse("2026-03-06T07:00:00Z"));
        assertThat(supplied.dueAt()).as("NgayHenTraMoi differs: the clock restarted")
            .isEqualTo(Instant.parse("2026-03-14T10:00:00Z"));

        final SyncMapper.MappedItem returned = sync(dongBo(record("10", "DanhSachHoSoBoSung", "[" + answered + "]",
            "NgayKetThucXuLy", "20260311160000", "NgayTra", "20260312083000"))).get(0);
        assertThat(types(returned)).containsExactly(EventType.CASE_RESOLVED, EventType.CASE_RETURNED);
        assertThat(returned.alreadySent()).isEqualTo(3);
        assertThat(events(returned).get(0).occurredAt()).isEqualTo(Instant.parse("2026-03-11T09:00:00Z"));

        final SyncMapper.MappedItem again = sync(dongBo(record("10", "DanhSachHoSoBoSung", "[" + answered + "]",
            "NgayKetThucXuLy", "20260311160000", "NgayTra", "20260312083000"))).get(0);
        assertThat(again.events()).isEmpty();
        assertThat(again.alreadySent()).isEqualTo(5);
    }

    @Test
    void a_record_seen_for_the_first_time_gives_every_event_it_implies_with_the_ids_a_step_by_step_sync_gives() {
        final SyncMapper fresh = mapper(Map.of());
        sync(fresh, dongBo(record("2")));
        final String list = "[" + supplement("20260304090000", "20260306140000", "20260312170000", "20260312170000")
            + "]";
        final List<String> stepByStep = sync(fresh, dongBo(record("9", "DanhSachHoSoBoSung", list,
            "NgayKetThucXuLy", "20260311160000"))).get(0).events().stream().map(StatusMapping.MappedEvent::eventId)
            .toList();

        final SyncMapper.MappedItem whole = sync(dongBo(record("9", "DanhSachHoSoBoSung", list,
            "NgayKetThucXuLy", "20260311160000"))).get(0);
        assertThat(types(whole)).containsExactly(EventType.CASE_RECEIVED, EventType.CASE_SUPPLEMENT_REQUESTED,
            EventType.CASE_SUPPLEMENT_RECEIVED, EventType.CASE_RESOLVED);
        assertThat(((SupplementReceived) events(whole).get(2)).dueAt())
            .as("NgayHenTraMoi equal to NgayHenTraTruoc: the pause moves the due time").isNull();
        assertThat(whole.events().stream().map(StatusMapping.MappedEvent::eventId).toList()).containsAll(stepByStep);
    }

    @Test
    void progress_steps_give_their_status_events_at_ThoiDiemXuLy_and_a_4_counts_only_after_a_5() {
        sync(dongBo(record("2")));
        final String steps = "{\"service\":\"CapNhatTienDoHoSoMC\",\"data\":["
            + step("4", "20260302100000") + "," + step("5", "20260304090000") + "," + step("4", "20260306140000") + ","
            + step("9", "20260311160000") + "," + step("4", "") + "]}";
        final List<SyncMapper.MappedItem> items = sync(steps);

        assertThat(items.get(0).result()).isInstanceOf(StatusMapping.Ignored.class);
        assertThat(reason(items.get(0))).isEqualTo("TrangThai 4 (đang xử lý) không sau một yêu cầu bổ sung");
        assertThat(types(items.get(1))).containsExactly(EventType.CASE_SUPPLEMENT_REQUESTED);
        assertThat(events(items.get(1)).get(0).eventId()).isEqualTo("dvcqg:motcua-hcm:" + CASE + ":5:20260304090000");
        assertThat(types(items.get(2))).containsExactly(EventType.CASE_SUPPLEMENT_RECEIVED);
        assertThat(types(items.get(3))).containsExactly(EventType.CASE_RESOLVED);
        assertThat(events(items.get(3)).get(0).occurredAt()).isEqualTo(Instant.parse("2026-03-11T09:00:00Z"));
        assertThat(items.get(4).result()).isInstanceOf(StatusMapping.Ignored.class);
    }

    private static String step(final String status, final String at) {
        return "{\"MaHoSo\":\"" + CASE + "\",\"NguoiXuLy\":\"Trần Văn Cán Bộ\",\"ChucDanh\":\"\",\"ThoiDiemXuLy\":\""
            + at + "\",\"PhongBanXuLy\":\"\",\"NoiDungXuLy\":\"Chuyển xử lý\",\"TrangThai\":\"" + status + "\","
            + "\"NgayBatDau\":\"\",\"NgayKetThucTheoQuyDinh\":\"\"}";
    }

    @Test
    void a_step_that_needs_its_time_and_has_none_is_rejected_with_the_field_it_needs() {
        final SyncMapper.MappedItem item = sync("{\"service\":\"CapNhatTienDoHoSoMC\",\"data\":["
            + step("9", "") + "]}").get(0);
        assertThat(reason(item)).isEqualTo("TrangThai 9 (đã xử lý xong) cần ThoiDiemXuLy");
    }

    @Test
    void units_match_by_exact_id_or_by_name_alias_or_code_in_any_Unicode_form_case_and_spacing() {
        final String nfd = Normalizer.normalize("  ubnd   PHƯỜNG bàn cờ ", Normalizer.Form.NFD);
        for (final String[] value : new String[][] {{"DonViXuLy", "UBND-P-BAN-CO"}, {"DonViXuLy", nfd},
            {"DonViXuLy", "phường bàn cờ"}, {"DonViXuLy", "000.00.16.H29"}}) {
            final SyncMapper.MappedItem item = sync(mapper(Map.of()), dongBo(record("2", value))).get(0);
            assertThat(((CaseReceived) events(item).get(0)).unitId()).as(value[1]).isEqualTo("UBND-P-BAN-CO");
        }
        final SyncMapper.MappedItem byUnitCode = sync(mapper(Map.of()), dongBo(record("2", "DonViXuLy", "",
            "MaDinhDanhDV", "000.00.16.H29"))).get(0);
        assertThat(((CaseReceived) events(byUnitCode).get(0)).unitId()).isEqualTo("UBND-P-BAN-CO");
    }

    @Test
    void an_id_is_compared_exactly_and_a_unit_matching_none_or_several_is_rejected_never_guessed() {
        final SyncMapper.MappedItem lowerCaseId = sync(dongBo(record("2", "DonViXuLy", "ubnd-p-ban-co"))).get(0);
        assertThat(lowerCaseId.result()).isEqualTo(new StatusMapping.Rejected(
            "DonViXuLy 'ubnd-p-ban-co' không khớp đơn vị nào của tệp tổ chức (mã, tên, tên khác, mã định danh)", true));

        final SyncMapper.MappedItem ambiguous = sync(dongBo(record("9", "DonViXuLy", "UBND phường XH",
            "NgayKetThucXuLy", "20260311160000"))).get(0);
        assertThat(ambiguous.result()).isEqualTo(new StatusMapping.Rejected(
            "DonViXuLy 'UBND phường XH' khớp nhiều đơn vị: UBND-P-XH-2, UBND-P-XH-3", true));
        assertThat(ambiguous.events()).isEmpty();
    }

    @Test
    void a_field_code_maps_through_the_field_table_and_an_unlisted_valid_code_passes_through() {
        final Map<String, String> table = Map.of("G09-TN01", "DAT_DAI");
        final SyncMapper.MappedItem listed = sync(mapper(table), dongBo(record("2", "MaLinhVuc", "G09-TN01"))).get(0);
        assertThat(((CaseReceived) events(listed).get(0)).fieldId()).isEqualTo("DAT_DAI");

        final SyncMapper.MappedItem unlisted = sync(mapper(table), dongBo(record("2", "MaLinhVuc", "HO_TICH"))).get(0);
        assertThat(((CaseReceived) events(unlisted).get(0)).fieldId()).isEqualTo("HO_TICH");

        final SyncMapper.MappedItem star = sync(mapper(table), dongBo(record("2", "MaLinhVuc", "*"))).get(0);
        assertThat(reason(star)).isEqualTo("MaLinhVuc '*' không có trong bảng lĩnh vực và không dùng được làm fieldId");
    }

    @Test
    void a_withdrawal_is_timed_by_NgayKetThucXuLy_and_a_status_without_its_time_is_rejected() {
        final SyncMapper.MappedItem withdrawn = sync(dongBo(record("7", "NgayKetThucXuLy", "20260303110000"))).get(0);
        assertThat(types(withdrawn)).containsExactly(EventType.CASE_RECEIVED, EventType.CASE_WITHDRAWN);
        assertThat(events(withdrawn).get(1).occurredAt()).isEqualTo(Instant.parse("2026-03-03T04:00:00Z"));

        assertThat(reason(sync(dongBo(record("9"))).get(0))).isEqualTo("TrangThaiHoSo 9 (đã xử lý xong) cần NgayKetThucXuLy");
        assertThat(reason(sync(dongBo(record("5"))).get(0))).startsWith("TrangThaiHoSo 5 (yêu cầu bổ sung) cần thời điểm");
        assertThat(reason(sync(dongBo(record("2", "NgayHenTra", ""))).get(0)))
            .isEqualTo("thiếu NgayHenTra cần cho việc tiếp nhận (case.received)");
    }

    @Test
    void a_later_status_without_the_reception_fields_still_gives_its_own_event_and_warns() {
        final SyncMapper.MappedItem item = sync(dongBo(record("9", "NgayTiepNhan", "", "MaTTHC", "",
            "NgayKetThucXuLy", "20260311160000"))).get(0);
        assertThat(types(item)).containsExactly(EventType.CASE_RESOLVED);
        assertThat(((StatusMapping.Mapped) item.result()).warnings())
            .containsExactly("không có sự kiện tiếp nhận: thiếu MaTTHC, NgayTiepNhan cần cho việc tiếp nhận (case.received)");
    }

    @Test
    void not_received_statuses_give_nothing_and_a_bad_date_or_code_rejects_the_record_with_the_field() {
        assertThat(reason(sync(dongBo(record("1"))).get(0))).isEqualTo("TrangThaiHoSo 1 (mới đăng ký) chưa được tiếp nhận: không có sự kiện");
        assertThat(reason(sync(dongBo(record("3"))).get(0))).isEqualTo("TrangThaiHoSo 3 (không được tiếp nhận) chưa được tiếp nhận: không có sự kiện");
        assertThat(reason(sync(dongBo(record("12"))).get(0))).isEqualTo("TrangThaiHoSo phải từ 1 đến 10, nhận được 12");
        assertThat(reason(sync(dongBo(record("2", "NgayTiepNhan", "02/03/2026"))).get(0)))
            .isEqualTo("trường 'NgayTiepNhan' phải là ngày giờ yyyyMMddHHmmss, nhận được '02/03/2026'");
        assertThat(reason(sync(dongBo(record("2", "NgayHenTra", "00010101000000"))).get(0)))
            .isEqualTo("trường 'NgayHenTra' nằm ngoài các năm 2000–2099: '00010101000000'");
        assertThat(reason(sync(dongBo(record("2", "KenhThucHien", "7"))).get(0)))
            .isEqualTo("KenhThucHien phải là 1, 2 hoặc 3, nhận được 7");
    }

    @Test
    void the_gateway_s_own_NgayCapNhat_still_times_statuses_and_a_moved_appointment_restarts_the_clock() {
        sync("[" + record("2", "KenhThucHien", "2") + "]");
        assertThat(types(sync("[" + record("5", "NgayCapNhat", "20260304090000") + "]").get(0)))
            .containsExactly(EventType.CASE_SUPPLEMENT_REQUESTED);
        final SyncMapper.MappedItem resumed = sync("[" + record("4", "NgayCapNhat", "20260306140000",
            "NgayHenTra", "20260320170000") + "]").get(0);
        assertThat(((SupplementReceived) events(resumed).get(0)).dueAt()).isEqualTo(Instant.parse("2026-03-20T10:00:00Z"));
        assertThat(reason(sync("[" + record("4", "NgayCapNhat", "20260307140000") + "]").get(0))).isEqualTo("TrangThaiHoSo 4 (đang xử lý) không có sự kiện riêng (không sau một yêu cầu bổ sung)");
    }
}
