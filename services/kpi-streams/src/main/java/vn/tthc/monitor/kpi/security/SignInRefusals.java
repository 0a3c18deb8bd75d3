package vn.tthc.monitor.kpi.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The answers to a refused request, in Vietnamese as every text a user reads, in the query API's error shape
 * ({@code error} in English, {@code message} in Vietnamese): 401 for an anonymous caller (a browser asking for a
 * page is sent to the login page instead, by Micronaut's unauthorized redirect), 403 for a signed-in one.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
@Requires(property = "tthc.security.required", value = "true")
public class SignInRefusals extends DefaultAuthorizationExceptionHandler {

    static final String FORBIDDEN_MESSAGE = "Bạn không có quyền xem số liệu này: tài khoản chỉ xem được đơn vị"
        + " của mình và các đơn vị trực thuộc.";
    static final String UNAUTHORIZED_MESSAGE = "Cần đăng nhập để xem số liệu này.";

    public SignInRefusals(final ErrorResponseProcessor<?> errorResponseProcessor,
                          final RedirectConfiguration redirectConfiguration,
                          final RedirectService redirectService,
                          @Nullable final PriorToLoginPersistence priorToLoginPersistence) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, priorToLoginPersistence);
    }

    @Override
    protected MutableHttpResponse<?> httpResponseWithStatus(final HttpRequest<?> request, final AuthorizationException e) {
        return e.isForbidden() ? forbidden() : unauthorized();
    }

    static MutableHttpResponse<?> forbidden() {
        return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_TYPE)
            .body(Map.of("error", "forbidden: this account does not see this unit or list", "message", FORBIDDEN_MESSAGE));
    }

    static MutableHttpResponse<?> unauthorized() {
        return HttpResponse.unauthorized().contentType(MediaType.APPLICATION_JSON_TYPE)
            .body(Map.of("error", "unauthorized: sign in or present the operator key", "message", UNAUTHORIZED_MESSAGE));
    }
}
