package vn.tthc.monitor.kpi.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The form login ({@code POST /login}) against the user file: a known user whose password matches its bcrypt hash
 * is signed in with its role and, for heads and quality officers, its unit ({@link UnitAccess#UNIT_ATTRIBUTE}).
 * An unknown user still costs a bcrypt comparison, so that timing does not tell which usernames exist. Too many
 * failures lock the username (or the client address) for a while without any comparison ({@link SignInThrottle});
 * refusals are counted in {@code tthc_sign_in_refused_total{reason="credentials"|"throttled"}}.
 */
@Singleton
@Requires(property = "tthc.security.required", value = "true")
public class UserAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {

    private static final Logger LOG = LoggerFactory.getLogger(UserAuthenticationProvider.class);
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder();
    /** Compared against when the username is unknown: a hash of nothing anyone can type. */
    private static final String NOBODY = BCRYPT.encode("\u0000no such user\u0000");

    private final UserFile users;
    private final SignInThrottle throttle;
    private final Counter refusedCredentials;
    private final Counter refusedThrottled;

    public UserAuthenticationProvider(@Value("${tthc.security.users-file:}") final String usersFile, final Clock clock,
                                      final MeterRegistry meters) {
        this.throttle = new SignInThrottle(clock);
        this.refusedCredentials = meters.counter("tthc_sign_in_refused", "reason", "credentials");
        this.refusedThrottled = meters.counter("tthc_sign_in_refused", "reason", "throttled");
        if (usersFile.isBlank()) {
            LOG.warn("Sign-in required but no user file (TTHC_USERS_FILE): only the operator key reads anything");
            this.users = UserFile.empty();
        } else {
            this.users = UserFile.read(Path.of(usersFile));
            LOG.info("User file {}: {} users", usersFile, users.size());
        }
    }

    @Override
    public AuthenticationResponse authenticate(final HttpRequest<B> request,
                                               final AuthenticationRequest<String, String> login) {
        final String username = login.getIdentity() == null ? "" : login.getIdentity().strip();
        final InetSocketAddress peer = request.getRemoteAddress();
        final String address = peer.getAddress() == null ? peer.getHostString() : peer.getAddress().getHostAddress();
        if (throttle.locked(username, address)) {
            refusedThrottled.increment();
            LOG.warn("Sign-in refused for '{}' from {}: too many failures, locked for up to {} min", username, address,
                SignInThrottle.WINDOW.toMinutes());
            return AuthenticationResponse.failure(AuthenticationFailureReason.ACCOUNT_LOCKED);
        }
        final Optional<UserFile.User> user = users.user(username);
        final String password = login.getSecret() == null ? "" : login.getSecret();
        final boolean matches = BCRYPT.matches(password, user.map(UserFile.User::passwordHash).orElse(NOBODY));
        if (user.isEmpty() || !matches) {
            throttle.failed(username, address);
            refusedCredentials.increment();
            LOG.info("Sign-in refused for '{}' from {}", username, address);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        throttle.succeeded(username, address);
        final UserFile.User found = user.get();
        final Map<String, Object> attributes = new HashMap<>();
        if (found.unit() != null) {
            attributes.put(UnitAccess.UNIT_ATTRIBUTE, found.unit());
        }
        return AuthenticationResponse.success(found.username(), List.of(found.role().id()), attributes);
    }
}
