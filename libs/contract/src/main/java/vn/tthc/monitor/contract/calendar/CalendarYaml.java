package vn.tthc.monitor.contract.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The YAML of the calendar files, read strictly: every problem names the file and its place in it. */
record CalendarYaml(String name) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    JsonNode read(final InputStream in) {
        try {
            final JsonNode root = YAML.readTree(in);
            if (root == null || !root.isObject()) {
                throw error("the document", "must be a mapping");
            }
            return root;
        } catch (final IOException e) {
            throw new InvalidCalendarException(name + ": not valid YAML: " + e.getMessage());
        }
    }

    void allowOnly(final JsonNode node, final Set<String> keys, final String path) {
        node.fieldNames().forEachRemaining(key -> {
            if (!keys.contains(key)) {
                throw error(path, "unknown key '" + key + "'; expected one of " + keys);
            }
        });
    }

    JsonNode required(final JsonNode node, final String key, final String path) {
        final JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw error(path + "." + key, "is required");
        }
        return value;
    }

    String text(final JsonNode node, final String path) {
        if (!node.isValueNode()) {
            throw error(path, "must be text, was " + type(node));
        }
        return node.asText();
    }

    List<String> texts(final JsonNode node, final String path) {
        final List<String> texts = new ArrayList<>();
        for (final JsonNode item : list(node, path)) {
            texts.add(text(item, path + "[" + texts.size() + "]"));
        }
        return texts;
    }

    LocalDate date(final JsonNode node, final String path) {
        try {
            return LocalDate.parse(text(node, path));
        } catch (final DateTimeParseException e) {
            throw error(path, "must be a date as 2025-01-29, was '" + node.asText() + "'");
        }
    }

    List<LocalDate> dates(final JsonNode node, final String path) {
        final List<LocalDate> dates = new ArrayList<>();
        for (final JsonNode item : list(node, path)) {
            dates.add(date(item, path + "[" + dates.size() + "]"));
        }
        return dates;
    }

    /** The items of a sequence; an absent or empty value is no item. */
    List<JsonNode> list(final JsonNode node, final String path) {
        final List<JsonNode> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            return items;
        }
        if (!node.isArray()) {
            throw error(path, "must be a list, was " + type(node));
        }
        node.forEach(items::add);
        return items;
    }

    void requireMapping(final JsonNode node, final String path) {
        if (!node.isObject()) {
            throw error(path, "must be a mapping, was " + type(node));
        }
    }

    InvalidCalendarException error(final String path, final String message) {
        return new InvalidCalendarException(name + ": " + path + ": " + message);
    }

    private static String type(final JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
