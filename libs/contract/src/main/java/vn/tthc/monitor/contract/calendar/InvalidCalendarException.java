package vn.tthc.monitor.contract.calendar;

/** A holiday year file or a calendar override that cannot be used; the message names the file and the problems. */
public class InvalidCalendarException extends RuntimeException {

    public InvalidCalendarException(final String message) {
        super(message);
    }
}
