package vn.tthc.monitor.kpi.evaluation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.tthc.monitor.contract.evaluation.Verdict;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;

/**
 * The verdicts (kết luận) and their corrections that the archive holds, each with its counts and the address of its
 * archived PDF. A head or quality officer sees its unit and subtree only (UnitListFilter cuts the list by
 * {@code unitId} when sign-in is required).
 */
@Controller("/api/v1")
@Tag(name = "Evaluation")
public class VerdictController {

    private final VerdictArchive archive;

    public VerdictController(final VerdictArchive archive) {
        this.archive = archive;
    }

    /**
     * One verdict or correction.
     *
     * @param revision  0 for the verdict, 1, 2, … for its corrections
     * @param counts    how many objectives have each verdict ({@code MET}, {@code NOT_MET}, {@code LOW_VOLUME},
     *                  {@code NO_DATA})
     * @param latest    whether it is the latest revision (the one whose PDF {@code reportPath} serves)
     * @param reportPath the evaluation's PDF, the archived report of the latest revision
     */
    public record VerdictView(String unitId, String period, String scope, int revision, Instant finalAt,
                              PeriodVerdict.FinalReason finalReason, Map<Verdict, Integer> counts,
                              long correctedAfterFinal, Instant lastCorrectedAt, Instant producedAt, Instant archivedAt,
                              int reportBytes, boolean latest, String reportPath) {
    }

    @Get("/verdicts{?unit,period}")
    @Operation(summary = "Kết luận: the verdicts on ended periods (revision 0) and their corrections (revision 1, 2, …)"
        + " whose evaluation report is archived, of a unit and a period when given; newest period first")
    @ApiResponse(responseCode = "200", description = "The verdicts, each with its counts and the address of its PDF")
    @ApiResponse(responseCode = "503", description = "The archive is still being read at start; retry after Retry-After seconds")
    public HttpResponse<?> verdicts(@Nullable @QueryValue final String unit, @Nullable @QueryValue final String period) {
        if (!archive.ready()) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "2")
                .body(Map.of("message", "Đang đọc kho báo cáo đã lưu, vui lòng thử lại sau ít giây."));
        }
        final List<VerdictArchive.ArchivedVerdict> found = archive.verdicts(blankToNull(unit), blankToNull(period));
        return HttpResponse.ok(found.stream().map(this::view).toList());
    }

    private VerdictView view(final VerdictArchive.ArchivedVerdict archived) {
        final PeriodVerdict verdict = archived.verdict();
        final Map<Verdict, Integer> counts = new java.util.EnumMap<>(Verdict.class);
        for (final Verdict kind : Verdict.values()) {
            counts.put(kind, verdict.objectives(kind).size());
        }
        final boolean latest = archive.latest(verdict.unitId(), verdict.period(), verdict.scope())
            .map(report -> report.verdict().revision() == verdict.revision()).orElse(false);
        return new VerdictView(verdict.unitId(), verdict.period(), verdict.scope().wireName(), verdict.revision(),
            verdict.finalAt(), verdict.finalReason(), counts, verdict.correctedAfterFinal(), verdict.lastCorrectedAt(),
            verdict.producedAt(), archived.archivedAt(), archived.reportBytes(), latest,
            "/api/v1/units/" + URLEncoder.encode(verdict.unitId(), StandardCharsets.UTF_8).replace("+", "%20")
                + "/evaluations/" + verdict.period() + "?format=pdf&scope=" + verdict.scope().wireName());
    }

    private static String blankToNull(final String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
