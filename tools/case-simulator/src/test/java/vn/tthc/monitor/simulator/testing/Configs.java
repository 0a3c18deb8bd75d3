package vn.tthc.monitor.simulator.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import vn.tthc.monitor.simulator.config.ProvinceConfig;

/** The configurations the tests use: the shipped sample and the one-unit province of the rule tests. */
public final class Configs {

    private Configs() {
    }

    public static ProvinceConfig sample() {
        return read("/province-sample.yaml");
    }

    public static ProvinceConfig oneUnit() {
        return read("/province-one-unit.yaml");
    }

    public static Path oneUnitFile() {
        try {
            return Paths.get(Configs.class.getResource("/province-one-unit.yaml").toURI());
        } catch (final java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProvinceConfig read(final String resource) {
        try (InputStream in = Configs.class.getResourceAsStream(resource)) {
            return ProvinceConfig.read(in);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
