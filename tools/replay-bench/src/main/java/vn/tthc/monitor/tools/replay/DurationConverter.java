package vn.tthc.monitor.tools.replay;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** A duration on the command line as people write it: {@code 500ms}, {@code 120s}, {@code 5m}, {@code 1h}, or ISO-8601 ({@code PT2M}). */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(final String value) {
        final Matcher matcher = SHORT.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            try {
                return Duration.parse(value.trim());
            } catch (final java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("not a duration: '" + value + "' (e.g. 120s, 5m, 500ms)");
            }
        }
        final long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
