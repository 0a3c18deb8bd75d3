package vn.tthc.monitor.simulator.config;

/** The province configuration breaks a rule of docs/SIMULATOR.md; the message says which. */
public final class InvalidConfigException extends RuntimeException {

    public InvalidConfigException(final String message) {
        super(message);
    }
}
