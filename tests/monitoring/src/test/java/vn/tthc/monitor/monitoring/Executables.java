package vn.tthc.monitor.monitoring;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Programs the tests run, found on the PATH; a missing one fails the test with what to install. */
public final class Executables {

    private Executables() {
    }

    public static Path onPath(final String name) {
        final String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
            .filter(dir -> !dir.isEmpty())
            .map(dir -> Path.of(dir, name))
            .filter(Files::isExecutable)
            .findFirst()
            .orElseThrow(() -> new AssertionError(name + " is not on the PATH (" + path + "): install Prometheus, "
                + "e.g. apt-get install --no-install-recommends prometheus (./tthc test does it)"));
    }
}
