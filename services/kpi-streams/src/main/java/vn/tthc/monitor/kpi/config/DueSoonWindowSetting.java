package vn.tthc.monitor.kpi.config;

import io.micronaut.core.convert.ConversionService;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.tthc.monitor.contract.cases.DueSoonWindow;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;

/**
 * The value of {@code tthc.pipeline.due-soon-window}: a number of working days ({@code 1wd}, the
 * default: due soon from one working day before the due time) or a fixed duration ({@code 24h},
 * {@code 60s}, {@code PT2H}) that ignores the calendar, as {@code ./tthc up} uses for its one-minute days.
 */
public final class DueSoonWindowSetting {

    private static final Pattern WORKING_DAYS = Pattern.compile("(\\d+)\\s*wd");

    private DueSoonWindowSetting() {
    }

    public static DueSoonWindow parse(final String value, final WorkingCalendar calendar) {
        final String setting = value.strip().toLowerCase(Locale.ROOT);
        final Matcher workingDays = WORKING_DAYS.matcher(setting);
        if (workingDays.matches()) {
            return DueSoonWindow.workingDays(calendar, Integer.parseInt(workingDays.group(1)));
        }
        final Duration length = ConversionService.SHARED.convert(value.strip(), Duration.class)
            .orElseThrow(() -> new IllegalArgumentException("tthc.pipeline.due-soon-window: '" + value
                + "' is neither working days (1wd) nor a duration (24h, 60s, PT2H)"));
        if (length.isNegative()) {
            throw new IllegalArgumentException("tthc.pipeline.due-soon-window: '" + value + "' is negative");
        }
        return DueSoonWindow.fixed(length);
    }
}
