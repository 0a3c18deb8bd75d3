package vn.tthc.monitor.kpi.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.AuthenticationResponse;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The user file ({@code tthc.security.users-file}, env {@code TTHC_USERS_FILE}) that both ways of signing in read. */
@Singleton
@Requires(property = "tthc.security.required", value = "true")
public class SignInUsers {

    private static final Logger LOG = LoggerFactory.getLogger(SignInUsers.class);

    private final UserFile users;

    public SignInUsers(@Value("${tthc.security.users-file:}") final String usersFile) {
        if (usersFile.isBlank()) {
            LOG.warn("Sign-in required but no user file (TTHC_USERS_FILE): only the operator key reads anything");
            this.users = UserFile.empty();
        } else {
            this.users = UserFile.read(Path.of(usersFile));
            LOG.info("User file {}: {} users", usersFile, users.size());
        }
    }

    public Optional<UserFile.User> user(final String username) {
        return users.user(username);
    }

    /** {@code user} signed in: its username, its role and, for heads and quality officers, its unit. */
    static AuthenticationResponse signedIn(final UserFile.User user) {
        final Map<String, Object> attributes = new HashMap<>();
        if (user.unit() != null) {
            attributes.put(UnitAccess.UNIT_ATTRIBUTE, user.unit());
        }
        return AuthenticationResponse.success(user.username(), List.of(user.role().id()), attributes);
    }
}
