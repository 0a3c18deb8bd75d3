package vn.tthc.monitor.contract.kpi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads a targets file (EVENTS.md section 4). Every key is optional; a KPI or {@code minVolume}
 * that {@code defaults} leaves out takes its section-3 value, while {@code fields} and
 * {@code units} come from the file alone. Unknown keys, targets outside 0..1 and a negative or
 * fractional {@code minVolume} are errors that name their place in the file.
 */
public final class TargetsFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("defaults", "fields", "units");
    private static final String MIN_VOLUME = "minVolume";
    private static final String FIELDS = "fields";

    private TargetsFile() {
    }

    public static Targets read(final Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (final IOException e) {
            throw new InvalidTargetsException(file + ": cannot be read: " + e.getMessage());
        }
    }

    public static Targets read(final InputStream yaml, final String name) {
        final JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (final IOException e) {
            throw new InvalidTargetsException(name + ": not valid YAML: " + e.getMessage());
        }
        return new TargetsFile.Reader(name).targets(root);
    }

    public static Targets parse(final String yaml) {
        return read(new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            "targets");
    }

    private record Reader(String name) {

        Targets targets(final JsonNode root) {
            if (root == null || root.isMissingNode() || root.isNull()) {
                return new Targets(Targets.sectionThreeDefaultLevel(), Map.of(), Map.of());
            }
            requireMapping(root, "the document");
            checkKeys(root, TOP_LEVEL_KEYS, "the document");
            final TargetLevel defaults = level(root.get("defaults"), "defaults", Set.of());
            return new Targets(withSectionThreeDefaults(defaults), levels(root.get(FIELDS), FIELDS), units(root.get("units")));
        }

        private static TargetLevel withSectionThreeDefaults(final TargetLevel fromFile) {
            final TargetLevel sectionThree = Targets.sectionThreeDefaultLevel();
            final Map<Kpi, BigDecimal> targets = new EnumMap<>(sectionThree.targets());
            targets.putAll(fromFile.targets());
            return new TargetLevel(targets,
                fromFile.minVolume() != null ? fromFile.minVolume() : sectionThree.minVolume());
        }

        private Map<String, Targets.UnitTargets> units(final JsonNode node) {
            final Map<String, Targets.UnitTargets> units = new HashMap<>();
            if (node == null || node.isNull()) {
                return units;
            }
            requireMapping(node, "units");
            for (final Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                final Map.Entry<String, JsonNode> unit = it.next();
                final String path = "units." + unit.getKey();
                final TargetLevel own = level(unit.getValue(), path, Set.of(FIELDS));
                final JsonNode fields = unit.getValue() == null ? null : unit.getValue().get(FIELDS);
                units.put(unit.getKey(), new Targets.UnitTargets(own, levels(fields, path + "." + FIELDS)));
            }
            return units;
        }

        private Map<String, TargetLevel> levels(final JsonNode node, final String path) {
            final Map<String, TargetLevel> levels = new HashMap<>();
            if (node == null || node.isNull()) {
                return levels;
            }
            requireMapping(node, path);
            node.fields().forEachRemaining(e -> levels.put(e.getKey(), level(e.getValue(), path + "." + e.getKey(), Set.of())));
            return levels;
        }

        private TargetLevel level(final JsonNode node, final String path, final Set<String> otherKeys) {
            if (node == null || node.isNull()) {
                return TargetLevel.EMPTY;
            }
            requireMapping(node, path);
            final Map<Kpi, BigDecimal> targets = new EnumMap<>(Kpi.class);
            Integer minVolume = null;
            for (final Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                final Map.Entry<String, JsonNode> entry = it.next();
                final String key = entry.getKey();
                final String at = path + "." + key;
                if (key.equals(MIN_VOLUME)) {
                    minVolume = minVolume(entry.getValue(), at);
                } else if (!otherKeys.contains(key)) {
                    targets.put(kpi(key, at), fraction(entry.getValue(), at));
                }
            }
            return new TargetLevel(targets, minVolume);
        }

        private Kpi kpi(final String key, final String at) {
            try {
                return Kpi.fromId(key);
            } catch (final IllegalArgumentException e) {
                throw error(at, "unknown key; expected onTimeRate, satisfactionRate, onlineRate, feedbackOnTimeRate"
                    + " or minVolume");
            }
        }

        private BigDecimal fraction(final JsonNode value, final String at) {
            if (value == null || !value.isNumber()) {
                throw error(at, "must be a number between 0 and 1, was " + value);
            }
            final BigDecimal fraction = value.decimalValue();
            if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
                throw error(at, "must be a fraction between 0 and 1 (0.98 for 98%), was " + value);
            }
            return fraction;
        }

        private int minVolume(final JsonNode value, final String at) {
            if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
                throw error(at, "must be a whole number of at least 0, was " + value);
            }
            return value.intValue();
        }

        private void checkKeys(final JsonNode node, final Set<String> allowed, final String path) {
            node.fieldNames().forEachRemaining(key -> {
                if (!allowed.contains(key)) {
                    throw error(path, "unknown key '" + key + "'; expected one of " + allowed);
                }
            });
        }

        private void requireMapping(final JsonNode node, final String path) {
            if (!node.isObject()) {
                throw error(path, "must be a mapping, was " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
        }

        private InvalidTargetsException error(final String path, final String message) {
            return new InvalidTargetsException(name + ": " + path + ": " + message);
        }
    }
}
