package vn.tthc.monitor.kpi.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What the login page offers besides the password form: the province's OpenID Connect provider, when configured. */
@Controller("/login/options")
@Tag(name = "Sign-in")
public class LoginOptionsController {

    /** The provider's button: its label ("Đăng nhập bằng …") and where it leads. */
    public record Provider(String label, String url) { }

    /** {@code provider} is null without OpenID Connect. */
    public record Options(@Nullable Provider provider) { }

    private final Options options;

    public LoginOptionsController(final SignInSettings settings) {
        this.options = new Options(settings.oidcLabel()
            .map(label -> new Provider(label, "/oauth/login/" + OidcUserMapper.PROVIDER)).orElse(null));
    }

    @Get
    @Operation(summary = "The login page's options: the OpenID Connect provider's button, if any (anonymous)")
    public Options options() {
        return options;
    }
}
