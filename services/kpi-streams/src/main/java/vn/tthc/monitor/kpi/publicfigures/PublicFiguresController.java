package vn.tthc.monitor.kpi.publicfigures;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.tthc.monitor.contract.evaluation.PublicFigures;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationUnit;
import vn.tthc.monitor.contract.report.KpiRowStatus;
import vn.tthc.monitor.kpi.query.QueryResult;
import vn.tthc.monitor.kpi.query.instances.ClusterQueries;

/**
 * The public satisfaction figures of a unit (docs/EVALUATION.md): JSON and an embeddable HTML fragment, aggregates
 * only, cacheable for a minute, with a token bucket per client address ({@code tthc.public.rate-limit.*}; 429 with
 * Retry-After when empty). A unit with units under it publishes its subtree figures, any other unit its own.
 */
@Controller("/api/v1/public")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Public figures")
public class PublicFiguresController {

    static final String CACHE_CONTROL = "public, max-age=60";
    private static final MediaType HTML = new MediaType("text/html; charset=utf-8");

    private final ClusterQueries queries;
    private final Organisation organisation;
    private final Clock clock;
    private final TokenBuckets buckets;

    public PublicFiguresController(final ClusterQueries queries, final Organisation organisation, final Clock clock,
                                   @Value("${tthc.public.rate-limit.capacity:30}") final int capacity,
                                   @Value("${tthc.public.rate-limit.per-second:1}") final double perSecond) {
        this.queries = queries;
        this.organisation = organisation;
        this.clock = clock;
        this.buckets = new TokenBuckets(capacity, perSecond, 100_000, System::nanoTime);
    }

    @Get("/units/{unitId}/satisfaction")
    @Operation(summary = "Public: a unit's satisfaction and on-time rates for the current and last month and quarter"
        + " (aggregates only, no case); Cache-Control public, max-age=60; rate-limited per client address")
    @ApiResponse(responseCode = "200", description = "The figures as JSON")
    @ApiResponse(responseCode = "404", description = "The unit is neither listed nor has figures")
    @ApiResponse(responseCode = "429", description = "Too many requests from this address; retry after Retry-After seconds")
    public HttpResponse<?> satisfaction(final HttpRequest<?> request, final String unitId) {
        return answer(request, unitId, figures -> HttpResponse.ok(figures).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    @Get("/units/{unitId}/satisfaction.html")
    @Operation(summary = "Public: the same figures as an HTML fragment to embed in a unit's website (inline style, no script)")
    @ApiResponse(responseCode = "200", description = "text/html fragment")
    @ApiResponse(responseCode = "429", description = "Too many requests from this address")
    public HttpResponse<?> satisfactionHtml(final HttpRequest<?> request, final String unitId) {
        return answer(request, unitId, figures -> HttpResponse.ok(
            PublicFiguresHtml.render(figures).getBytes(StandardCharsets.UTF_8)).contentType(HTML));
    }

    private HttpResponse<?> answer(final HttpRequest<?> request, final String unitId,
                                   final Function<PublicFigures, MutableHttpResponse<?>> ok) {
        final Optional<Duration> wait = buckets.take(request.getRemoteAddress().getAddress().getHostAddress());
        if (wait.isPresent()) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(Math.max(1, (wait.get().toMillis() + 999) / 1000)))
                .body(Map.of("error", "too many requests", "message", "Quá nhiều yêu cầu, vui lòng thử lại sau."));
        }
        final Optional<OrganisationUnit> unit = organisation.unit(unitId);
        final Scope scope = organisation.hasChildren(unitId) ? Scope.SUBTREE : Scope.OWN;
        final QueryResult<List<KpiRowStatus>> rows = queries.unitRows(unitId, scope);
        final Map<KpiRowKey, KpiCounters> counters = new HashMap<>();
        if (rows instanceof QueryResult.Found<List<KpiRowStatus>> found) {
            found.value().forEach(row -> counters.put(row.key(), row.counters()));
        } else if (rows instanceof QueryResult.NotFound<List<KpiRowStatus>> && unit.isEmpty()) {
            return HttpResponse.notFound(Map.of("error", "not found: unit " + unitId,
                "message", "Không tìm thấy đơn vị."));
        } else if (!(rows instanceof QueryResult.NotFound<List<KpiRowStatus>>)) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "2")
                .body(Map.of("error", "not ready", "message", "Hệ thống đang bận, vui lòng thử lại sau."));
        }
        final PublicFigures figures = PublicFigures.of(unitId, unit.map(OrganisationUnit::name).orElse(unitId), scope,
            counters, clock.instant());
        return ok.apply(figures).header("Cache-Control", CACHE_CONTROL);
    }
}
