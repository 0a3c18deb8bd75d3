package vn.tthc.monitor.ingest.client;

/** 403: the API key may not send events of this {@code source} (a key sends only its own system's events). Not retried. */
public final class ForbiddenSourceException extends IngestException {

    public ForbiddenSourceException(final String message, final int status, final IngestResult resultSoFar, final Throwable cause) {
        super(message, status, resultSoFar, cause);
    }
}
