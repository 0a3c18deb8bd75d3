package vn.tthc.monitor.operator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Locale;

/**
 * {@code /health}: a request with {@code Authorization: Bearer <TTHC_OPERATOR_KEY>} becomes the
 * principal {@code operator}, to whom Micronaut's health endpoint shows its details
 * ({@code endpoints.health.details-visible: AUTHENTICATED}); anonymous callers get UP or DOWN only,
 * a wrong key gets 401 as {@code application/problem+json}. With no operator key configured nobody sees the details.
 */
@ServerFilter({"/health", "/health/**"})
public class OperatorKeyFilter {

    /** The principal an operator's request carries. */
    public static final Principal OPERATOR = () -> "operator";
    /** The answer to a wrong key: an RFC 9457 problem, as the gateway writes its others. */
    static final String UNAUTHORIZED = "{\"type\":\"urn:tthc-monitor:problem:unauthorized\",\"title\":\"Unauthorized\","
        + "\"status\":401,\"detail\":\"unknown operator key\"}";
    private static final String BEARER = "bearer ";

    private final OperatorKey operatorKey;

    public OperatorKeyFilter(final OperatorKey operatorKey) {
        this.operatorKey = operatorKey;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(final HttpRequest<?> request) {
        final String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return null;
        }
        final boolean bearer = authorization.length() > BEARER.length()
            && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER);
        if (!bearer || !operatorKey.matches(authorization.substring(BEARER.length()).strip())) {
            return HttpResponse.unauthorized().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .contentType("application/problem+json").body(UNAUTHORIZED.getBytes(StandardCharsets.UTF_8));
        }
        request.setAttribute(HttpAttributes.PRINCIPAL, OPERATOR);
        return null;
    }
}
