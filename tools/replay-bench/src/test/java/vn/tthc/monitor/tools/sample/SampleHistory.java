package vn.tthc.monitor.tools.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.event.Event;

/**
 * Writes a made-up history of a province as a JSON Lines file, in the order the events happened,
 * as a case system's export would be; one line in a hundred is delivered twice and one in two
 * thousand is broken, as real exports are. The same seed gives the same file.
 */
public final class SampleHistory {

    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration BETWEEN_CASES = Duration.ofMinutes(2);

    private SampleHistory() {
    }

    /** Writes at least {@code events} lines for cases received from {@code start} on; returns the lines written. */
    public static long write(final Path file, final long events, final long seed, final Instant start) throws IOException {
        final CaseLifecycles lifecycles = new CaseLifecycles(SampleProvince.standard(), DAY, "H" + seed + "-");
        final SplittableRandom random = new SplittableRandom(seed);
        final TimedEvents pending = new TimedEvents();
        final long[] written = {0};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            final java.util.function.Consumer<Event> sink = event -> {
                final String line = json(event);
                writeLine(out, line);
                written[0]++;
                if (random.nextDouble() < 0.01) {
                    writeLine(out, line);
                    written[0]++;
                }
                if (random.nextDouble() < 0.0005) {
                    writeLine(out, line.substring(0, line.length() / 2));
                    written[0]++;
                }
            };
            for (long n = 0; written[0] < events; n++) {
                final Instant receivedAt = start.plus(BETWEEN_CASES.multipliedBy(n));
                pending.takeUntil(receivedAt, sink);
                pending.addAll(lifecycles.caseEvents(n, receivedAt));
            }
            pending.takeAll(sink);
        } catch (final UncheckedIOException e) {
            throw e.getCause();
        }
        return written[0];
    }

    static String json(final Event event) {
        try {
            return ContractJson.mapper().writeValueAsString(event);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event, e);
        }
    }

    private static void writeLine(final BufferedWriter out, final String line) {
        try {
            out.write(line);
            out.newLine();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
