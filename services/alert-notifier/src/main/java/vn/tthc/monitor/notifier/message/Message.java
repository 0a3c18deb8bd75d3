package vn.tthc.monitor.notifier.message;

/** The subject and plain-text body of one notification, in Vietnamese, and the dashboard link it gives. */
public record Message(String subject, String body, String link) {
}
