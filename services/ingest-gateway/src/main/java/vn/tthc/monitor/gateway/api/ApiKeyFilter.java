package vn.tthc.monitor.gateway.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import vn.tthc.monitor.gateway.auth.ApiKeys;
import vn.tthc.monitor.gateway.auth.RateLimits;

/**
 * Every {@code /api/**} request: the API key (Authorization: Bearer, or X-Api-Key) names the
 * source system (else 401), whose token bucket must hold a token (else 429). The source is
 * passed on to the controllers as the request attribute {@link #SOURCE}.
 */
@ServerFilter("/api/**")
public class ApiKeyFilter {

    public static final String SOURCE = "tthc.gateway.source";
    private static final String BEARER = "bearer ";

    private final ApiKeys keys;
    private final RateLimits rateLimits;

    public ApiKeyFilter(final ApiKeys keys, final RateLimits rateLimits) {
        this.keys = keys;
        this.rateLimits = rateLimits;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(final HttpRequest<?> request) {
        final Optional<String> presented = presentedKey(request);
        if (presented.isEmpty()) {
            return Problems.unauthorized("no API key: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'");
        }
        final Optional<String> source = keys.sourceOf(presented.get());
        if (source.isEmpty()) {
            return Problems.unauthorized("unknown API key");
        }
        final Duration wait = rateLimits.tryTake(source.get());
        if (!wait.isZero()) {
            return Problems.tooManyRequests(wait);
        }
        request.setAttribute(SOURCE, source.get());
        return null;
    }

    private static Optional<String> presentedKey(final HttpRequest<?> request) {
        final String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.length() > BEARER.length()
            && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Optional.of(authorization.substring(BEARER.length()).strip()).filter(k -> !k.isEmpty());
        }
        return Optional.ofNullable(request.getHeaders().get("X-Api-Key")).map(String::strip).filter(k -> !k.isEmpty());
    }
}
