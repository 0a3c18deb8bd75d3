package vn.tthc.monitor.gateway.ingest;

/** The broker did not acknowledge every accepted event in time: answered 503, the client re-sends. */
public final class EventLogUnavailableException extends Exception {

    public EventLogUnavailableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
