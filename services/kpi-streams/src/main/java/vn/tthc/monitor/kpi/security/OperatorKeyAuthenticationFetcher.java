package vn.tthc.monitor.kpi.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import vn.tthc.monitor.operator.OperatorKey;

/**
 * {@code Authorization: Bearer <TTHC_OPERATOR_KEY>} (libs/operator-key) signs a script or Prometheus in as the
 * {@code operator}, who reads everything; any other bearer value signs in nobody.
 */
@Singleton
@Requires(property = "tthc.security.required", value = "true")
public class OperatorKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private static final String BEARER = "bearer ";
    private final OperatorKey operatorKey;

    public OperatorKeyAuthenticationFetcher(final OperatorKey operatorKey) {
        this.operatorKey = operatorKey;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(final HttpRequest<?> request) {
        final String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.length() > BEARER.length()
            && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)
            && operatorKey.matches(authorization.substring(BEARER.length()).strip())) {
            return Mono.just(Authentication.build("operator", List.of(UserFile.Role.OPERATOR.id())));
        }
        return Mono.empty();
    }
}
