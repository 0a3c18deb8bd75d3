package vn.tthc.monitor.contract.cases;

import java.time.Duration;
import java.time.Instant;

/**
 * A time the case waited on the citizen: opened by a supplement request, closed by the
 * supplement's arrival ({@code end} is {@code null} while the pause is open). {@code restartedDue}
 * is the due time the case system recomputed when the supplement arrived, if it sent one.
 */
public record Pause(Instant start, Instant end, Instant restartedDue) {

    public boolean isOpen() {
        return end == null;
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
