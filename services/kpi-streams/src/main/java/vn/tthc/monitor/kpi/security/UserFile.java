package vn.tthc.monitor.kpi.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The local user file ({@code TTHC_USERS_FILE}, docs/SECURITY.md): YAML {@code users:} with, for each,
 * {@code username}, {@code password-hash} (bcrypt, {@code ./tthc hash-password}), {@code role}
 * ({@code province}, {@code head}, {@code quality}) and, for heads and quality officers, {@code unit}.
 */
public final class UserFile {

    /**
     * One user of the file.
     *
     * @param passwordHash bcrypt; null for a user who signs in through the OpenID Connect provider only
     */
    public record User(String username, String passwordHash, Role role, String unit) { }

    private record Entry(@JsonProperty("username") String username,
                         @JsonProperty("password-hash") String passwordHash,
                         @JsonProperty("role") String role,
                         @JsonProperty("unit") String unit) { }

    private record Document(@JsonProperty("users") List<Entry> users) { }

    private final Map<String, User> users;

    private UserFile(final Map<String, User> users) {
        this.users = users;
    }

    public static UserFile empty() {
        return new UserFile(Map.of());
    }

    /** Reads and checks the file; an {@link IllegalArgumentException} names the first wrong entry. */
    public static UserFile read(final Path file) {
        final Document document;
        try {
            document = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .readValue(file.toFile(), Document.class);
        } catch (final IOException e) {
            throw new IllegalArgumentException("user file " + file + ": " + e.getMessage(), e);
        }
        final Map<String, User> users = new LinkedHashMap<>();
        final List<Entry> entries = document == null || document.users() == null ? List.of() : document.users();
        for (int i = 0; i < entries.size(); i++) {
            final Entry entry = entries.get(i);
            final String where = "user file " + file + ": users[" + i + "]";
            if (entry == null || blank(entry.username()) || blank(entry.role())) {
                throw new IllegalArgumentException(where + ": username and role are required");
            }
            if (entry.passwordHash() != null && !entry.passwordHash().startsWith("$2")) {
                throw new IllegalArgumentException(where + " '" + entry.username()
                    + "': password-hash is not a bcrypt hash (./tthc hash-password)");
            }
            final Role role = Role.parse(entry.role()).orElseThrow(() -> new IllegalArgumentException(
                where + " '" + entry.username() + "': role must be province, head or quality, not " + entry.role()));
            if (role.unitScoped() && blank(entry.unit())) {
                throw new IllegalArgumentException(where + " '" + entry.username() + "': a " + role.id() + " needs a unit");
            }
            final String unit = role.unitScoped() ? entry.unit().strip() : null;
            if (users.put(entry.username().strip(), new User(entry.username().strip(),
                blank(entry.passwordHash()) ? null : entry.passwordHash().strip(), role, unit)) != null) {
                throw new IllegalArgumentException(where + ": username '" + entry.username() + "' appears twice");
            }
        }
        return new UserFile(Map.copyOf(users));
    }

    public Optional<User> user(final String username) {
        return Optional.ofNullable(users.get(username));
    }

    public int size() {
        return users.size();
    }

    private static boolean blank(final String s) {
        return s == null || s.isBlank();
    }

    /** The roles of the user file, and the operator of the key. */
    public enum Role {
        PROVINCE("province", false), HEAD("head", true), QUALITY("quality", true), OPERATOR("operator", false);

        private final String id;
        private final boolean unitScoped;

        Role(final String id, final boolean unitScoped) {
            this.id = id;
            this.unitScoped = unitScoped;
        }

        public String id() {
            return id;
        }

        /** Whether the role sees its unit and subtree only (else everything). */
        public boolean unitScoped() {
            return unitScoped;
        }

        /** A role a user file may give: not the operator's. */
        static Optional<Role> parse(final String text) {
            final String id = text.strip().toLowerCase(Locale.ROOT);
            for (final Role role : values()) {
                if (role != OPERATOR && role.id.equals(id)) {
                    return Optional.of(role);
                }
            }
            return Optional.empty();
        }

        static Optional<Role> ofId(final String id) {
            for (final Role role : values()) {
                if (role.id.equals(id)) {
                    return Optional.of(role);
                }
            }
            return Optional.empty();
        }
    }
}
