package vn.tthc.monitor.notifier.delivery;

/** A delivery did not happen (server down, refused, timed out); it is tried again later. */
public class DeliveryException extends Exception {

    public DeliveryException(final String message, final Throwable cause) {
        super(message, cause);
    }

    public DeliveryException(final String message) {
        super(message);
    }
}
