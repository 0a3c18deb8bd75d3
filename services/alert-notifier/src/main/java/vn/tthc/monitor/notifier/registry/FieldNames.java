package vn.tthc.monitor.notifier.registry;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Vietnamese names of the fields (lĩnh vực) by their ids, from the field table ({@code TTHC_FIELDS_FILE},
 * default {@code config/fields.csv}; docs/NOTIFIER.md, Field table): UTF-8, lines {@code id,name} after the
 * header {@code id,name}, blank lines and lines starting with {@code #} ignored, a name may be quoted
 * ({@code "…"}, with {@code ""} for a quote). A missing file, a missing header, no field, a repeated or
 * ill-formed id or an empty name is refused with the line.
 */
public final class FieldNames {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Map<String, String> names;

    private FieldNames(final Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    /** The Vietnamese name of {@code fieldId}, when the table has it. */
    public Optional<String> name(final String fieldId) {
        return Optional.ofNullable(names.get(fieldId));
    }

    public int size() {
        return names.size();
    }

    public static FieldNames read(final Path file) {
        final String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (final CharacterCodingException e) {
            throw new InvalidFieldTableException(file + ": is not UTF-8");
        } catch (final IOException e) {
            throw new InvalidFieldTableException(file + ": cannot be read: " + e);
        }
        return parse(text, file.toString());
    }

    public static FieldNames parse(final String csv, final String source) {
        final Map<String, String> names = new LinkedHashMap<>();
        final String[] lines = csv.split("\r?\n", -1);
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            final String line = lines[i].strip();
            final String where = source + " line " + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.replace(" ", "").equalsIgnoreCase("id,name")) {
                    throw new InvalidFieldTableException(where + ": the header must be 'id,name', not '" + line + "'");
                }
                header = true;
                continue;
            }
            final int comma = line.indexOf(',');
            if (comma < 0) {
                throw new InvalidFieldTableException(where + ": expected 'id,name', got '" + line + "'");
            }
            final String id = line.substring(0, comma).strip();
            final String name = unquote(line.substring(comma + 1).strip(), where);
            if (!ID.matcher(id).matches()) {
                throw new InvalidFieldTableException(where + ": '" + id + "' is not a field id (letters, digits, . _ -)");
            }
            if (name.isBlank()) {
                throw new InvalidFieldTableException(where + ": field '" + id + "' has no name");
            }
            if (names.putIfAbsent(id, name) != null) {
                throw new InvalidFieldTableException(where + ": field '" + id + "' is listed twice");
            }
        }
        if (names.isEmpty()) {
            throw new InvalidFieldTableException(source + ": lists no field (header 'id,name', then one 'id,name' a line)");
        }
        return new FieldNames(names);
    }

    private static String unquote(final String name, final String where) {
        if (!name.startsWith("\"")) {
            return name;
        }
        if (name.length() < 2 || !name.endsWith("\"") || name.substring(1, name.length() - 1).replace("\"\"", "").contains("\"")) {
            throw new InvalidFieldTableException(where + ": unbalanced quotes in '" + name + "'");
        }
        return name.substring(1, name.length() - 1).replace("\"\"", "\"").strip();
    }
}
