package vn.tthc.monitor.gateway.ingest;

/** A request body that cannot be split into events: answered 400 with this message as detail. */
public final class MalformedBodyException extends Exception {

    public MalformedBodyException(final String detail) {
        super(detail, null, false, false);
    }
}
