package vn.tthc.monitor.kpi.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.Map;
import vn.tthc.monitor.kpi.query.QueryResult;

/**
 * Maps query answers to HTTP: found 200 (with {@code X-Truncated: true} when a list was cut at its
 * maximum), not found 404, not ready and overloaded 503 with {@code Retry-After}.
 */
public final class QueryResponses {

    static final String TRUNCATED_HEADER = "X-Truncated";

    private QueryResponses() {
    }

    public static <T> HttpResponse<?> toHttp(final QueryResult<T> result) {
        if (result instanceof QueryResult.Found<T> found) {
            final MutableHttpResponse<T> ok = HttpResponse.ok(found.value());
            return found.truncated() ? ok.header(TRUNCATED_HEADER, "true") : ok;
        }
        if (result instanceof QueryResult.NotFound<T> notFound) {
            return HttpResponse.notFound(Map.of("error", "not found: " + notFound.what()));
        }
        if (result instanceof QueryResult.Overloaded<T> overloaded) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "2")
                .body(Map.of("error", "query not answered, retry shortly: " + overloaded.reason(),
                    "message", "Truy vấn chưa được trả lời kịp (hệ thống đang bận), vui lòng thử lại sau ít phút."));
        }
        final QueryResult.NotReady<T> notReady = (QueryResult.NotReady<T>) result;
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header("Retry-After", "2")
            .body(Map.of("error", "state stores not ready, retry shortly: " + notReady.reason(),
                "message", "Dữ liệu chưa sẵn sàng (đang khôi phục hoặc đang chia lại giữa các phiên bản dịch vụ), vui lòng"
                    + " thử lại sau vài giây."));
    }
}
