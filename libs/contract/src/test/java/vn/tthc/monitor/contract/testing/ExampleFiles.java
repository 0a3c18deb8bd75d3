package vn.tthc.monitor.contract.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The contract's example files, from the repository's {@code spec/examples} (system property {@code tthc.spec.dir}). */
public final class ExampleFiles {

    private ExampleFiles() {
    }

    public static Path specDir() {
        final String configured = System.getProperty("tthc.spec.dir");
        final Path dir = configured != null ? Path.of(configured) : Path.of("../../spec");
        if (!Files.isDirectory(dir.resolve("examples"))) {
            throw new IllegalStateException("spec/examples not found at " + dir.toAbsolutePath());
        }
        return dir;
    }

    public static Path example(final String name) {
        return specDir().resolve("examples").resolve(name);
    }

    /** The lines of an example file as they are, blank ones included. */
    public static List<String> lines(final String name) {
        try {
            return Files.readAllLines(example(name));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
