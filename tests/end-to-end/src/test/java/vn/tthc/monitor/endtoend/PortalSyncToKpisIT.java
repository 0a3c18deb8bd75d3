package vn.tthc.monitor.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.testing.InMemoryKpis;
import vn.tthc.monitor.contract.testing.ReportComparison;
import vn.tthc.monitor.testing.TestDirectories;
import vn.tthc.monitor.testing.TestKafkaCluster;

/**
 * The national portal's messages as real senders write them (DongBoHoSoMC records with every value a string and
 * empty strings, isUpdating re-sends, CapNhatTienDoHoSoMC steps, units by name in another Unicode form, by alias,
 * by id and by MaDinhDanhDV in the query string, an unknown unit, every TrangThaiHoSo) go through a running gateway
 * (its own JVM) into a running kpi-streams; its report must equal the reference model's report of the canonical
 * events they are equivalent to, and no personal value may be on the topic, in the gateway's log or in /prometheus.
 */
class PortalSyncToKpisIT {

    private static final String ELIGIBLE = "1.004227";
    private static final String NOT_ELIGIBLE = "1.001111";
    private static final List<String> PERSONAL = List.of("Phạm Thị Riêng", "rieng.pham@example.org", "0987654321",
        "0283777666", "CCCD-079000000001", "Cấp đổi giấy chứng nhận thửa 7", "Võ Cán Bộ Thẩm Định",
        "Yêu cầu bổ sung bản sao sổ hộ khẩu", "ho-so-rieng-tu.pdf");

    private static RunningPipeline pipeline;

    @BeforeAll
    static void start() throws IOException {
        final Path dir = TestDirectories.fresh("portal-sync");
        final Path units = dir.resolve("units.yaml");
        Files.writeString(units, """
            units:
              - {id: UBND-Q3, name: UBND Quận 3}
              - {id: UBND-P-BAN-CO, name: UBND phường Bàn Cờ, parent: UBND-Q3, aliases: [Phường Bàn Cờ],
                 codes: [000.00.16.H29]}
              - {id: UBND-P-XUAN-HOA, name: UBND phường Xuân Hòa, parent: UBND-Q3}
            """);
        final Path fields = dir.resolve("linh-vuc.csv");
        Files.writeString(fields, "MaLinhVuc,fieldId,TenLinhVuc\nG09-TN01,DAT_DAI,Đất đai\nG09-TP02,HO_TICH,Hộ tịch\n");
        pipeline = new RunningPipeline(Map.of("tthc.gateway.units-file", units.toString(),
            "tthc.gateway.fields-file", fields.toString(), "tthc.gateway.online-eligible-procedures", ELIGIBLE));
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    /** A dossier as OpenCPS writes it into DongBoHoSoMC; {@code kenh} null leaves KenhThucHien out altogether. */
    private record Dossier(String maHoSo, String unit, String procedure, String field, String kenh, String receivedAt,
                           String dueAt) {

        String record(final String status, final String supplements, final String ketThuc, final String tra) {
            return "{\"MaHoSo\":\"" + maHoSo + "\",\"MaTTHC\":\"" + procedure + "\",\"TenTTHC\":\"Thủ tục\","
                + "\"MaLinhVuc\":\"" + field + "\",\"TenLinhVuc\":\"\",\"ChuHoSo\":\"Phạm Thị Riêng\","
                + "\"LoaiDoiTuong\":\"1\",\"MaDoiTuong\":\"CCCD-079000000001\",\"ThongTinKhac\":\"\","
                + "\"Email\":\"rieng.pham@example.org\",\"Fax\":\"0283777666\",\"SoDienThoai\":\"0987654321\","
                + "\"TrichYeuHoSo\":\"Cấp đổi giấy chứng nhận thửa 7\",\"NgayTiepNhan\":\"" + receivedAt + "\","
                + "\"NgayHenTra\":\"" + dueAt + "\",\"TrangThaiHoSo\":\"" + status + "\",\"NgayTra\":\"" + tra + "\","
                + "\"ThongTinTra\":\"\",\"HinhThuc\":\"0\",\"NgayKetThucXuLy\":\"" + ketThuc + "\",\"DonViXuLy\":\""
                + unit + "\",\"GhiChu\":\"\"" + (kenh == null ? "" : ",\"KenhThucHien\":\"" + kenh + "\"")
                + ",\"TaiLieuNop\":[{\"TepDinhKemId\":\"1\",\"TenTepDinhKem\":\"ho-so-rieng-tu.pdf\"}],"
                + "\"DanhSachLePhi\":[],\"DanhSachTepDinhKemKhac\":[],\"DanhSachHoSoBoSung\":" + supplements
                + ",\"DanhSachGiayToKetQua\":[]}";
        }

        String record(final String status) {
            return record(status, "[]", "", "");
        }
    }

    private static String supplement(final String requested, final String answered, final String before,
                                     final String after) {
        return "{\"HoSoBoSungId\":\"" + requested + "\",\"NguoiYeuCauBoSung\":\"Võ Cán Bộ Thẩm Định\","
            + "\"NoiDungBoSung\":\"Yêu cầu bổ sung bản sao sổ hộ khẩu\",\"NgayBoSung\":\"" + requested + "\","
            + "\"NguoiTiepNhanBoSung\":\"\",\"ThongTinTiepNhan\":\"\",\"NgayTiepNhanBoSung\":\"" + answered + "\","
            + "\"TrangThaiBoSung\":\"\",\"DanhSachGiayToBoSung\":[],\"DanhSachLePhiBoSung\":[],"
            + "\"NgayHenTraTruoc\":\"" + before + "\",\"NgayHenTraMoi\":\"" + after + "\"}";
    }

    private static String step(final String maHoSo, final String status, final String at) {
        return "{\"MaHoSo\":\"" + maHoSo + "\",\"NguoiXuLy\":\"Võ Cán Bộ Thẩm Định\",\"ChucDanh\":\"\","
            + "\"ThoiDiemXuLy\":\"" + at + "\",\"PhongBanXuLy\":\"\",\"NoiDungXuLy\":\"Yêu cầu bổ sung bản sao sổ hộ khẩu\","
            + "\"TrangThai\":\"" + status + "\",\"NgayBatDau\":\"\",\"NgayKetThucTheoQuyDinh\":\"\"}";
    }

    private static String dongBo(final String isUpdating, final String... records) {
        return "{\"service\":\"DongBoHoSoMC\",\"isUpdating\":\"" + isUpdating + "\",\"data\":["
            + String.join(",", records) + "]}";
    }

    private static String progress(final String... steps) {
        return "{\"service\":\"CapNhatTienDoHoSoMC\",\"data\":[" + String.join(",", steps) + "]}";
    }

    @Test
    void portal_messages_count_as_their_canonical_events_and_leave_no_personal_data() throws Exception {
        // C1 online, eligible, DAT_DAI by the field table; resolved 12/03 10:00 before its due 12/03 17:00: onTime
        final Dossier c1 = new Dossier("H29-E2E-0001", "UBND phường Bàn Cờ", ELIGIBLE, "G09-TN01", "2",
            "20260302081500", "20260312170000");
        // C2 the unit's name in NFD, upper case and doubled spaces; KenhThucHien empty (COUNTER assumed); HO_TICH;
        // paused 05/03 09:00 - 09/03 09:00 without a new due time: due 13/03 -> 17/03 17:00; resolved 18/03: late
        final Dossier c2 = new Dossier("H29-E2E-0002", Normalizer.normalize("UBND  PHƯỜNG bàn cờ", Normalizer.Form.NFD),
            NOT_ELIGIBLE, "G09-TP02", "", "20260303080000", "20260313170000");
        // C3 by unit id, no KenhThucHien at all; paused 05/03 - 10/03 with a new due 16/03 17:00; resolved by a
        // progress step 13/03 15:00: early (it would be late against its first due 06/03)
        final Dossier c3 = new Dossier("H29-E2E-0003", "UBND-P-XUAN-HOA", ELIGIBLE, "G09-TN01", null,
            "20260304080000", "20260306170000");
        // C4 withdrawn 06/03 10:00 (7): withdrawn, out of the on-time KPI
        final Dossier c4 = new Dossier("H29-E2E-0004", "UBND-P-XUAN-HOA", NOT_ELIGIBLE, "G09-TN01", "1",
            "20260303100000", "20260317170000");
        // C5 not received (3) and new (1): nothing; C6 an unknown unit: rejected, nothing
        final Dossier c5 = new Dossier("H29-E2E-0005", "UBND phường Bàn Cờ", ELIGIBLE, "G09-TN01", "1",
            "20260304090000", "20260314170000");
        final Dossier c6 = new Dossier("H29-E2E-0006", "UBND phường Không Tồn Tại", ELIGIBLE, "G09-TN01", "1",
            "20260304090000", "20260314170000");
        // C7 postal, its unit only in the query string's MaDinhDanhDV (DonViXuLy empty); 6 then 8: received, open
        final Dossier c7 = new Dossier("H29-E2E-0007", "", ELIGIBLE, "G09-TN01", "3", "20260304090000",
            "20260314170000");
        // C8 by alias; steps 4 (ignored), 5 03/03 09:00, 4 04/03 09:00 (due 05/03 -> 06/03 17:00), 9 06/03 16:00
        // (onTime), 10 07/03 08:00
        final Dossier c8 = new Dossier("H29-E2E-0008", "phường bàn cờ", NOT_ELIGIBLE, "G09-TN01", "2",
            "20260302090000", "20260305170000");

        final JsonNode first = post("api/v1/status-sync?isUpdating=False&MaDinhDanhDV=000.00.16.H29", dongBo("false",
            c1.record("2"), c2.record("5", "[" + supplement("20260305090000", "", "20260313170000", "") + "]", "", ""),
            c3.record("2"), c4.record("7", "[]", "20260306100000", ""), c5.record("3"), c5.record("1"),
            c6.record("2"), c7.record("6"), c8.record("2")));
        assertThat(first.get("results").findValuesAsText("outcome")).containsExactly("mapped", "mapped", "mapped",
            "mapped", "ignored", "ignored", "rejected", "mapped", "mapped");
        assertThat(first.get("results").get(1).get("assumed")).extracting(JsonNode::textValue)
            .containsExactly("channel", "onlineEligible");
        assertThat(first.get("results").get(2).get("assumed")).extracting(JsonNode::textValue)
            .containsExactly("channel");
        assertThat(first.get("results").get(6).get("reason").textValue()).isEqualTo("DonViXuLy 'UBND phường Không "
            + "Tồn Tại' không khớp đơn vị nào của tệp tổ chức (mã, tên, tên khác, mã định danh)");
        assertThat(first.get("accepted").intValue()).isEqualTo(8);

        final String c1Resolved = c1.record("9", "[]", "20260312100000", "");
        final String c2Answered = "[" + supplement("20260305090000", "20260309090000", "20260313170000", "") + "]";
        final JsonNode updates = post("api/v1/status-sync?MaDinhDanhDV=000.00.16.H29", dongBo("true", c1Resolved,
            c2.record("9", c2Answered, "20260318100000", ""),
            c3.record("4", "[" + supplement("20260305080000", "20260310080000", "20260306170000", "20260316170000")
                + "]", "", ""), c7.record("8"), c1.record("10", "[]", "20260312100000", "20260313090000")));
        assertThat(updates.get("results").findValuesAsText("outcome"))
            .containsExactly("mapped", "mapped", "mapped", "ignored", "mapped");
        assertThat(updates.get("results").get(4).get("events").findValuesAsText("type"))
            .as("a whole record re-sent gives only what is new").containsExactly("case.returned");
        assertThat(updates.get("accepted").intValue()).isEqualTo(6);

        final JsonNode resent = post("api/v1/status-sync", dongBo("true", c1Resolved));
        assertThat(resent.get("results").get(0).get("events")).isEmpty();
        assertThat(resent.get("accepted").intValue() + resent.get("duplicate").intValue()).isZero();

        final JsonNode steps = post("api/v1/status-sync", progress(step(c3.maHoSo(), "9", "20260313150000"),
            step(c8.maHoSo(), "4", "20260302100000"), step(c8.maHoSo(), "5", "20260303090000"),
            step(c8.maHoSo(), "4", "20260304090000"), step(c8.maHoSo(), "9", "20260306160000"),
            step(c8.maHoSo(), "10", "20260307080000")));
        assertThat(steps.get("results").findValuesAsText("outcome"))
            .containsExactly("mapped", "ignored", "mapped", "mapped", "mapped", "mapped");

        final List<String> canonical = List.of(
            received("c1", c1, "UBND-P-BAN-CO", "DAT_DAI", "ONLINE", true, "2026-03-02T08:15:00", "2026-03-12T17:00:00"),
            event("c1-resolved", "case.resolved", "H29-E2E-0001", "2026-03-12T10:00:00", ",\"result\":\"APPROVED\""),
            event("c1-returned", "case.returned", "H29-E2E-0001", "2026-03-13T09:00:00", ""),
            received("c2", c2, "UBND-P-BAN-CO", "HO_TICH", "COUNTER", false, "2026-03-03T08:00:00", "2026-03-13T17:00:00"),
            event("c2-requested", "case.supplement_requested", "H29-E2E-0002", "2026-03-05T09:00:00", ""),
            event("c2-answered", "case.supplement_received", "H29-E2E-0002", "2026-03-09T09:00:00", ""),
            event("c2-resolved", "case.resolved", "H29-E2E-0002", "2026-03-18T10:00:00", ",\"result\":\"APPROVED\""),
            received("c3", c3, "UBND-P-XUAN-HOA", "DAT_DAI", "COUNTER", true, "2026-03-04T08:00:00", "2026-03-06T17:00:00"),
            event("c3-requested", "case.supplement_requested", "H29-E2E-0003", "2026-03-05T08:00:00", ""),
            event("c3-answered", "case.supplement_received", "H29-E2E-0003", "2026-03-10T08:00:00",
                ",\"dueAt\":\"2026-03-16T17:00:00+07:00\""),
            event("c3-resolved", "case.resolved", "H29-E2E-0003", "2026-03-13T15:00:00", ",\"result\":\"APPROVED\""),
            received("c4", c4, "UBND-P-XUAN-HOA", "DAT_DAI", "COUNTER", false, "2026-03-03T10:00:00", "2026-03-17T17:00:00"),
            event("c4-withdrawn", "case.withdrawn", "H29-E2E-0004", "2026-03-06T10:00:00", ""),
            received("c7", c7, "UBND-P-BAN-CO", "DAT_DAI", "POSTAL", true, "2026-03-04T09:00:00", "2026-03-14T17:00:00"),
            received("c8", c8, "UBND-P-BAN-CO", "DAT_DAI", "ONLINE", false, "2026-03-02T09:00:00", "2026-03-05T17:00:00"),
            event("c8-requested", "case.supplement_requested", "H29-E2E-0008", "2026-03-03T09:00:00", ""),
            event("c8-answered", "case.supplement_received", "H29-E2E-0008", "2026-03-04T09:00:00", ""),
            event("c8-resolved", "case.resolved", "H29-E2E-0008", "2026-03-06T16:00:00", ",\"result\":\"APPROVED\""),
            event("c8-returned", "case.returned", "H29-E2E-0008", "2026-03-07T08:00:00", ""));
        final JsonNode expected = ContractJson.mapper().valueToTree(InMemoryKpis.report(canonical,
            Targets.sectionThreeDefaults()));
        await("kpi-streams' report").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(ReportComparison.differences(pipeline.query("/api/v1/report"), expected)).isEmpty());

        final List<String> topic = topicValues(pipeline.kpiStreams.topic("events"));
        assertThat(topic).hasSize(canonical.size());
        final String log = Files.readString(pipeline.gateway.log(), StandardCharsets.UTF_8);
        assertThat(log).contains("UBND phường Không Tồn Tại");
        final String prometheus = pipeline.gateway.get("prometheus").body();
        assertThat(prometheus).contains("tthc_gateway_status_unmatched_units_total{source=\"" + GatewayProcess.SOURCE
            + "\"} 1.0");
        for (final String personal : PERSONAL) {
            assertThat(topic).as("the events topic: " + personal).noneMatch(value -> value.contains(personal));
            assertThat(log).as("the gateway's log").doesNotContain(personal);
            assertThat(prometheus).as("/prometheus").doesNotContain(personal);
        }
    }

    private static JsonNode post(final String path, final String body) throws IOException {
        return RunningPipeline.json(pipeline.gateway.post(path, body));
    }

    private static String received(final String id, final Dossier dossier, final String unit, final String field,
                                   final String channel, final boolean eligible, final String at, final String due) {
        return event(id + "-received", "case.received", dossier.maHoSo(), at, ",\"unitId\":\"" + unit
            + "\",\"fieldId\":\"" + field + "\",\"procedureId\":\"" + dossier.procedure() + "\",\"channel\":\""
            + channel + "\",\"onlineEligible\":" + eligible + ",\"dueAt\":\"" + due + "+07:00\"");
    }

    private static String event(final String id, final String type, final String caseId, final String at,
                                final String more) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + at + "+07:00\","
            + "\"caseId\":\"" + caseId + "\"" + more + "}";
    }

    /** Every value on {@code topic} now, as text. */
    private static List<String> topicValues(final String topic) {
        final Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaCluster.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "portal-sync-" + UUID.randomUUID());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            final List<String> values = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(new String(record.value(), StandardCharsets.UTF_8));
                }
            }
            return values;
        }
    }
}
