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
            .orElseThrow(() -> new AssertionError(name + " is not on the PATH (" + path + "): install Debian's "
                + debianPackage(name) + ", e.g. apt-get install --no-install-recommends " + debianPackage(name)
                + " (./tthc test does it)"));
    }

    /** The Debian package of a program the tests run. */
    private static String debianPackage(final String name) {
        return name.equals("amtool") ? "prometheus-alertmanager" : "prometheus";
    }
}
