package vn.tthc.monitor.notifier.registry;

/** The field table is missing, empty, or has a line that breaks its format; the message says which. */
public class InvalidFieldTableException extends RuntimeException {

    public InvalidFieldTableException(final String message) {
        super(message);
    }
}
