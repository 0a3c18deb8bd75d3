package vn.tthc.monitor.contract.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand reading of the common form agrees with ISO_OFFSET_DATE_TIME on every input, valid or not. */
class OffsetTimestampTest {

    private static final String DIGITS_AND_SIGNS = "0123456789+-:.TZtz ";

    @Test
    void readsTheCommonForms() {
        assertThat(OffsetTimestamp.parse("2026-03-02T08:15:00+07:00")).isEqualTo(Instant.parse("2026-03-02T01:15:00Z"));
        assertThat(OffsetTimestamp.parse("2026-03-02T08:15:00.5Z")).isEqualTo(Instant.parse("2026-03-02T08:15:00.500Z"));
        assertThat(OffsetTimestamp.parse("2026-12-31T23:59:59.123456789-05:30"))
            .isEqualTo(Instant.parse("2027-01-01T05:29:59.123456789Z"));
    }

    @Test
    void refusesWhatTheFormatterRefuses() {
        for (final String text : List.of("2026-02-29T08:15:00+07:00", "2026-03-02T24:00:00Z", "2026-03-02T08:15:00",
            "2026-03-02T08:15:00+19:00", "2026-13-02T08:15:00Z", "2026-03-02 08:15:00Z")) {
            assertThatThrownBy(() -> OffsetTimestamp.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void agreesWithTheFormatterOnEdgeCasesAndMutations() {
        final List<String> inputs = new ArrayList<>(List.of("2026-03-02T08:15+07:00", "2026-03-02t08:15:00z",
            "2026-03-02T08:15:00-00:00", "2026-03-02T08:15:00.Z", "2026-03-02T08:15:00+00:00", "2026-03-02T08:15:00+18:00", "2026-03-02T08:15:00-18:00",
            "2026-03-02T08:15:00+07:00:30", "2026-03-02T08:15:00+0700", "2026-03-02T08:15:00.1234567891Z",
            "0000-01-01T00:00:00Z", "+12026-03-02T08:15:00Z", "2024-02-29T23:59:59.999999999+14:00",
            "2026-03-02T08:15:60Z", "2026-03-02T08:60:00Z", "2026-04-31T08:15:00Z", "2026-03-02T08:15:00+07:60"));
        final SplittableRandom random = new SplittableRandom(7);
        final String[] seeds = {"2026-03-02T08:15:00+07:00", "2026-03-02T08:15:00.250Z", "2025-12-31T23:59:59.999-03:30"};
        for (int i = 0; i < 20_000; i++) {
            final StringBuilder text = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            for (int edits = random.nextInt(1, 3); edits > 0; edits--) {
                final int at = random.nextInt(text.length());
                final char c = DIGITS_AND_SIGNS.charAt(random.nextInt(DIGITS_AND_SIGNS.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, c);
                    case 1 -> text.insert(at, c);
                    default -> text.deleteCharAt(at);
                }
            }
            inputs.add(text.toString());
        }
        for (final String text : inputs) {
            assertThat(outcome(() -> OffsetTimestamp.parse(text))).as(text)
                .isEqualTo(outcome(() -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()));
        }
    }

    /** The instant read, or the word "refused". */
    private static String outcome(final java.util.function.Supplier<Instant> reading) {
        try {
            return reading.get().toString();
        } catch (final DateTimeParseException e) {
            return "refused";
        }
    }
}
