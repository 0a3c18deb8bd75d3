package vn.tthc.monitor.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.ParseResult;
import vn.tthc.monitor.gateway.LogLines;
import vn.tthc.monitor.gateway.RunningGateway;

/**
 * National sync messages through the running gateway: canonical events on the topic, re-sent records giving only
 * what is new, units matched against an organisation file, and no personal data on the topic, in the logs or in
 * the metrics.
 */
class StatusSyncIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The personal values of the messages below: none may leave the gateway. */
    private static final List<String> PERSONAL = List.of("Lê Thị Riêng Tư", "rieng.tu@example.org", "0912345678",
        "0283999888", "CCCD-079123456789", "Xin cấp giấy chứng nhận cho thửa đất số 42", "Trần Cán Bộ Xử Lý",
        "Đã thẩm định hồ sơ tại thửa 42", "tep-dinh-kem-bi-mat.pdf");

    @TempDir
    Path dir;

    private static String record(final int status, final String capNhat, final String ketThuc) {
        return "{\"MaHoSo\":\"000.00.16.H29-260302-0007\",\"MaTTHC\":\"1.004227\",\"MaLinhVuc\":\"DAT_DAI\","
            + "\"DonViXuLy\":\"UBND-Q1\",\"NgayTiepNhan\":\"20260302081500\",\"NgayHenTra\":\"20260312170000\","
            + "\"TrangThaiHoSo\":" + status + ",\"KenhThucHien\":\"1\""
            + (capNhat == null ? "" : ",\"NgayCapNhat\":\"" + capNhat + "\"")
            + (ketThuc == null ? "" : ",\"NgayKetThucXuLy\":\"" + ketThuc + "\"") + "}";
    }

    @Test
    void a_case_s_status_records_become_its_canonical_events_and_a_re_sent_record_gives_nothing_again()
        throws IOException {
        try (RunningGateway gateway = new RunningGateway()) {
            final String first = "[" + record(2, null, null) + "," + record(4, "20260302100000", null) + ","
                + record(5, "20260304090000", null) + "]";
            final JsonNode answer = JSON.readTree(gateway.post("/api/v1/status-sync", "application/json", first).body());
            assertThat(answer.get("service").textValue()).isEqualTo("records");
            assertThat(answer.get("results").findValuesAsText("outcome")).containsExactly("mapped", "ignored", "mapped");
            assertThat(answer.get("accepted").intValue()).isEqualTo(2);
            assertThat(answer.get("ignored").intValue()).isEqualTo(1);

            final JsonNode second = JSON.readTree(gateway.post("/api/v1/status-sync", "application/json",
                "[" + record(4, "20260306140000", null) + "," + record(9, null, "20260311160000") + ","
                    + record(9, null, "20260311160000") + "," + record(12, "20260311160000", null) + "]").body());
            assertThat(second.get("results").findValuesAsText("outcome"))
                .containsExactly("mapped", "mapped", "mapped", "rejected");
            assertThat(second.get("results").get(2).get("events")).isEmpty();
            assertThat(second.get("results").get(2).get("alreadySent").intValue()).isEqualTo(2);
            assertThat(second.get("results").get(3).get("reason").textValue())
                .isEqualTo("TrangThaiHoSo phải từ 1 đến 10, nhận được 12");
            assertThat(second.get("accepted").intValue()).isEqualTo(2);
            assertThat(second.get("rejected").intValue()).isEqualTo(1);

            final List<String> types = gateway.records().stream().map(r -> {
                final ParseResult parsed = EventParser.parse(r.value());
                assertThat(parsed).isInstanceOf(ParseResult.Valid.class);
                final Event event = ((ParseResult.Valid) parsed).event();
                assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("000.00.16.H29-260302-0007");
                return event.type().wireName();
            }).toList();
            assertThat(types).containsExactly("case.received", "case.supplement_requested",
                "case.supplement_received", "case.resolved");
        }
    }

    /** A DongBoHoSoMC record as an OpenCPS system sends it: strings everywhere, empty strings, personal data. */
    private static String portalRecord(final String maHoSo, final String status, final String donViXuLy,
                                       final String supplements, final String ketThuc) {
        return "{\"MaHoSo\":\"" + maHoSo + "\",\"MaTTHC\":\"1.004227\",\"TenTTHC\":\"Đăng ký biến động đất đai\","
            + "\"MaLinhVuc\":\"G09-TN01\",\"TenLinhVuc\":\"Đất đai\",\"ChuHoSo\":\"Lê Thị Riêng Tư\","
            + "\"LoaiDoiTuong\":\"1\",\"MaDoiTuong\":\"CCCD-079123456789\",\"ThongTinKhac\":\"\","
            + "\"Email\":\"rieng.tu@example.org\",\"Fax\":\"0283999888\",\"SoDienThoai\":\"0912345678\","
            + "\"TrichYeuHoSo\":\"Xin cấp giấy chứng nhận cho thửa đất số 42\",\"NgayTiepNhan\":\"20260302081500\","
            + "\"NgayHenTra\":\"20260312170000\",\"TrangThaiHoSo\":\"" + status + "\",\"NgayTra\":\"\","
            + "\"ThongTinTra\":\"\",\"HinhThuc\":\"0\",\"NgayKetThucXuLy\":\"" + ketThuc + "\",\"DonViXuLy\":\""
            + donViXuLy + "\",\"GhiChu\":\"\",\"TaiLieuNop\":[{\"TepDinhKemId\":\"1\",\"TenTepDinhKem\":"
            + "\"tep-dinh-kem-bi-mat.pdf\",\"DuongDanTaiTepTin\":\"https://motcua.example/tep-dinh-kem-bi-mat.pdf\"}],"
            + "\"DanhSachLePhi\":[],\"DanhSachTepDinhKemKhac\":[],\"DanhSachHoSoBoSung\":" + supplements + ","
            + "\"DanhSachGiayToKetQua\":[]}";
    }

    @Test
    void the_portal_s_messages_are_mapped_with_units_fields_and_assumptions_and_no_personal_data_leaves()
        throws IOException {
        final Path units = dir.resolve("units.yaml");
        Files.writeString(units, """
            units:
              - {id: UBND-Q3, name: UBND Quận 3}
              - {id: UBND-P-BAN-CO, name: UBND phường Bàn Cờ, parent: UBND-Q3, codes: [000.00.16.H29]}
            """);
        final Path fields = dir.resolve("fields.csv");
        Files.writeString(fields, "MaLinhVuc,fieldId,TenLinhVuc\nG09-TN01,DAT_DAI,Đất đai\n");
        try (RunningGateway gateway = new RunningGateway(Map.of("tthc.gateway.units-file", units.toString(),
            "tthc.gateway.fields-file", fields.toString(), "tthc.gateway.online-eligible-procedures", "1.004227"));
             LogLines logs = LogLines.captureAll()) {
            final String supplement = "[{\"HoSoBoSungId\":\"9\",\"NguoiYeuCauBoSung\":\"Trần Cán Bộ Xử Lý\","
                + "\"NoiDungBoSung\":\"Đã thẩm định hồ sơ tại thửa 42\",\"NgayBoSung\":\"20260304090000\","
                + "\"NguoiTiepNhanBoSung\":\"\",\"ThongTinTiepNhan\":\"\",\"NgayTiepNhanBoSung\":\"20260306090000\","
                + "\"TrangThaiBoSung\":\"\",\"DanhSachGiayToBoSung\":[],\"DanhSachLePhiBoSung\":[],"
                + "\"NgayHenTraTruoc\":\"20260312170000\",\"NgayHenTraMoi\":\"\"}]";
            final String message = "{\"service\":\"DongBoHoSoMC\",\"isUpdating\":\"false\",\"data\":["
                + portalRecord("H29-0001", "4", "UBND  phường BÀN CỜ", supplement, "") + ","
                + portalRecord("H29-0002", "2", "UBND phường Không Có", "[]", "") + "]}";
            final JsonNode answer = JSON.readTree(gateway.post("/api/v1/status-sync?MaDinhDanhDV=000.00.16.H29",
                "application/json", message).body());

            assertThat(answer.get("service").textValue()).isEqualTo("DongBoHoSoMC");
            final JsonNode mapped = answer.get("results").get(0);
            assertThat(mapped.get("outcome").textValue()).isEqualTo("mapped");
            assertThat(mapped.get("events").findValuesAsText("type")).containsExactly("case.received",
                "case.supplement_requested", "case.supplement_received");
            assertThat(mapped.get("assumed")).extracting(JsonNode::textValue).containsExactly("channel");
            assertThat(answer.get("assumed").intValue()).isEqualTo(1);
            final JsonNode unknown = answer.get("results").get(1);
            assertThat(unknown.get("outcome").textValue()).isEqualTo("rejected");
            assertThat(unknown.get("reason").textValue()).isEqualTo("DonViXuLy 'UBND phường Không Có' không khớp đơn "
                + "vị nào của tệp tổ chức (mã, tên, tên khác, mã định danh)");

            final JsonNode steps = JSON.readTree(gateway.post("/api/v1/status-sync", "application/json",
                "{\"service\":\"CapNhatTienDoHoSoMC\",\"data\":[{\"MaHoSo\":\"H29-0001\",\"NguoiXuLy\":"
                    + "\"Trần Cán Bộ Xử Lý\",\"ChucDanh\":\"\",\"ThoiDiemXuLy\":\"20260311160000\",\"PhongBanXuLy\":\"\","
                    + "\"NoiDungXuLy\":\"Đã thẩm định hồ sơ tại thửa 42\",\"TrangThai\":\"9\",\"NgayBatDau\":\"\","
                    + "\"NgayKetThucTheoQuyDinh\":\"\"}]}").body());
            assertThat(steps.get("results").get(0).get("events").findValuesAsText("type"))
                .containsExactly("case.resolved");

            final List<ConsumerRecord<byte[], byte[]>> records = gateway.records();
            assertThat(records).hasSize(4);
            final JsonNode reception = JSON.readTree(records.get(0).value());
            assertThat(reception.get("unitId").textValue()).isEqualTo("UBND-P-BAN-CO");
            assertThat(reception.get("fieldId").textValue()).isEqualTo("DAT_DAI");
            assertThat(reception.get("channel").textValue()).isEqualTo("COUNTER");

            final String prometheus = gateway.get("/prometheus").body();
            assertThat(prometheus).contains("tthc_gateway_status_assumed_total{field=\"channel\",source=\"so-tnmt\"} 1.0")
                .contains("tthc_gateway_status_unmatched_units_total{source=\"so-tnmt\"} 1.0");
            final List<String> everything = new ArrayList<>(logs.lines());
            assertThat(everything).anyMatch(line -> line.contains("UBND phường Không Có"));
            everything.add(prometheus);
            records.forEach(r -> everything.add(new String(r.value(), StandardCharsets.UTF_8)));
            for (final String personal : PERSONAL) {
                assertThat(everything).as(personal).noneMatch(text -> text.contains(personal));
            }
        }
    }
}
