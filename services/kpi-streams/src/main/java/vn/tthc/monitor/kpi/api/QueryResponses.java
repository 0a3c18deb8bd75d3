package vn.tthc.monitor.kpi.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.util.Map;
import vn.tthc.monitor.kpi.query.QueryResult;

/** Maps query answers to HTTP: found 200, not found 404, not ready 503 with {@code Retry-After}. */
final class QueryResponses {

    private QueryResponses() {
    }

    static <T> HttpResponse<?> toHttp(final QueryResult<T> result) {
        if (result instanceof QueryResult.Found<T> found) {
            return HttpResponse.ok(found.value());
        }
        if (result instanceof QueryResult.NotFound<T> notFound) {
            return HttpResponse.notFound(Map.of("error", "not found: " + notFound.what()));
        }
        final QueryResult.NotReady<T> notReady = (QueryResult.NotReady<T>) result;
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header("Retry-After", "2")
            .body(Map.of("error", "state stores not ready, retry shortly: " + notReady.reason()));
    }
}
