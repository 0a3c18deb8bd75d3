package vn.tthc.monitor.contract.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a holiday year file (docs/CALENDAR.md) and checks it against {@link HolidayRules}: a file
 * that puts a holiday where the law does not, or leaves a weekend holiday without its day given
 * back, is refused with the list of what is wrong.
 *
 * <p>The years this module ships are resources {@code vn/tthc/monitor/contract/calendar/<year>.yaml}.
 */
public final class HolidayYearFile {

    private static final String RESOURCE_DIRECTORY = "/vn/tthc/monitor/contract/calendar/";
    private static final Set<String> KEYS = Set.of("year", "status", "sources", "holidays", "compensatoryDaysOff", "swaps");

    private HolidayYearFile() {
    }

    /** The shipped file of {@code year}, if there is one. */
    public static Optional<HolidayYear> bundled(final int year) {
        final String resource = RESOURCE_DIRECTORY + year + ".yaml";
        try (InputStream in = HolidayYearFile.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(read(in, resource, HolidayRules.VIETNAM));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HolidayYear read(final Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), HolidayRules.VIETNAM);
        } catch (final IOException e) {
            throw new InvalidCalendarException(file + ": cannot be read: " + e.getMessage());
        }
    }

    public static HolidayYear read(final InputStream yaml, final String name, final HolidayRules rules) {
        final CalendarYaml file = new CalendarYaml(name);
        final JsonNode root = file.read(yaml);
        file.allowOnly(root, KEYS, "the document");
        final JsonNode yearNode = file.required(root, "year", "the document");
        if (!yearNode.canConvertToInt() || !yearNode.isIntegralNumber()) {
            throw file.error("year", "must be a year as 2025, was " + yearNode);
        }
        final HolidayYear year = new HolidayYear(yearNode.intValue(), status(file, file.required(root, "status", "the document")),
            sources(file, root), holidays(file, file.required(root, "holidays", "the document")),
            compensations(file, root.get("compensatoryDaysOff")), swaps(file, root.get("swaps")));
        final List<String> problems = rules.check(year);
        if (!problems.isEmpty()) {
            throw new InvalidCalendarException(name + ": does not follow the statutory rules: " + String.join("; ", problems));
        }
        return year;
    }

    private static HolidayYear.Status status(final CalendarYaml file, final JsonNode node) {
        final String status = file.text(node, "status");
        try {
            return HolidayYear.Status.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (final IllegalArgumentException e) {
            throw file.error("status", "must be published or derived, was '" + status + "'");
        }
    }

    private static List<String> sources(final CalendarYaml file, final JsonNode root) {
        final List<String> sources = file.texts(file.required(root, "sources", "the document"), "sources");
        if (sources.isEmpty()) {
            throw file.error("sources", "must name at least one document");
        }
        return sources;
    }

    private static Map<Holiday, List<LocalDate>> holidays(final CalendarYaml file, final JsonNode node) {
        file.requireMapping(node, "holidays");
        final Map<Holiday, List<LocalDate>> holidays = new EnumMap<>(Holiday.class);
        for (final Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            final Map.Entry<String, JsonNode> entry = it.next();
            final String path = "holidays." + entry.getKey();
            final Holiday holiday;
            try {
                holiday = Holiday.fromKey(entry.getKey());
            } catch (final IllegalArgumentException e) {
                throw file.error(path, e.getMessage());
            }
            holidays.put(holiday, file.dates(entry.getValue(), path));
        }
        return holidays;
    }

    private static List<HolidayYear.Compensation> compensations(final CalendarYaml file, final JsonNode node) {
        final List<HolidayYear.Compensation> days = new ArrayList<>();
        for (final JsonNode item : file.list(node, "compensatoryDaysOff")) {
            final String path = "compensatoryDaysOff[" + days.size() + "]";
            file.requireMapping(item, path);
            file.allowOnly(item, Set.of("date", "for"), path);
            days.add(new HolidayYear.Compensation(file.date(file.required(item, "date", path), path + ".date"),
                file.date(file.required(item, "for", path), path + ".for")));
        }
        return days;
    }

    private static List<HolidayYear.Swap> swaps(final CalendarYaml file, final JsonNode node) {
        final List<HolidayYear.Swap> swaps = new ArrayList<>();
        for (final JsonNode item : file.list(node, "swaps")) {
            final String path = "swaps[" + swaps.size() + "]";
            file.requireMapping(item, path);
            file.allowOnly(item, Set.of("dayOff", "workingDay"), path);
            swaps.add(new HolidayYear.Swap(file.date(file.required(item, "dayOff", path), path + ".dayOff"),
                file.date(file.required(item, "workingDay", path), path + ".workingDay")));
        }
        return swaps;
    }
}
