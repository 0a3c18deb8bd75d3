package vn.tthc.monitor.kpi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.evaluation.EvaluationPeriods;
import vn.tthc.monitor.contract.evaluation.Objective;
import vn.tthc.monitor.contract.evaluation.VietnameseFormat;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.kpi.TargetsFile;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.contract.org.OrganisationFile;
import vn.tthc.monitor.contract.testing.ExampleFiles;
import vn.tthc.monitor.contract.testing.InMemoryKpis;
import vn.tthc.monitor.contract.testing.ReportComparison;
import vn.tthc.monitor.kpi.testing.RunningService;

/**
 * The evaluation report and the public figures of a running kpi-streams on a real broker: the basic example with a
 * generated stream over two years (the ward's cases in 2025-Q1, 2025-Q4 and 2026-Q1) and cases of this month and
 * the last, replayed; the HTML and the PDF (read back with PDFBox) hold exactly the rates, volumes and verdicts of
 * {@code /api/v1/report}, with the period-before and year-before columns; the public figures hold no case id, are
 * cacheable, and are rate-limited.
 */
class EvaluationReportIT {

    private static final String WARD = "UBND-P-VTS";
    private static final int PUBLIC_CAPACITY = 3;

    private static RunningService service;
    private static List<String> lines;
    private static List<String> caseIds;

    @BeforeAll
    static void replay() throws IOException {
        final Instant now = Instant.now();
        final List<String> generated = new ArrayList<>();
        caseIds = new ArrayList<>();
        // 2025-Q1: 3 cases, all on time (100,00%); 2025-Q4: 2 cases, one late (50,00%)
        for (int i = 1; i <= 3; i++) {
            addCase(generated, "Y1-" + i, vn(2025, 2, 10, 8), vn(2025, 2, 14, 17), vn(2025, 2, 12, 9), null);
        }
        addCase(generated, "Q4-1", vn(2025, 11, 3, 8), vn(2025, 11, 10, 17), vn(2025, 11, 5, 9), null);
        addCase(generated, "Q4-2", vn(2025, 11, 3, 8), vn(2025, 11, 5, 17), vn(2025, 11, 7, 9), null);
        // this month (between its start and now) and the month before: resolved, rated
        final LocalDate today = VietnamTime.localDate(now);
        final Instant monthStart = today.withDayOfMonth(1).atStartOfDay(VietnamTime.ZONE).toInstant();
        final Instant inMonth = monthStart.plus(Duration.between(monthStart, now).dividedBy(2));
        final Instant lastMonth = monthStart.minus(Duration.ofDays(10));
        addCase(generated, "PUB-NOW-1", inMonth, inMonth.plus(Duration.ofDays(3)), inMonth.plusSeconds(1), "SATISFIED");
        addCase(generated, "PUB-LAST-1", lastMonth, lastMonth.plus(Duration.ofDays(3)), lastMonth.plusSeconds(60), "SATISFIED");
        addCase(generated, "PUB-LAST-2", lastMonth, lastMonth.plusSeconds(60), lastMonth.plus(Duration.ofDays(1)), "DISSATISFIED");
        lines = new ArrayList<>(ExampleFiles.lines("basic.events.jsonl"));
        lines.addAll(generated);
        service = new RunningService(Map.of(
            "tthc.targets.file", ExampleFiles.example("basic.targets.yaml").toString(),
            "tthc.units.file", ExampleFiles.example("basic.units.yaml").toString(),
            "tthc.public.rate-limit.capacity", PUBLIC_CAPACITY,
            "tthc.public.rate-limit.per-second", 0.01));
        service.send(lines);
        final Targets targets = TargetsFile.read(ExampleFiles.example("basic.targets.yaml"));
        final JsonNode expected = ContractJson.mapper().valueToTree(InMemoryKpis.report(lines, targets,
            OrganisationFile.read(ExampleFiles.example("basic.units.yaml"))));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
            assertThat(ReportComparison.differences(json(service.get("/api/v1/report")), expected)).isEmpty());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theQuarterEvaluationHoldsTheReportsRatesVolumesAndVerdictsInHtmlAndPdf() throws Exception {
        final List<String> expected = expectedLines(WARD, "own", Period.parse("2026-Q1"));
        assertThat(expected).as("the ward has objectives with cases in 2026-Q1").hasSizeGreaterThan(4);

        // final as the query API labels the rows: once a check of the verdict stage (every tthc.verdicts.check-interval) made them so
        await().atMost(Duration.ofSeconds(150)).untilAsserted(() -> assertThat(
            service.get("/api/v1/units/" + WARD + "/evaluations/2026-Q1").body()).contains("Chính thức"));
        final HttpResponse<String> html = service.get("/api/v1/units/" + WARD + "/evaluations/2026-Q1");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        final List<String> htmlRows = Arrays.stream(html.body().split("<tr>")).skip(1)
            .map(row -> row.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim()).toList();
        assertThat(html.body()).contains("UBND phường Võ Thị Sáu", "Quý 1 năm 2026", "Chính thức",
            "Hành động khắc phục", "Không có hành động khắc phục nào được ghi nhận");

        final byte[] pdfBytes = bytes("/api/v1/units/" + WARD + "/evaluations/2026-Q1?format=pdf");
        final String pdfText;
        try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).as("A4 landscape, in points").isCloseTo(842f,
                org.assertj.core.data.Offset.offset(1f));
            final List<PDFont> fonts = new ArrayList<>();
            for (final org.apache.pdfbox.cos.COSName name : pdf.getPage(0).getResources().getFontNames()) {
                fonts.add(pdf.getPage(0).getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            });
            final PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            pdfText = stripper.getText(pdf);
        }
        final List<String> pdfLines = pdfText.lines().map(line -> line.replaceAll("\\s+", " ").trim()).toList();
        assertThat(pdfText).contains("UBND phường Võ Thị Sáu", "Quý 1 năm 2026", "Thời điểm lập báo cáo");

        for (final String line : expected) {
            assertThat(htmlRows).as("HTML row").anySatisfy(row -> assertThat(row).startsWith(line));
            assertThat(pdfLines).as("PDF line").anySatisfy(row -> assertThat(row).startsWith(line));
        }
        // the comparison columns of the ward's all-fields on-time rate: 2025-Q4 one late of 2, 2025-Q1 none late of 3
        final String onTime = "Tất cả lĩnh vực " + Objective.kpiName(Kpi.ON_TIME_RATE) + " ";
        assertThat(htmlRows).anySatisfy(row -> assertThat(row).startsWith(onTime)
            .endsWith("50,00% (2) Không đạt 100,00% (3) Đạt"));
        assertThat(pdfLines).anySatisfy(row -> assertThat(row).startsWith(onTime).endsWith("50,00% (2) 100,00% (3)"));

        // the period's breaches, one line each, with the dates they were raised
        final JsonNode alerts = json(service.get("/api/v1/alerts?includeStale=true"));
        final List<JsonNode> ofPeriod = new ArrayList<>();
        alerts.forEach(alert -> {
            if (alert.get("unitId").asText().equals(WARD) && alert.get("period").asText().equals("2026-Q1")
                && alert.path("scope").asText("own").equals("own")) {
                ofPeriod.add(alert);
            }
        });
        assertThat(ofPeriod).isNotEmpty();
        for (final JsonNode alert : ofPeriod) {
            final String raised = VietnameseFormat.dateTime(Instant.parse(alert.get("raisedAt").asText()));
            assertThat(htmlRows).anySatisfy(row -> assertThat(row).startsWith("Vi phạm chỉ tiêu").contains(raised)
                .contains(Objective.kpiName(Kpi.fromId(alert.get("kpi").asText()))));
        }
        assertThat(htmlRows.stream().filter(row -> row.startsWith("Vi phạm chỉ tiêu") || row.startsWith("Cảnh báo")))
            .hasSize(ofPeriod.size());
    }

    @Test
    void aSubtreeEvaluationAndTheCurrentQuarterIsProvisional() {
        final Period quarter = Period.containing(Instant.now()).get(1);
        final HttpResponse<String> subtree = service.get("/api/v1/units/UBND-TP/evaluations/" + quarter + "?scope=subtree");
        assertThat(subtree.statusCode()).isEqualTo(200);
        assertThat(subtree.body()).contains("UBND thành phố", "đơn vị và các đơn vị trực thuộc", "Tạm tính",
            EvaluationPeriods.name(quarter));
        for (final String line : expectedLines("UBND-TP", "subtree", Period.parse("2026-Q1"))) {
            assertThat(service.get("/api/v1/units/UBND-TP/evaluations/2026-Q1?scope=subtree").body()
                .replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ")).contains(line);
        }
        assertThat(service.get("/api/v1/units/" + WARD + "/evaluations/2026-Q5").statusCode()).isEqualTo(400);
        assertThat(service.get("/api/v1/units/" + WARD + "/evaluations/2026-Q1?format=doc").statusCode()).isEqualTo(400);
        assertThat(service.get("/api/v1/units/NO-SUCH-UNIT/evaluations/2026-Q1").statusCode()).isEqualTo(404);
    }

    @Test
    void thePublicFiguresAreAggregatesCacheableAndRateLimited() throws Exception {
        final HttpResponse<String> figures = service.get("/api/v1/public/units/" + WARD + "/satisfaction", null);
        assertThat(figures.statusCode()).isEqualTo(200);
        assertThat(figures.headers().firstValue("Cache-Control")).contains("public, max-age=60");
        final JsonNode body = ContractJson.mapper().readTree(figures.body());
        assertThat(body.get("unitName").asText()).isEqualTo("UBND phường Võ Thị Sáu");
        final JsonNode rows = json(service.get("/api/v1/units/" + WARD + "/kpis"));
        for (final JsonNode period : body.get("periods")) {
            final KpiCounters counters = counters(rows, WARD, "*", period.get("period").asText());
            assertRate(period.get("satisfaction"), Kpi.SATISFACTION_RATE, counters);
            assertRate(period.get("onTime"), Kpi.ON_TIME_RATE, counters);
        }
        assertThat(body.get("periods").get(0).get("satisfaction").get("text").asText()).isEqualTo("100,00%");
        assertThat(body.get("periods").get(1).get("satisfaction").get("text").asText()).isEqualTo("50,00%");

        final HttpResponse<String> fragment = service.get("/api/v1/public/units/" + WARD + "/satisfaction.html", null);
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.headers().firstValue("Cache-Control")).contains("public, max-age=60");
        assertThat(fragment.body()).contains("UBND phường Võ Thị Sáu", "100,00%", "50,00%")
            .doesNotContainIgnoringCase("<script");
        for (final String caseId : caseIds) {
            assertThat(figures.body()).doesNotContain(caseId);
            assertThat(fragment.body()).doesNotContain(caseId);
        }
        assertThat(figures.body()).doesNotContain("C1", "motcua-hcm", "1.004227");

        // the third request of this address empties its bucket; the fourth is refused
        assertThat(service.get("/api/v1/public/units/" + WARD + "/satisfaction", null).statusCode()).isEqualTo(200);
        final HttpResponse<String> refused = service.get("/api/v1/public/units/" + WARD + "/satisfaction", null);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(seconds ->
            assertThat(seconds).isBetween(1L, 100L));
        assertThat(service.get("/api/v1/units/" + WARD + "/evaluations/2026-Q1").statusCode())
            .as("the other endpoints are not limited").isEqualTo(200);
    }

    private static void assertRate(final JsonNode rate, final Kpi kpi, final KpiCounters counters) {
        if (kpi.volume(counters) == 0) {
            assertThat(rate.isNull()).isTrue();
            return;
        }
        assertThat(rate.get("good").asLong()).isEqualTo(kpi.numerator(counters));
        assertThat(rate.get("volume").asLong()).isEqualTo(kpi.volume(counters));
        assertThat(rate.get("text").asText()).isEqualTo(VietnameseFormat.percent(kpi.numerator(counters), kpi.volume(counters)));
    }

    /**
     * The start of the objective lines the evaluation must hold for {@code unit}, {@code scope} and {@code period},
     * from {@code /api/v1/report}: "field kpi target rate good/volume verdict", the verdict "Không đạt" exactly for
     * the report's breaches (every row of the basic targets has minVolume 1).
     */
    private static List<String> expectedLines(final String unit, final String scope, final Period period) {
        final JsonNode report = json(service.get("/api/v1/report"));
        final Targets targets = readTargets();
        final List<String> expected = new ArrayList<>();
        for (final JsonNode row : report.get("kpis")) {
            if (!row.get("unitId").asText().equals(unit) || !row.get("scope").asText().equals(scope)
                || !row.get("period").asText().equals(period.toString())) {
                continue;
            }
            final com.fasterxml.jackson.databind.node.ObjectNode copy = row.deepCopy();
            copy.remove(List.of("unitId", "fieldId", "period", "scope"));
            final KpiCounters counters = ContractJson.mapper().convertValue(copy, KpiCounters.class);
            final String field = row.get("fieldId").asText();
            for (final Kpi kpi : Kpi.values()) {
                final long volume = kpi.volume(counters);
                if (volume == 0) {
                    continue;
                }
                boolean breached = false;
                for (final JsonNode breach : report.get("breaches")) {
                    breached |= breach.get("unitId").asText().equals(unit) && breach.get("fieldId").asText().equals(field)
                        && breach.get("period").asText().equals(period.toString()) && breach.get("kpi").asText().equals(kpi.id())
                        && breach.get("scope").asText().equals(scope);
                }
                final BigDecimal target = targets.target(kpi, new vn.tthc.monitor.contract.kpi.KpiRowKey(unit, field,
                    period.toString()));
                expected.add(("*".equals(field) ? "Tất cả lĩnh vực" : field) + " " + Objective.kpiName(kpi) + " "
                    + VietnameseFormat.percent(target) + " " + VietnameseFormat.percent(kpi.numerator(counters), volume) + " "
                    + kpi.numerator(counters) + "/" + volume + " " + (breached ? "Không đạt" : "Đạt"));
            }
        }
        return expected;
    }

    private static Targets readTargets() {
        try {
            return TargetsFile.read(ExampleFiles.example("basic.targets.yaml"));
        } catch (final Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KpiCounters counters(final JsonNode rows, final String unit, final String field, final String period) {
        for (final JsonNode row : rows) {
            if (row.get("unitId").asText().equals(unit) && row.get("fieldId").asText().equals(field)
                && row.get("period").asText().equals(period)) {
                return ContractJson.mapper().convertValue(row.get("counters"), KpiCounters.class);
            }
        }
        return KpiCounters.ZERO;
    }

    private static void addCase(final List<String> lines, final String caseId, final Instant received, final Instant due,
                                final Instant resolved, final String rating) {
        caseIds.add(caseId);
        lines.add("{\"eventId\":\"" + caseId + "-r\",\"type\":\"case.received\",\"occurredAt\":\"" + text(received)
            + "\",\"caseId\":\"" + caseId + "\",\"fieldId\":\"HO_TICH\",\"channel\":\"COUNTER\",\"onlineEligible\":false,"
            + "\"dueAt\":\"" + text(due) + "\",\"unitId\":\"" + WARD + "\",\"procedureId\":\"1.004227\",\"source\":\"it\"}");
        lines.add("{\"eventId\":\"" + caseId + "-d\",\"type\":\"case.resolved\",\"occurredAt\":\"" + text(resolved)
            + "\",\"caseId\":\"" + caseId + "\",\"result\":\"APPROVED\"}");
        if (rating != null) {
            lines.add("{\"eventId\":\"" + caseId + "-s\",\"type\":\"survey.submitted\",\"occurredAt\":\""
                + text(resolved.plusSeconds(1)) + "\",\"unitId\":\"" + WARD + "\",\"fieldId\":\"HO_TICH\",\"caseId\":\"" + caseId
                + "\",\"rating\":\"" + rating + "\"}");
        }
    }

    private static final java.time.format.DateTimeFormatter TIME =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(VietnamTime.ZONE);

    private static String text(final Instant instant) {
        return TIME.format(instant);
    }

    private static Instant vn(final int year, final int month, final int day, final int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, VietnamTime.ZONE).toInstant();
    }

    private static byte[] bytes(final String path) throws Exception {
        final HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(service.context().getBean(io.micronaut.runtime.server.EmbeddedServer.class).getURL() + path)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
        return response.body();
    }

    private static JsonNode json(final HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return ContractJson.mapper().readTree(response.body());
        } catch (final IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
