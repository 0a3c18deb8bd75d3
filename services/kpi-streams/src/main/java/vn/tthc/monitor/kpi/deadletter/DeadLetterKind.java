package vn.tthc.monitor.kpi.deadletter;

import java.util.Locale;

/**
 * Why a record was dead-lettered by an exception handler: the label of the metric
 * {@code tthc_events_dead_lettered_total} and the {@code tthc.rejection.kind} header. A fixed set,
 * so the metric's series stay few whatever the exceptions' texts.
 */
public enum DeadLetterKind {
    /** A further distinct event of a case or feedback whose history is full (docs/CONTRACT-NOTES.md). */
    HISTORY_FULL,
    /** Anything else thrown while a processor handled the record. */
    PROCESSING_ERROR,
    /** A result of the record that the broker or the producer refused, e.g. too large. */
    PRODUCTION_ERROR,
    /** A result of the record that could not be serialized. */
    SERIALIZATION_ERROR,
    /** A record of a topic the pipeline reads that could not be deserialized. */
    DESERIALIZATION_ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
