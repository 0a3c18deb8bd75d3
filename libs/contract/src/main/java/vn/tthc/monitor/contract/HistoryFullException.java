package vn.tthc.monitor.contract;

/**
 * A new distinct event of a case or feedback whose history already holds the most events it may
 * (docs/CONTRACT-NOTES.md, "Bounded histories"): the event is rejected and dead-lettered with this
 * message, so that no stored history grows without bound.
 */
public final class HistoryFullException extends RuntimeException {

    public HistoryFullException(final String entity, final String id, final int maxEvents, final String eventId) {
        super(entity + " " + id + " holds " + maxEvents + " distinct events, the most a history may hold: event "
            + eventId + " is not counted");
    }
}
