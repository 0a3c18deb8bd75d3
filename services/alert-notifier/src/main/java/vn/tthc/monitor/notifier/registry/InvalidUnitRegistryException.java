package vn.tthc.monitor.notifier.registry;

/** The units file is missing, is not valid YAML, or breaks a rule of its format; the message says where. */
public class InvalidUnitRegistryException extends RuntimeException {

    public InvalidUnitRegistryException(final String message) {
        super(message);
    }
}
