package vn.tthc.monitor.tools.replay;

/** A replay that cannot go on; the message says why in words an operator can act on. */
public class ReplayException extends RuntimeException {

    public ReplayException(final String message) {
        super(message);
    }
}
