package vn.tthc.monitor.ingest.client;

/**
 * A batch could not be delivered. {@link #resultSoFar()} holds the outcomes of the batches
 * delivered before it, so that a caller knows which events it must send again (sending an event
 * twice is safe: the second delivery is reported as a duplicate).
 */
public class IngestException extends RuntimeException {

    private final int status;
    private final transient IngestResult resultSoFar;

    public IngestException(final String message, final int status, final IngestResult resultSoFar, final Throwable cause) {
        super(message, cause);
        this.status = status;
        this.resultSoFar = resultSoFar;
    }

    /** The HTTP status of the last answer, or 0 when there was none (connection error). */
    public int status() {
        return status;
    }

    /** The outcomes of the events delivered before the failing batch. */
    public IngestResult resultSoFar() {
        return resultSoFar;
    }
}
