package vn.tthc.monitor.ingest.client;

/** 401: the API key is missing, unknown or revoked. Not retried. */
public final class AuthenticationException extends IngestException {

    public AuthenticationException(final String message, final int status, final IngestResult resultSoFar, final Throwable cause) {
        super(message, status, resultSoFar, cause);
    }
}
