package vn.tthc.monitor.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.tthc.monitor.endtoend.RunningPipeline.row;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The national portal's status records of several cases, posted to a running gateway (its own JVM) over HTTP, mapped
 * to canonical events and counted by a running kpi-streams on a real broker.
 */
class StatusSyncToKpisIT {

    private static final String UNIT = "UBND-Q1";
    private static final String FIELD = "DAT_DAI";
    private static final String ELIGIBLE_PROCEDURE = "1.004227";
    private static final String OTHER_PROCEDURE = "1.001234";

    private static RunningPipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = new RunningPipeline(Map.of("tthc.gateway.online-eligible-procedures", ELIGIBLE_PROCEDURE));
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    /** One case as the portal record describes it; times are yyyyMMddHHmmss, Vietnam local time. */
    private record PortalCase(String maHoSo, String procedure, String channel, String receivedAt, String dueAt) {

        String record(final int status, final String field, final String time) {
            return "{\"MaHoSo\":\"" + maHoSo + "\",\"MaTTHC\":\"" + procedure + "\",\"MaLinhVuc\":\"" + FIELD + "\","
                + "\"DonViXuLy\":\"" + UNIT + "\",\"NgayTiepNhan\":\"" + receivedAt + "\",\"NgayHenTra\":\"" + dueAt
                + "\",\"TrangThaiHoSo\":" + status + ",\"KenhThucHien\":\"" + channel + "\""
                + (field == null ? "" : ",\"" + field + "\":\"" + time + "\"") + "}";
        }

        String received() {
            return record(2, null, null);
        }

        String resolved(final String at) {
            return record(9, "NgayKetThucXuLy", at);
        }

        String changed(final int status, final String at) {
            return record(status, "NgayCapNhat", at);
        }
    }

    @Test
    void statusRecordsOfSeveralCasesAreCountedAsTheContractSays() throws Exception {
        // H1 online, due 12/03 17:00, resolved 12/03 10:00: same local date, before the due time -> onTime
        final PortalCase h1 = new PortalCase("000.00.16.H29-260302-0001", ELIGIBLE_PROCEDURE, "2",
            "20260302081500", "20260312170000");
        // H2 due 13/03 17:00; supplement requested 05/03 09:00 (5), received 09/03 09:00 (4, same NgayHenTra):
        // the 4-day pause moves the due time to 17/03 17:00; resolved 18/03 10:00 -> late
        final PortalCase h2 = new PortalCase("000.00.16.H29-260303-0002", ELIGIBLE_PROCEDURE, "1",
            "20260303080000", "20260313170000");
        // H3 withdrawn by the citizen 06/03 10:00 (7) -> withdrawn, not in the on-time KPI
        final PortalCase h3 = new PortalCase("000.00.16.H29-260303-0003", OTHER_PROCEDURE, "1",
            "20260303100000", "20260317170000");
        // H5 due 10/03 17:00; paused 05/03 08:00 to 07/03 08:00 (2 days): due 12/03 17:00; resolved 11/03 15:00
        // -> early (it would have been late without the pause)
        final PortalCase h5 = new PortalCase("000.00.16.H29-260304-0005", OTHER_PROCEDURE, "1",
            "20260304080000", "20260310170000");
        // H6 not accepted (3, không được tiếp nhận): no canonical event, no counter
        final PortalCase h6 = new PortalCase("000.00.16.H29-260304-0006", OTHER_PROCEDURE, "1",
            "20260304090000", "20260314170000");

        final JsonNode first = post(List.of(h1.received(), h2.received(), h3.received(), h5.received(),
            h6.changed(3, "20260304093000"), h2.changed(5, "20260305090000"), h5.changed(5, "20260305080000")));
        assertThat(first.get("results").findValuesAsText("outcome"))
            .containsExactly("mapped", "mapped", "mapped", "mapped", "ignored", "mapped", "mapped");
        assertThat(first.get("accepted").intValue()).isEqualTo(6);
        assertThat(first.get("ignored").intValue()).isEqualTo(1);

        final JsonNode second = post(List.of(h5.changed(4, "20260307080000"), h2.changed(4, "20260309090000"),
            h3.changed(7, "20260306100000"), h5.resolved("20260311150000"), h1.resolved("20260312100000"),
            h2.resolved("20260318100000")));
        assertThat(second.get("results").findValuesAsText("outcome")).containsOnly("mapped").hasSize(6);
        assertThat(second.get("results").findValuesAsText("type")).containsExactly("case.supplement_received",
            "case.supplement_received", "case.withdrawn", "case.resolved", "case.resolved", "case.resolved");
        assertThat(second.get("accepted").intValue()).isEqualTo(6);

        // the system re-sends H1's resolution: the gateway knows it sent that event, gives nothing again
        final JsonNode resent = post(List.of(h1.resolved("20260312100000")));
        assertThat(resent.get("results").get(0).get("events")).isEmpty();
        assertThat(resent.get("results").get(0).get("alreadySent").intValue()).isEqualTo(2);
        assertThat(resent.get("accepted").intValue()).isZero();

        // Expected row (*, 2026-03) and (DAT_DAI, 2026-03): received 4 (H1, H2, H3, H5; H6's 3 gives nothing);
        // receivedOnline 1 (H1, KenhThucHien 2); onlineEligible 2 (H1, H2: MaTTHC 1.004227 is configured);
        // onlineEligibleOnline 1 (H1); resolved 3 = early 1 (H5) + onTime 1 (H1) + late 1 (H2); withdrawn 1 (H3).
        await("the unit's March row").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            final JsonNode rows = pipeline.query("/api/v1/units/" + UNIT + "/kpis");
            for (final String field : List.of("*", FIELD)) {
                final JsonNode counters = row(rows, field, "2026-03").get("counters");
                assertThat(counters.get("received").asLong()).as(field + " received").isEqualTo(4);
                assertThat(counters.get("receivedOnline").asLong()).as(field + " receivedOnline").isEqualTo(1);
                assertThat(counters.get("onlineEligible").asLong()).as(field + " onlineEligible").isEqualTo(2);
                assertThat(counters.get("onlineEligibleOnline").asLong()).as(field + " onlineEligibleOnline")
                    .isEqualTo(1);
                assertThat(counters.get("resolved").asLong()).as(field + " resolved").isEqualTo(3);
                assertThat(counters.get("early").asLong()).as(field + " early").isEqualTo(1);
                assertThat(counters.get("onTime").asLong()).as(field + " onTime").isEqualTo(1);
                assertThat(counters.get("late").asLong()).as(field + " late").isEqualTo(1);
                assertThat(counters.get("withdrawn").asLong()).as(field + " withdrawn").isEqualTo(1);
            }
        });

        // H2's view: due 13/03 17:00+07, paused 05/03 09:00 to 09/03 09:00, effective due 17/03 17:00+07, late
        final JsonNode h2View = pipeline.query("/api/v1/cases/" + h2.maHoSo());
        assertThat(h2View.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(h2View.get("dueAt").asText()).isEqualTo("2026-03-13T10:00:00Z");
        assertThat(h2View.get("effectiveDue").asText()).isEqualTo("2026-03-17T10:00:00Z");
        assertThat(h2View.get("pauses")).singleElement().satisfies(pause -> {
            assertThat(pause.get("start").asText()).isEqualTo("2026-03-05T02:00:00Z");
            assertThat(pause.get("end").asText()).isEqualTo("2026-03-09T02:00:00Z");
        });
        assertThat(h2View.get("classification").asText()).isEqualTo("LATE");
        assertThat(pipeline.kpiStreams.get("/api/v1/cases/" + h6.maHoSo()).statusCode()).isEqualTo(404);

        // 6 + 6 events written, all of the key's source; the re-sent record wrote nothing
        await("the intake counts").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            final JsonNode intake = pipeline.query("/api/v1/pipeline");
            assertThat(intake.at("/acceptedBySource/" + GatewayProcess.SOURCE).asLong()).isEqualTo(12);
            assertThat(intake.get("accepted").asLong()).isEqualTo(12);
            assertThat(intake.get("duplicates").asLong()).isZero();
        });
    }

    private static JsonNode post(final List<String> records) throws Exception {
        return RunningPipeline.json(pipeline.gateway.post("api/v1/status-sync", "[" + String.join(",", records) + "]"));
    }
}
