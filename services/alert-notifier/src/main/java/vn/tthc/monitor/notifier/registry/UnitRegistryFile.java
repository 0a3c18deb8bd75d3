package vn.tthc.monitor.notifier.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.tthc.monitor.contract.org.InvalidOrganisationException;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationFile;

/**
 * Reads the organisation file (EVENTS.md section 6, docs/NOTIFIER.md, Unit registry) into a
 * {@link UnitRegistry}: the units by the contract's {@link OrganisationFile}, so that a file the contract
 * rejects stops the notifier with the same reason, and each unit's {@code heads} here:
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
        try {
            return parse(Files.readString(file), file.toString());
        } catch (final IOException e) {
            throw new InvalidUnitRegistryException(file + ": cannot be read: " + e.getMessage());
        }
    }

    public static UnitRegistry parse(final String yaml) {
        return parse(yaml, "units");
    }

    private static UnitRegistry parse(final String yaml, final String name) {
        final Organisation organisation;
        final JsonNode units;
        try {
            organisation = OrganisationFile.parse(yaml, name);
            units = YAML.readTree(yaml).path("units");
        } catch (final InvalidOrganisationException | IOException e) {
            throw new InvalidUnitRegistryException(e.getMessage());
        }
        // the organisation's units are the file's, in its order: entry i is unit i
        final Map<String, List<Head>> heads = new HashMap<>();
        for (int i = 0; i < organisation.units().size(); i++) {
            heads.put(organisation.units().get(i).id(), heads(units.get(i), name + ": units[" + i + "]"));
        }
        return new UnitRegistry(organisation, heads);
    }

    private static List<Head> heads(final JsonNode unit, final String place) {
        final List<Head> heads = new ArrayList<>();
        final JsonNode headNodes = unit.path("heads");
        if (!headNodes.isMissingNode() && !headNodes.isNull() && !headNodes.isArray()) {
            throw new InvalidUnitRegistryException(place + ".heads: must be a list");
        }
        for (int i = 0; i < headNodes.size(); i++) {
            heads.add(head(headNodes.get(i), place + ".heads[" + i + "]"));
        }
        return heads;
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
