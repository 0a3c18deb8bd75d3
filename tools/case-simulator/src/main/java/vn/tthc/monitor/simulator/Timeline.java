package vn.tthc.monitor.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Maps the simulated calendar onto the timestamps the events carry. Real time leaves instants as
 * they are; a compressed timeline lets a whole simulated day pass in {@code dayLength} from
 * {@code startsAt}, so that a live run shows days passing in minutes while its timestamps stay
 * near the wall clock (which the monitor's due-time watch compares them with).
 */
public record Timeline(Instant simulatedStart, Instant startsAt, Duration dayLength) {

    private static final Duration DAY = Duration.ofDays(1);

    /** Timestamps are the simulated instants themselves. */
    public static Timeline realTime(final Instant start) {
        return new Timeline(start, start, DAY);
    }

    public boolean isRealTime() {
        return dayLength.equals(DAY) && simulatedStart.equals(startsAt);
    }

    /** The timestamp of a simulated instant: whole seconds in real time, milliseconds when compressed. */
    public Instant timestampOf(final Instant simulated) {
        if (isRealTime()) {
            return simulated.truncatedTo(ChronoUnit.SECONDS);
        }
        final double elapsedMillis = Duration.between(simulatedStart, simulated).toMillis();
        final double scale = (double) dayLength.toMillis() / DAY.toMillis();
        return startsAt.plusMillis((long) Math.floor(elapsedMillis * scale));
    }
}
