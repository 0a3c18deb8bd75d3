package vn.tthc.monitor.ingest.client;

/** The gateway stayed unavailable (429, 5xx or connection errors) through every attempt. */
public final class RetriesExhaustedException extends IngestException {

    public RetriesExhaustedException(final String message, final int status, final IngestResult resultSoFar, final Throwable cause) {
        super(message, status, resultSoFar, cause);
    }
}
