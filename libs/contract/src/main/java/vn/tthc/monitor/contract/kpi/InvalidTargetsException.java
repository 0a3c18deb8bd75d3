package vn.tthc.monitor.contract.kpi;

/** A targets file that cannot be used; the message names the file, the place in it and the problem. */
public class InvalidTargetsException extends RuntimeException {

    public InvalidTargetsException(final String message) {
        super(message);
    }
}
