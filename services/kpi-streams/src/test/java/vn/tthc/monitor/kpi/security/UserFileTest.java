package vn.tthc.monitor.kpi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserFileTest {

    private static final String HASH = "$2a$04$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234";

    @TempDir
    Path dir;

    @Test
    void readsUsersWithTheirRoleAndUnit() throws Exception {
        final UserFile file = UserFile.read(Files.writeString(dir.resolve("u.yaml"), """
            users:
              - {username: a, password-hash: '%s', role: head, unit: XA-A}
              - {username: p, password-hash: '%s', role: Province}
            """.formatted(HASH, HASH)));
        assertThat(file.user("a")).hasValueSatisfying(u -> {
            assertThat(u.role()).isEqualTo(UserFile.Role.HEAD);
            assertThat(u.unit()).isEqualTo("XA-A");
        });
        assertThat(file.user("p")).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(UserFile.Role.PROVINCE));
        assertThat(file.user("nobody")).isEmpty();
    }

    @Test
    void refusesAHeadWithoutUnitAPlainPasswordAnOperatorRoleAndTwins() throws Exception {
        assertThatThrownBy(() -> read("- {username: a, password-hash: '" + HASH + "', role: head}"))
            .hasMessageContaining("needs a unit");
        assertThatThrownBy(() -> read("- {username: a, password-hash: secret, role: province}"))
            .hasMessageContaining("not a bcrypt hash");
        assertThatThrownBy(() -> read("- {username: a, password-hash: '" + HASH + "', role: operator}"))
            .hasMessageContaining("role must be");
        assertThatThrownBy(() -> read("- {username: a, password-hash: '" + HASH + "', role: province}\n"
            + "  - {username: a, password-hash: '" + HASH + "', role: province}"))
            .hasMessageContaining("appears twice");
    }

    private UserFile read(final String entries) throws Exception {
        return UserFile.read(Files.writeString(dir.resolve("bad.yaml"), "users:\n  " + entries + "\n"));
    }
}
