package vn.tthc.monitor.contract.org;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an organisation file (EVENTS.md section 6) into an {@link Organisation}: a YAML mapping whose
 * {@code units} list gives each unit's {@code id}, {@code name}, optional {@code parent}, and optional
 * {@code aliases} and {@code codes} (lists of text). Other keys (heads, contacts) are left to their readers.
 * A file that breaks a rule throws {@link InvalidOrganisationException} naming each unit, its line and why.
 */
public final class OrganisationFile {

    private static final ObjectMapper YAML = new ObjectMapper(
        YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private static final String UNITS = "units";

    private OrganisationFile() {
    }

    /** Reads {@code file} (UTF-8); its path names it in every problem. */
    public static Organisation read(final Path file) {
        final String yaml;
        try {
            yaml = Files.readString(file);
        } catch (final CharacterCodingException e) {
            throw new InvalidOrganisationException(file.toString(), List.of("not UTF-8 text"));
        } catch (final IOException e) {
            throw new InvalidOrganisationException(file.toString(), List.of("cannot be read: " + e.getMessage()));
        }
        return parse(yaml, file.toString());
    }

    public static Organisation parse(final String yaml) {
        return parse(yaml, "organisation");
    }

    /** Parses {@code yaml}; {@code name} (a file name) starts every problem. */
    public static Organisation parse(final String yaml, final String name) {
        final List<Item> items = items(yaml, name);
        final List<String> problems = new ArrayList<>();
        final List<OrganisationUnit> units = new ArrayList<>();
        final List<String> places = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            final String place = "units[" + i + "] (line " + items.get(i).line() + ")";
            places.add(place);
            final OrganisationUnit unit = unit(items.get(i).node(), place, problems);
            units.add(unit);
        }
        if (!problems.isEmpty()) {
            throw new InvalidOrganisationException(name, problems);
        }
        return Organisation.checked(units, places, name);
    }

    /** One entry of the {@code units} list and the line it starts on. */
    private record Item(JsonNode node, int line) {
    }

    private static List<Item> items(final String yaml, final String name) {
        final List<Item> items = new ArrayList<>();
        boolean sawUnits = false;
        try (JsonParser parser = YAML.createParser(yaml)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidOrganisationException(name, List.of("the document must be a mapping with a list 'units'"));
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                final boolean units = UNITS.equals(parser.currentName());
                final int line = parser.currentTokenLocation().getLineNr();
                final JsonToken value = parser.nextToken();
                if (!units) {
                    parser.skipChildren();
                    continue;
                }
                sawUnits = true;
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    final JsonNode notAList = YAML.readTree(parser);
                    throw new InvalidOrganisationException(name, List.of("'units' (line " + line + ") must be a list, was "
                        + type(notAList)));
                }
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    final int itemLine = parser.currentTokenLocation().getLineNr();
                    items.add(new Item(YAML.readTree(parser), itemLine));
                }
            }
        } catch (final IOException e) {
            throw new InvalidOrganisationException(name, List.of("not valid YAML: " + e.getMessage()));
        }
        if (!sawUnits) {
            throw new InvalidOrganisationException(name, List.of("needs a list 'units'"));
        }
        return items;
    }

    private static OrganisationUnit unit(final JsonNode node, final String place, final List<String> problems) {
        if (!node.isObject()) {
            problems.add(place + ": must be a mapping with 'id' and 'name', was " + type(node));
            return null;
        }
        return new OrganisationUnit(text(node, "id", place, problems), text(node, "name", place, problems),
            text(node, "parent", place, problems), texts(node, "aliases", place, problems),
            texts(node, "codes", place, problems));
    }

    /** The text of {@code key}, {@code null} when absent or null; a number or a mapping is a problem (ids such as 001 are quoted). */
    private static String text(final JsonNode node, final String key, final String place, final List<String> problems) {
        final JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(place + ": '" + key + "' must be text (quote it, as \"001\"), was " + type(value) + " " + value);
            return null;
        }
        return value.textValue();
    }

    private static List<String> texts(final JsonNode node, final String key, final String place, final List<String> problems) {
        final JsonNode value = node.get(key);
        final List<String> texts = new ArrayList<>();
        if (value == null || value.isNull()) {
            return texts;
        }
        if (!value.isArray()) {
            problems.add(place + ": '" + key + "' must be a list of text, was " + type(value));
            return texts;
        }
        for (int i = 0; i < value.size(); i++) {
            final JsonNode item = value.get(i);
            if (!item.isTextual()) {
                problems.add(place + ": " + key + "[" + i + "] must be text (quote it), was " + type(item) + " " + item);
            } else {
                texts.add(item.textValue());
            }
        }
        return texts;
    }

    private static String type(final JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
