package vn.tthc.monitor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh directories under {@code target/} for state stores and brokers, one per use. */
public final class TestDirectories {

    private TestDirectories() {
    }

    public static Path fresh(final String prefix) {
        try {
            final Path base = Files.createDirectories(Path.of("target", "test-state"));
            return Files.createTempDirectory(base, prefix + "-").toAbsolutePath();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
