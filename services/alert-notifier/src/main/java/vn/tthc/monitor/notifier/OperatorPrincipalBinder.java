package vn.tthc.monitor.notifier;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Optional;

/**
 * The operator, for a request with {@code Authorization: Bearer <TTHC_OPERATOR_KEY>}; nobody otherwise,
 * and nobody at all while no key is set. {@code /health} shows its details to the operator only
 * ({@code endpoints.health.details-visible: AUTHENTICATED}); anonymous callers see UP or DOWN.
 */
@Singleton
public class OperatorPrincipalBinder implements TypedRequestArgumentBinder<Principal> {

    private static final String BEARER = "Bearer ";
    private static final Principal OPERATOR = () -> "operator";

    private final byte[] operatorKey;

    public OperatorPrincipalBinder(@Value("${tthc.operator-key:}") final String operatorKey) {
        this.operatorKey = operatorKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Argument<Principal> argumentType() {
        return Argument.of(Principal.class);
    }

    @Override
    public BindingResult<Principal> bind(final ArgumentConversionContext<Principal> context, final HttpRequest<?> source) {
        final Optional<Principal> operator = isOperator(source.getHeaders().get(HttpHeaders.AUTHORIZATION))
            ? Optional.of(OPERATOR) : Optional.empty();
        return () -> operator;
    }

    /** Whether {@code authorization} is the Bearer operator key (the scheme in any case), compared in constant time. */
    boolean isOperator(final String authorization) {
        if (operatorKey.length == 0 || authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(operatorKey, authorization.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8));
    }
}
