package vn.tthc.monitor.contract.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A province's (or an agency's) own changes to the national calendar: days off it adds (a local
 * holiday, a day given by the province's people's committee) and days it works that the national
 * calendar has off. It wins over the national calendar, and each day says why.
 *
 * @param name        whose calendar this is
 * @param sources     the decisions it comes from
 * @param daysOff     days not worked, with the reason
 * @param workingDays days worked, with the reason
 */
public record CalendarOverride(String name, List<String> sources, Map<LocalDate, String> daysOff,
                               Map<LocalDate, String> workingDays) {

    /** No change to the national calendar. */
    public static final CalendarOverride NONE = new CalendarOverride("toàn quốc", List.of(), Map.of(), Map.of());

    private static final Set<String> KEYS = Set.of("name", "sources", "daysOff", "workingDays");

    public CalendarOverride {
        sources = List.copyOf(sources);
        daysOff = Map.copyOf(daysOff);
        workingDays = Map.copyOf(workingDays);
        final Set<LocalDate> both = new HashSet<>(daysOff.keySet());
        both.retainAll(workingDays.keySet());
        if (!both.isEmpty()) {
            throw new IllegalArgumentException(name + ": days both off and worked: " + both);
        }
    }

    public static CalendarOverride read(final Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (final IOException e) {
            throw new InvalidCalendarException(file + ": cannot be read: " + e.getMessage());
        }
    }

    public static CalendarOverride read(final InputStream yaml, final String fileName) {
        final CalendarYaml file = new CalendarYaml(fileName);
        final JsonNode root = file.read(yaml);
        file.allowOnly(root, KEYS, "the document");
        final String name = file.text(file.required(root, "name", "the document"), "name");
        try {
            return new CalendarOverride(name, file.texts(root.get("sources"), "sources"), days(file, root.get("daysOff"), "daysOff"),
                days(file, root.get("workingDays"), "workingDays"));
        } catch (final IllegalArgumentException e) {
            throw new InvalidCalendarException(fileName + ": " + e.getMessage());
        }
    }

    private static Map<LocalDate, String> days(final CalendarYaml file, final JsonNode node, final String key) {
        final Map<LocalDate, String> days = new TreeMap<>();
        int index = 0;
        for (final JsonNode item : file.list(node, key)) {
            final String path = key + "[" + index++ + "]";
            file.requireMapping(item, path);
            file.allowOnly(item, Set.of("date", "reason"), path);
            final LocalDate date = file.date(file.required(item, "date", path), path + ".date");
            if (days.put(date, file.text(file.required(item, "reason", path), path + ".reason")) != null) {
                throw file.error(path, date + " is listed twice");
            }
        }
        return days;
    }
}
