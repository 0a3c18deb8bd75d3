package vn.tthc.monitor.kpi.evaluation;

import static vn.tthc.monitor.kpi.html.HtmlText.escape;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import vn.tthc.monitor.contract.evaluation.EvaluationReport;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.verdict.VerdictReport;
import vn.tthc.monitor.kpi.query.QueryResult;

/**
 * The evaluation report of a unit for a period, as an HTML page or an A4 PDF (docs/EVALUATION.md). Once a verdict
 * on the (unit, period, scope) is archived ({@link VerdictArchive}), the PDF is the archived one of its latest
 * revision, byte for byte, and the HTML says "Chính thức" with the verdict's date; before, it is rendered on request.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Evaluation")
public class EvaluationController {

    private static final MediaType HTML = new MediaType("text/html; charset=utf-8");

    private final EvaluationService evaluations;
    private final VerdictArchive archive;
    private final Clock clock;

    public EvaluationController(final EvaluationService evaluations, final VerdictArchive archive, final Clock clock) {
        this.evaluations = evaluations;
        this.archive = archive;
        this.clock = clock;
    }

    @Get("/units/{unitId}/evaluations/{period}{?scope,format}")
    @Operation(summary = "Báo cáo kết quả thực hiện mục tiêu chất lượng: each KPI of the unit in the period (2026-03,"
        + " 2026-Q1, 2026-H1, 2026) with target, result, volume and verdict, the period before and the year before, the"
        + " period's alerts, provisional or final; HTML, or an A4 PDF with format=pdf; scope own (default) or subtree. Once"
        + " the period has a verdict, the PDF is the archived report of its latest revision (the same bytes every time)")
    @ApiResponse(responseCode = "200", description = "text/html, or application/pdf with format=pdf")
    @ApiResponse(responseCode = "400", description = "Not a period, or scope or format not known")
    @ApiResponse(responseCode = "404", description = "The unit is neither in the organisation file nor has rows")
    @ApiResponse(responseCode = "503", description = "State stores restoring or rebalancing; retry after Retry-After seconds")
    public HttpResponse<?> evaluation(final String unitId, final String period, @Nullable final String scope,
                                      @Nullable final String format) {
        final Period parsed;
        try {
            parsed = Period.parse(period);
        } catch (final IllegalArgumentException e) {
            return page(HttpStatus.BAD_REQUEST, "Kỳ đánh giá không hợp lệ: " + period
                + ". Dùng tháng (2026-03), quý (2026-Q1), 6 tháng (2026-H1, 2026-H2) hoặc năm (2026).");
        }
        final Scope chosen;
        if (scope == null || scope.equals(Scope.OWN.wireName())) {
            chosen = Scope.OWN;
        } else if (scope.equals(Scope.SUBTREE.wireName())) {
            chosen = Scope.SUBTREE;
        } else {
            return page(HttpStatus.BAD_REQUEST, "Tham số scope phải là own (hồ sơ của chính đơn vị) hoặc subtree"
                + " (đơn vị và các đơn vị trực thuộc).");
        }
        final boolean pdf;
        if (format == null || format.equals("html")) {
            pdf = false;
        } else if (format.equals("pdf")) {
            pdf = true;
        } else {
            return page(HttpStatus.BAD_REQUEST, "Tham số format phải là html hoặc pdf.");
        }
        final Optional<VerdictReport> archived = archive.latest(unitId, parsed.toString(), chosen);
        if (archived.isEmpty() && !archive.ready() && !clock.instant().isBefore(parsed.end())) {
            // an ended period may have an archived report not read back yet: never serve it as provisional
            return unavailable("the archive of final reports is still being read");
        }
        if (pdf && archived.isPresent()) {
            return HttpResponse.ok(archived.get().reportPdf())
                .contentType(MediaType.APPLICATION_PDF_TYPE)
                .header("Content-Disposition", "inline; filename=\"danh-gia-" + fileName(unitId) + "-" + parsed
                    + "-chinh-thuc-" + archived.get().verdict().revision() + ".pdf\"");
        }
        final QueryResult<EvaluationReport> result = evaluations.evaluate(unitId, chosen, parsed);
        if (result instanceof QueryResult.Found<EvaluationReport> found) {
            final String html = EvaluationHtml.render(found.value(), archived.map(VerdictReport::verdict).orElse(null));
            if (!pdf) {
                return HttpResponse.ok(html.getBytes(StandardCharsets.UTF_8)).contentType(HTML);
            }
            return HttpResponse.ok(EvaluationPdf.render(html))
                .contentType(MediaType.APPLICATION_PDF_TYPE)
                .header("Content-Disposition", "inline; filename=\"danh-gia-" + fileName(unitId) + "-" + parsed + ".pdf\"");
        }
        if (result instanceof QueryResult.NotFound<EvaluationReport>) {
            return page(HttpStatus.NOT_FOUND, "Không tìm thấy đơn vị " + unitId + " (không có trong danh mục đơn vị và"
                + " chưa có số liệu).");
        }
        return unavailable(result instanceof QueryResult.NotReady<EvaluationReport> notReady ? notReady.reason()
            : ((QueryResult.Overloaded<EvaluationReport>) result).reason());
    }

    /** 503 with {@code Retry-After}, the page naming the part not ready. */
    private static HttpResponse<?> unavailable(final String part) {
        return HttpResponse.<byte[]>status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "2")
            .body(errorPage("Hệ thống đang khởi động hoặc bận, vui lòng thử lại sau ít phút. (Chưa sẵn sàng: " + part
                + ")").getBytes(StandardCharsets.UTF_8))
            .contentType(HTML);
    }

    private static String fileName(final String unitId) {
        return unitId.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static HttpResponse<?> page(final HttpStatus status, final String message) {
        return HttpResponse.<byte[]>status(status).body(errorPage(message).getBytes(StandardCharsets.UTF_8))
            .contentType(HTML);
    }

    private static String errorPage(final String message) {
        return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\" /><title>Báo cáo đánh giá</title></head>"
            + "<body><p>" + escape(message) + "</p></body></html>";
    }
}
