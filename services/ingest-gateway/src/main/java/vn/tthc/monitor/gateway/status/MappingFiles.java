package vn.tthc.monitor.gateway.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import vn.tthc.monitor.contract.org.OrganisationFile;

/**
 * Builds the {@link NationalStatusMapping} of the files a province gives: the organisation file (its own, else
 * {@code config/units.yaml} when that exists, else none: unit values pass through as ids), the field table (its
 * own, else the shipped one) and the reception defaults (its own, else the online-eligible procedures alone).
 * A file that is named but missing or invalid stops the start with an exception naming it.
 *
 * @param unitsFile     the organisation file (EVENTS.md section 6), blank or null for the default
 * @param fieldsFile    the field table replacing the shipped one, blank or null for none
 * @param receptionFile the reception defaults file, blank or null for none
 */
public record MappingFiles(String unitsFile, String fieldsFile, String receptionFile) {

    /** The organisation file used when none is named, relative to the working directory. */
    public static final Path DEFAULT_UNITS_FILE = Path.of("config", "units.yaml");

    /** The organisation file to read, or null for none. */
    public Path units() {
        if (!blank(unitsFile)) {
            return Path.of(unitsFile);
        }
        return Files.isRegularFile(DEFAULT_UNITS_FILE) ? DEFAULT_UNITS_FILE : null;
    }

    public NationalStatusMapping mapping(final Collection<String> onlineEligibleProcedures) {
        final Path units = units();
        final UnitDirectory directory = units == null ? UnitDirectory.passThrough()
            : UnitDirectory.of(OrganisationFile.read(units));
        final FieldTable fields = blank(fieldsFile) ? FieldTable.shipped() : FieldTable.load(Path.of(fieldsFile));
        final ReceptionDefaults reception = blank(receptionFile) ? ReceptionDefaults.of(onlineEligibleProcedures)
            : ReceptionDefaults.load(Path.of(receptionFile), onlineEligibleProcedures);
        return new NationalStatusMapping(directory, fields, reception);
    }

    /** For the start's log line: which files the mapping uses. */
    public String describe() {
        final Path units = units();
        return "units: " + (units == null ? "none (DonViXuLy passes through as unitId)" : units)
            + "; fields: " + (blank(fieldsFile) ? FieldTable.SHIPPED + " (shipped)" : fieldsFile)
            + "; reception defaults: " + (blank(receptionFile) ? "none" : receptionFile);
    }

    private static boolean blank(final String value) {
        return value == null || value.isBlank();
    }
}
