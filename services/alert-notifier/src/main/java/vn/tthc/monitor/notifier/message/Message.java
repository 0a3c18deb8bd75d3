package vn.tthc.monitor.notifier.message;

/**
 * One notification in Vietnamese: its subject, plain-text body and the dashboard link it gives; for an alert
 * mail also its HTML part and the {@link MailDocument} both parts lay out (sent as is in the webhook JSON).
 *
 * @param html     the HTML alternative of {@code body}; null: the mail is plain text only (digests)
 * @param document what the mail says, structured; null for digests
 * @param attachment a file the mail carries (a verdict mail's evaluation report); null: none
 */
public record Message(String subject, String body, String link, String html, MailDocument document,
                      Attachment attachment) {

    /** A plain-text notification. */
    public Message(final String subject, final String body, final String link) {
        this(subject, body, link, null, null, null);
    }

    /** The mail of a document: both parts laid out from it. */
    public static Message of(final MailDocument document) {
        return new Message(document.subject(), MailLayout.text(document), document.dashboard(),
            MailLayout.html(document), document, null);
    }

    /** The same mail carrying {@code file}. */
    public Message with(final Attachment file) {
        return new Message(subject, body, link, html, document, file);
    }
}
