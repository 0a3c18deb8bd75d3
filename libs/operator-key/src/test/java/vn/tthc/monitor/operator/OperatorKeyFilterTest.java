package vn.tthc.monitor.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Only the Bearer operator key (the scheme in any case) makes a caller the operator; no Authorization passes on
 * anonymous; any other is refused with 401, and so is every key while none is set.
 */
class OperatorKeyFilterTest {

    private static final String KEY = "s3cret-operator-key";

    private final OperatorKeyFilter filter = new OperatorKeyFilter(new OperatorKey(KEY));

    @Test
    void theOperatorKeyAsBearerInAnyCaseIsTheOperator() {
        for (final String authorization : new String[] {"Bearer " + KEY, "bearer " + KEY, "BEARER  " + KEY + " "}) {
            final MutableHttpRequest<?> request = health(authorization);
            assertThat(filter.authenticate(request)).as(authorization).isNull();
            assertThat(request.getUserPrincipal()).as(authorization).contains(OperatorKeyFilter.OPERATOR);
        }
    }

    @Test
    void noAuthorizationIsAnonymousAndPassesOn() {
        final MutableHttpRequest<?> request = HttpRequest.GET("/health");
        assertThat(filter.authenticate(request)).isNull();
        assertThat(request.getUserPrincipal()).isEmpty();
    }

    @Test
    void anyOtherAuthorizationIsRefusedWith401() {
        for (final String authorization : new String[] {"Bearer s3cret-operator-ke", "Bearer ", "Bearer",
            "Basic " + KEY, KEY}) {
            assertRefused(filter, authorization);
        }
    }

    @Test
    void withoutAKeyNobodyIsTheOperator() {
        final OperatorKeyFilter unset = new OperatorKeyFilter(new OperatorKey(" "));
        for (final String authorization : new String[] {"Bearer ", "Bearer  ", "Bearer " + KEY}) {
            assertRefused(unset, authorization);
        }
    }

    private static void assertRefused(final OperatorKeyFilter filter, final String authorization) {
        final MutableHttpRequest<?> request = health(authorization);
        final HttpResponse<?> response = filter.authenticate(request);
        assertThat(response).as(authorization).isNotNull();
        assertThat(response.code()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(response.getHeaders().findFirst("WWW-Authenticate")).contains("Bearer");
        assertThat(response.getContentType()).hasValueSatisfying(
            type -> assertThat(type.toString()).isEqualTo("application/problem+json"));
        assertThat(new String((byte[]) response.body(), StandardCharsets.UTF_8))
            .contains("\"status\":401", "\"detail\":\"unknown operator key\"");
        assertThat(request.getUserPrincipal()).as(authorization).isEmpty();
    }

    private static MutableHttpRequest<?> health(final String authorization) {
        return HttpRequest.GET("/health").header("Authorization", authorization);
    }
}
