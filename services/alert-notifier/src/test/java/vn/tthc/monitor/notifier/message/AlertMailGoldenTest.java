package vn.tthc.monitor.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.tthc.monitor.notifier.testing.MailFixtures;

/**
 * The alert mails as a head reads them, plain text and HTML, against the files reviewed in Vietnamese under
 * src/test/resources/mails. After a deliberate change of the mails, rewrite them with
 * {@code -Dgolden.update=true}, read the difference, and commit it.
 */
class AlertMailGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/mails");

    static Stream<Arguments> mails() {
        return MailFixtures.mails().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mails")
    void theMailReadsAsReviewed(final String name, final Message message) throws IOException {
        final Map<String, String> parts = Map.of(name + ".txt", "Subject: " + message.subject() + "\n\n" + message.body(),
            name + ".html", message.html());
        for (final Map.Entry<String, String> part : parts.entrySet()) {
            final Path file = GOLDEN.resolve(part.getKey());
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(GOLDEN);
                Files.writeString(file, part.getValue(), StandardCharsets.UTF_8);
            }
            assertThat(part.getValue()).as(file.toString()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        }
    }
}
