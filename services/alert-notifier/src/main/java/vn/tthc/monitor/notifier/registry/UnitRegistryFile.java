package vn.tthc.monitor.notifier.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the units file (docs/NOTIFIER.md, Unit registry):
 * <pre>
 * units:
 *   - id: UBND-P-BAN-CO
 *     name: UBND phường Bàn Cờ
 *     parent: UBND-TP-HCM          # optional
 *     heads:
 *       - name: Trần Thị Bình
 *         email: binh.tran@example.org
 *         webhook: https://hooks.example.invalid/tthc   # optional
 * </pre>
 */
public final class UnitRegistryFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private UnitRegistryFile() {
    }

    public static UnitRegistry read(final Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (final IOException e) {
            throw new InvalidUnitRegistryException(file + ": cannot be read: " + e.getMessage());
        }
    }

    public static UnitRegistry parse(final String yaml) {
        try (InputStream in = new java.io.ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))) {
            return read(in, "units");
        } catch (final IOException e) {
            throw new InvalidUnitRegistryException("units: " + e.getMessage());
        }
    }

    private static UnitRegistry read(final InputStream in, final String name) {
        final JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (final IOException e) {
            throw new InvalidUnitRegistryException(name + ": not valid YAML: " + e.getMessage());
        }
        final JsonNode units = root == null ? null : root.get("units");
        if (units == null || !units.isArray()) {
            throw new InvalidUnitRegistryException(name + ": needs a list 'units'");
        }
        final List<Unit> read = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            read.add(unit(units.get(i), name + ": units[" + i + "]"));
        }
        try {
            return new UnitRegistry(read);
        } catch (final InvalidUnitRegistryException e) {
            throw new InvalidUnitRegistryException(name + ": " + e.getMessage());
        }
    }

    private static Unit unit(final JsonNode node, final String place) {
        final List<Head> heads = new ArrayList<>();
        final JsonNode headNodes = node.path("heads");
        if (!headNodes.isMissingNode() && !headNodes.isArray()) {
            throw new InvalidUnitRegistryException(place + ".heads: must be a list");
        }
        for (int i = 0; i < headNodes.size(); i++) {
            heads.add(head(headNodes.get(i), place + ".heads[" + i + "]"));
        }
        return new Unit(required(node, "id", place), required(node, "name", place), optional(node, "parent"), heads);
    }

    private static Head head(final JsonNode node, final String place) {
        final String email = required(node, "email", place);
        if (!email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidUnitRegistryException(place + ".email: not an e-mail address: '" + email + "'");
        }
        final String webhook = optional(node, "webhook");
        return new Head(required(node, "name", place), email, webhook == null ? null : webhook(webhook, place));
    }

    private static URI webhook(final String text, final String place) {
        try {
            final URI uri = new URI(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new InvalidUnitRegistryException(place + ".webhook: must be an http or https URL: '" + text + "'");
            }
            return uri;
        } catch (final URISyntaxException e) {
            throw new InvalidUnitRegistryException(place + ".webhook: not a URL: '" + text + "'");
        }
    }

    private static String required(final JsonNode node, final String key, final String place) {
        final String value = optional(node, key);
        if (value == null) {
            throw new InvalidUnitRegistryException(place + ": needs '" + key + "'");
        }
        return value;
    }

    private static String optional(final JsonNode node, final String key) {
        final JsonNode value = node.get(key);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
    }
}
