package vn.tthc.monitor.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.JarFile;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.gateway.IngestGatewayApplication;
import vn.tthc.monitor.ingest.client.IngestClient;
import vn.tthc.monitor.kpi.KpiStreamsApplication;
import vn.tthc.monitor.notifier.AlertNotifierApplication;
import vn.tthc.monitor.operator.OperatorKey;

/**
 * A product module (a library of libs/ or a deployable of services/): its folder, its package root, and its main
 * classes, read from the jar or classes directory it is built into (found through one class of it), so that a class
 * is judged by the module it is built in, not by its name.
 */
enum ProductModule {

    CONTRACT("libs/contract", "vn.tthc.monitor.contract..", ContractJson.class),
    INGEST_CLIENT("libs/ingest-client", "vn.tthc.monitor.ingest.client..", IngestClient.class),
    OPERATOR_KEY("libs/operator-key", "vn.tthc.monitor.operator..", OperatorKey.class),
    KPI_STREAMS("services/kpi-streams", "vn.tthc.monitor.kpi..", KpiStreamsApplication.class),
    INGEST_GATEWAY("services/ingest-gateway", "vn.tthc.monitor.gateway..", IngestGatewayApplication.class),
    ALERT_NOTIFIER("services/alert-notifier", "vn.tthc.monitor.notifier..", AlertNotifierApplication.class);

    private final String folder;
    private final String packages;
    private final Class<?> anchor;

    ProductModule(final String folder, final String packages, final Class<?> anchor) {
        this.folder = folder;
        this.packages = packages;
        this.anchor = anchor;
    }

    String folder() {
        return folder;
    }

    /** Its package root as an ArchUnit package identifier, e.g. {@code vn.tthc.monitor.kpi..}. */
    String packages() {
        return packages;
    }

    boolean isService() {
        return folder.startsWith("services/");
    }

    /** The package roots of the other services. */
    String[] otherServices() {
        return Arrays.stream(values()).filter(module -> module.isService() && module != this)
            .map(ProductModule::packages).toArray(String[]::new);
    }

    /** The package roots of every service. */
    static String[] services() {
        return Arrays.stream(values()).filter(ProductModule::isService).map(ProductModule::packages)
            .toArray(String[]::new);
    }

    /** The main classes of this module, and only those: its test classes are in no jar it ships. */
    JavaClasses mainClasses() {
        final Path location;
        try {
            location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (final URISyntaxException e) {
            throw new IllegalStateException("no location for " + anchor, e);
        }
        if (Files.isDirectory(location)) {
            return new ClassFileImporter().importPath(location);
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            return new ClassFileImporter().importJar(jar);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }
}
