package vn.tthc.monitor.gateway.status;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import vn.tthc.monitor.contract.event.Identifiers;

/**
 * The field table: the portal's field codes (MaLinhVuc) and the field ids (fieldId) they are counted under, read
 * from CSV lines {@code MaLinhVuc,fieldId,TenLinhVuc} ({@code #} comments, a header line, no quoting). The gateway
 * ships {@code dvcqg/linh-vuc.csv}; a province may give its own file instead.
 */
public final class FieldTable {

    /** The table shipped in the gateway's jar. */
    public static final String SHIPPED = "dvcqg/linh-vuc.csv";
    private static final String HEADER = "MaLinhVuc,fieldId,TenLinhVuc";

    private final Map<String, String> fieldIds;

    private FieldTable(final Map<String, String> fieldIds) {
        this.fieldIds = Map.copyOf(fieldIds);
    }

    /** The shipped table. */
    public static FieldTable shipped() {
        try (InputStream in = FieldTable.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the gateway's jar lacks " + SHIPPED);
            }
            return read(in, SHIPPED);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + SHIPPED, e);
        }
    }

    /** The table of a file, or an {@link IllegalArgumentException} naming its line. */
    public static FieldTable load(final Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the field table " + path, e);
        }
    }

    static FieldTable read(final InputStream in, final String name) throws IOException {
        final Map<String, String> fieldIds = new HashMap<>();
        final BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        boolean header = true;
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (header) {
                if (!line.strip().equals(HEADER)) {
                    throw new IllegalArgumentException(name + " line " + number + ": the header must be " + HEADER);
                }
                header = false;
                continue;
            }
            final String[] columns = line.split(",", 3);
            final String code = columns[0].strip();
            final String fieldId = columns.length > 1 ? columns[1].strip() : "";
            final String problem = fieldId.isEmpty() ? "is empty" : Identifiers.problem(fieldId);
            if (code.isEmpty() || problem != null) {
                throw new IllegalArgumentException(name + " line " + number + ": a code and a valid fieldId are needed"
                    + (problem == null ? "" : " (the fieldId " + problem + ")"));
            }
            if (fieldIds.put(code, fieldId) != null) {
                throw new IllegalArgumentException(name + " line " + number + ": the code " + code + " is repeated");
            }
        }
        return new FieldTable(fieldIds);
    }

    /** The field id of a code, empty when the table does not list it. */
    public Optional<String> fieldId(final String maLinhVuc) {
        return Optional.ofNullable(fieldIds.get(maLinhVuc));
    }

    public int size() {
        return fieldIds.size();
    }
}
