package vn.tthc.monitor.kpi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationFile;

/**
 * The sample user file compose ships (config/users.yaml): it reads, its units are in the sample organisation file,
 * and the demo passwords docs/SECURITY.md gives are the ones hashed.
 */
class SampleUserFileTest {

    private static final Path ROOT = Path.of(System.getProperty("tthc.spec.dir", "../../spec")).toAbsolutePath()
        .normalize().getParent();
    /** As docs/SECURITY.md lists them. */
    private static final Map<String, String> DEMO_PASSWORDS = Map.of("so-noi-vu", "demo-tinh-2026",
        "truong-phuong-vts", "demo-truong-phuong-2026", "chat-luong-so-tnmt", "demo-chat-luong-so-2026");

    @Test
    void theSampleUsersAreTheDocumentedDemoAccountsOfTheSampleProvince() throws Exception {
        final UserFile users = UserFile.read(ROOT.resolve("config/users.yaml"));
        final Organisation organisation = OrganisationFile.parse(Files.readString(ROOT.resolve("config/units.yaml")));
        final String security = Files.readString(ROOT.resolve("docs/SECURITY.md"));
        assertThat(users.size()).isEqualTo(DEMO_PASSWORDS.size());
        DEMO_PASSWORDS.forEach((username, password) -> {
            final UserFile.User user = users.user(username).orElseThrow();
            assertThat(new BCryptPasswordEncoder().matches(password, user.passwordHash())).as(username).isTrue();
            assertThat(security).contains(username).contains(password);
            if (user.unit() != null) {
                assertThat(organisation.unit(user.unit())).as(user.unit()).isPresent();
            }
        });
    }
}
