package vn.tthc.monitor.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Files of the repository the tests check: the root comes from the system property {@code tthc.repo.dir} (set by the POM). */
public final class RepositoryFiles {

    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    public static final ObjectMapper JSON = new ObjectMapper();

    private RepositoryFiles() {
    }

    public static Path root() {
        final String dir = System.getProperty("tthc.repo.dir");
        if (dir == null) {
            throw new IllegalStateException("system property tthc.repo.dir is not set: run the tests through Maven");
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }

    public static Path path(final String relative) {
        return root().resolve(relative);
    }

    public static JsonNode yaml(final String relative) {
        return yaml(path(relative));
    }

    public static JsonNode yaml(final Path file) {
        return read(YAML, file);
    }

    /**
     * docker-compose.yml as compose reads it: its anchors, aliases and merge keys ({@code <<: *kafka}) resolved, which
     * Jackson's YAML reader does not do; the {@code x-} extension fields stay as they are.
     */
    public static JsonNode compose() {
        try {
            final Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(path("docker-compose.yml")));
            return JSON.valueToTree(document);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read docker-compose.yml", e);
        }
    }

    public static JsonNode json(final Path file) {
        return read(JSON, file);
    }

    /** The files of a directory of the repository whose names end with {@code suffix}, sorted. */
    public static List<Path> list(final String directory, final String suffix) {
        try (Stream<Path> files = Files.list(path(directory))) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(final ObjectMapper mapper, final Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
