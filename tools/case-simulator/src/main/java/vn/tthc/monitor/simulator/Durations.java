package vn.tthc.monitor.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations on the command line: {@code 500ms}, {@code 60s}, {@code 10m}, {@code 24h}, {@code 2d}, or ISO-8601 ({@code PT1M}). */
final class Durations {

    /** For picocli options typed {@link Duration}. */
    static final class Converter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(final String value) {
            return parse(value);
        }
    }

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    static Duration parse(final String text) {
        final String value = text.trim().toLowerCase(Locale.ROOT);
        final Matcher matcher = SHORT.matcher(value);
        final Duration duration;
        if (matcher.matches()) {
            final long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            duration = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("a duration must be positive, was '" + text + "'");
        }
        return duration;
    }
}
