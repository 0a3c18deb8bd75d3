package vn.tthc.monitor.kpi.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Who the console's caller is: it shows the user and a sign-out link when sign-in is required. */
@Controller("/api/v1/me")
@Tag(name = "Sign-in")
public class SignedInController {

    /** The caller: {@code signInRequired}, and when signed in {@code username}, {@code role} and {@code unit}. */
    public record Caller(boolean signInRequired, @Nullable String username, @Nullable String role, @Nullable String unit) { }

    private final SignInSettings settings;

    public SignedInController(final SignInSettings settings) {
        this.settings = settings;
    }

    @Get
    @Operation(summary = "The signed-in caller (username, role, unit), or only whether sign-in is required")
    public Caller me(final HttpRequest<?> request) {
        final Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
        if (authentication == null) {
            return new Caller(settings.required(), null, null, null);
        }
        final Object unit = authentication.getAttributes().get(UnitAccess.UNIT_ATTRIBUTE);
        return new Caller(settings.required(), authentication.getName(),
            authentication.getRoles().stream().findFirst().orElse(null), unit == null ? null : unit.toString());
    }
}
