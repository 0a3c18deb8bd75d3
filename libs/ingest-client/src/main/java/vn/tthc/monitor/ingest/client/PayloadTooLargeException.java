package vn.tthc.monitor.ingest.client;

/** 413: the batch is too large for the gateway; lower the batch size. Not retried. */
public final class PayloadTooLargeException extends IngestException {

    public PayloadTooLargeException(final String message, final int status, final IngestResult resultSoFar, final Throwable cause) {
        super(message, status, resultSoFar, cause);
    }
}
