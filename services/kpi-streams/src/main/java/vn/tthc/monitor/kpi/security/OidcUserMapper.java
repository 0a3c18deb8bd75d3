package vn.tthc.monitor.kpi.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs in a user of the province's OpenID Connect provider (client {@value #PROVIDER}) whose ID token names a user
 * of the user file: the claim {@code tthc.security.oidc.username-claim} ({@code email} by default) is the username,
 * the file gives the role and unit, as for a password sign-in. The provider proves who the user is; the file says
 * what they may see. A user the file does not list is refused (and told so by the login page), whatever the
 * provider says of them.
 */
@Singleton
@Named(OidcUserMapper.PROVIDER)
@Requires(property = "micronaut.security.oauth2.enabled", value = "true")
public class OidcUserMapper implements OpenIdAuthenticationMapper {

    /** The name of the provider's client in the configuration, and in {@code /oauth/login/tinh}. */
    public static final String PROVIDER = "tinh";

    private static final Logger LOG = LoggerFactory.getLogger(OidcUserMapper.class);

    private final SignInUsers users;
    private final String usernameClaim;

    public OidcUserMapper(final SignInUsers users,
                          @Value("${tthc.security.oidc.username-claim:email}") final String usernameClaim) {
        this.users = users;
        this.usernameClaim = usernameClaim;
    }

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(final String providerName,
                                                                          final OpenIdTokenResponse tokenResponse,
                                                                          final OpenIdClaims claims, final State state) {
        final Object claim = claims.get(usernameClaim);
        final String username = claim == null ? "" : claim.toString().strip();
        return Publishers.just(users.user(username).map(SignInUsers::signedIn).orElseGet(() -> {
            LOG.info("Sign-in through {} refused: its user '{}' (claim {}) is not in the user file", providerName,
                username, usernameClaim);
            return AuthenticationResponse.failure(AuthenticationFailureReason.USER_NOT_FOUND);
        }));
    }
}
