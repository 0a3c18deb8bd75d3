package vn.tthc.monitor.gateway.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.gateway.auth.ApiKeys;
import vn.tthc.monitor.gateway.auth.RateLimits;
import vn.tthc.monitor.gateway.auth.ThrottledLog;

/**
 * Every {@code /api/**} request: the API key (Authorization: Bearer, or X-Api-Key) names the
 * source system (else 401), whose token bucket must hold a token (else 429). The source is
 * passed on to the controllers as the request attribute {@link #SOURCE}. Refusals are counted
 * ({@code tthc_gateway_auth_failures_total{reason}}, {@code tthc_gateway_rate_limited_total{source}})
 * and logged at most once a minute per client address or source, with their count.
 */
@ServerFilter("/api/**")
public class ApiKeyFilter {

    public static final String SOURCE = "tthc.gateway.source";
    private static final String BEARER = "bearer ";

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final ApiKeys keys;
    private final RateLimits rateLimits;
    private final ThrottledLog throttledLog = new ThrottledLog(Duration.ofMinutes(1), System::nanoTime);
    private final Counter missingKey;
    private final Counter unknownKey;
    private final MeterRegistry meters;

    public ApiKeyFilter(final ApiKeys keys, final RateLimits rateLimits, final MeterRegistry meters) {
        this.keys = keys;
        this.rateLimits = rateLimits;
        this.meters = meters;
        this.missingKey = authFailures(meters, "missing-key");
        this.unknownKey = authFailures(meters, "unknown-key");
    }

    private static Counter authFailures(final MeterRegistry meters, final String reason) {
        return Counter.builder("tthc.gateway.auth.failures")
            .description("Requests refused 401, by reason (no key, unknown key)")
            .tag("reason", reason).register(meters);
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(final HttpRequest<?> request) {
        final Optional<String> presented = presentedKey(request);
        if (presented.isEmpty()) {
            refusedLogin(request, missingKey, "missing-key");
            return Problems.unauthorized("no API key: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'");
        }
        final Optional<String> source = keys.sourceOf(presented.get());
        if (source.isEmpty()) {
            refusedLogin(request, unknownKey, "unknown-key");
            return Problems.unauthorized("unknown API key");
        }
        final Duration wait = rateLimits.tryTake(source.get());
        if (!wait.isZero()) {
            rateLimited(source.get());
            return Problems.tooManyRequests(wait);
        }
        request.setAttribute(SOURCE, source.get());
        return null;
    }

    private void refusedLogin(final HttpRequest<?> request, final Counter counter, final String reason) {
        counter.increment();
        final String address = request.getRemoteAddress().getAddress() == null ? "unknown"
            : request.getRemoteAddress().getAddress().getHostAddress();
        throttledLog.occurred("401 " + address).ifPresent(count -> LOG.atWarn().addKeyValue("remoteAddress", address)
            .addKeyValue("reason", reason).addKeyValue("count", count).addKeyValue("path", request.getPath())
            .log("requests refused 401 (count since the last line of this address)"));
    }

    private void rateLimited(final String source) {
        Counter.builder("tthc.gateway.rate.limited").description("Requests refused 429, by source system")
            .tag("source", source).register(meters).increment();
        throttledLog.occurred("429 " + source).ifPresent(count -> LOG.atWarn().addKeyValue("source", source)
            .addKeyValue("count", count).log("requests refused 429 (count since the last line of this source)"));
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
