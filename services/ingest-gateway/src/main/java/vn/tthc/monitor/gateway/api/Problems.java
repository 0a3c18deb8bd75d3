package vn.tthc.monitor.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Error answers as {@code application/problem+json} (RFC 9457): {@code type}, {@code title},
 * {@code status}, {@code detail}, and extension members where a problem needs them.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:tthc-monitor:problem:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static MutableHttpResponse<byte[]> of(final HttpStatus status, final String type, final String detail) {
        return of(status, type, detail, Map.of());
    }

    public static MutableHttpResponse<byte[]> of(final HttpStatus status, final String type, final String detail,
                                                 final Map<String, Object> extensions) {
        final Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + type);
        problem.put("title", status.getReason());
        problem.put("status", status.getCode());
        problem.put("detail", detail);
        problem.putAll(extensions);
        try {
            return HttpResponse.<byte[]>status(status).contentType(MEDIA_TYPE).body(JSON.writeValueAsBytes(problem));
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem of plain values", e);
        }
    }

    public static MutableHttpResponse<byte[]> unauthorized(final String detail) {
        return of(HttpStatus.UNAUTHORIZED, "unauthorized", detail).header("WWW-Authenticate", "Bearer");
    }

    public static MutableHttpResponse<byte[]> tooManyRequests(final Duration wait) {
        final long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
            "this key sends more requests per second than it is allowed; retry after " + seconds + " s")
            .header("Retry-After", String.valueOf(seconds));
    }

    public static MutableHttpResponse<byte[]> unavailable(final String detail) {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "events-topic-unavailable", detail).header("Retry-After", "5");
    }

    /** The problem type of a status the framework answers by itself (404, 405, 413, 415, ...). */
    static String typeOf(final HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "malformed-body";
            case REQUEST_ENTITY_TOO_LARGE -> "body-too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            default -> "http-" + status.getCode();
        };
    }
}
