package vn.tthc.monitor.ingest.client;

/** 400, 415 or another 4xx the client does not expect: the request itself is wrong. Not retried. */
public final class InvalidRequestException extends IngestException {

    public InvalidRequestException(final String message, final int status, final IngestResult resultSoFar, final Throwable cause) {
        super(message, status, resultSoFar, cause);
    }
}
