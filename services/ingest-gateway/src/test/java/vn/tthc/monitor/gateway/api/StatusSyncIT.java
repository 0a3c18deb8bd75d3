package vn.tthc.monitor.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.ParseResult;
import vn.tthc.monitor.gateway.RunningGateway;

/** National status records through the running gateway: canonical events on the topic, re-sends as duplicates. */
class StatusSyncIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String record(final int status, final String capNhat, final String ketThuc) {
        return "{\"MaHoSo\":\"000.00.16.H29-260302-0007\",\"MaTTHC\":\"1.004227\",\"MaLinhVuc\":\"DAT_DAI\","
            + "\"DonViXuLy\":\"UBND-Q1\",\"NgayTiepNhan\":\"20260302081500\",\"NgayHenTra\":\"20260312170000\","
            + "\"TrangThaiHoSo\":" + status + ",\"KenhThucHien\":\"1\""
            + (capNhat == null ? "" : ",\"NgayCapNhat\":\"" + capNhat + "\"")
            + (ketThuc == null ? "" : ",\"NgayKetThucXuLy\":\"" + ketThuc + "\"") + "}";
    }

    @Test
    void a_case_s_status_records_become_its_canonical_events_and_a_re_sent_record_is_a_duplicate() throws IOException {
        try (RunningGateway gateway = new RunningGateway()) {
            final String first = "[" + record(2, null, null) + "," + record(4, "20260302100000", null) + ","
                + record(5, "20260304090000", null) + "]";
            final JsonNode answer = JSON.readTree(gateway.post("/api/v1/status-sync", "application/json", first).body());
            assertThat(answer.get("results").findValuesAsText("outcome")).containsExactly("mapped", "ignored", "mapped");
            assertThat(answer.get("accepted").intValue()).isEqualTo(2);
            assertThat(answer.get("ignored").intValue()).isEqualTo(1);

            final JsonNode second = JSON.readTree(gateway.post("/api/v1/status-sync", "application/json",
                "[" + record(4, "20260306140000", null) + "," + record(9, null, "20260311160000") + ","
                    + record(9, null, "20260311160000") + "," + record(12, "20260311160000", null) + "]").body());
            assertThat(second.get("results").findValuesAsText("outcome"))
                .containsExactly("mapped", "mapped", "mapped", "rejected");
            assertThat(second.get("results").get(2).get("events").get(0).get("status").textValue())
                .isEqualTo("duplicate");
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
}
