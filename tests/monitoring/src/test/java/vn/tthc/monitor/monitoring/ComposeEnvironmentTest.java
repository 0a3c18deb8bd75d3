package vn.tthc.monitor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code TTHC_*} variable docker-compose.yml sets for a service built from this repository is
 * one that the service's application.yml reads (a {@code ${NAME} placeholder}), so a misspelt
 * setting (TTHC_SMTP_USERNAME for TTHC_SMTP_USER) cannot be silently ignored.
 */
class ComposeEnvironmentTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    @Test
    void theNotifierReadsEverySettingComposeGivesIt() throws IOException {
        final Set<String> set = composeSettings("services/alert-notifier");
        assertThat(set).contains("TTHC_SMTP_HOST", "TTHC_SMTP_PORT", "TTHC_SMTP_USER", "TTHC_SMTP_PASSWORD");
        assertThat(readBy("services/alert-notifier")).containsAll(set);
    }

    @Test
    void everyBuiltServiceWithAnApplicationYmlReadsEverySettingComposeGivesIt() throws IOException {
        int checked = 0;
        final Iterator<String> names = RepositoryFiles.compose().path("services").fieldNames();
        while (names.hasNext()) {
            final String module = RepositoryFiles.compose().path("services").path(names.next())
                .path("build").path("args").path("MODULE").asText("");
            if (!module.isEmpty() && Files.exists(applicationYml(module))) {
                checked++;
                assertThat(readBy(module)).as(module + " reads what compose sets").containsAll(composeSettings(module));
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
    }

    /** The TTHC_* names compose sets for the service built from {@code module}. */
    private static Set<String> composeSettings(final String module) {
        final Set<String> names = new TreeSet<>();
        for (final JsonNode service : RepositoryFiles.compose().path("services")) {
            if (module.equals(service.path("build").path("args").path("MODULE").asText())) {
                final JsonNode environment = service.path("environment");
                final List<String> keys = new ArrayList<>();
                if (environment.isArray()) {
                    environment.forEach(item -> keys.add(item.asText().split("=", 2)[0]));
                } else {
                    environment.fieldNames().forEachRemaining(keys::add);
                }
                keys.stream().filter(key -> key.startsWith("TTHC_")).forEach(names::add);
            }
        }
        return names;
    }

    private static Set<String> readBy(final String module) throws IOException {
        final Set<String> names = new TreeSet<>();
        final Matcher matcher = PLACEHOLDER.matcher(Files.readString(applicationYml(module)));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Path applicationYml(final String module) {
        return RepositoryFiles.path(module + "/src/main/resources/application.yml");
    }
}
