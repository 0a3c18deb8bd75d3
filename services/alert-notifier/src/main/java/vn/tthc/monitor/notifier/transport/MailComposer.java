package vn.tthc.monitor.notifier.transport;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import vn.tthc.monitor.notifier.delivery.Delivery;
import vn.tthc.monitor.notifier.message.Attachment;
import vn.tthc.monitor.notifier.message.Message;

/**
 * Builds the mail of a delivery: UTF-8, multipart/alternative with the plain text first and the HTML part last
 * (clients show the last they can) when the message has HTML, else plain text only, to the head by name, with the idempotency key as
 * Message-ID ({@code <key@tthc-monitor>}) so that a mail sent twice is recognisably the same mail. A message with an
 * attachment (a verdict mail's evaluation report) becomes multipart/mixed: the text (or the text/HTML alternative)
 * first, then the file as an attachment part with its file name, base64.
 */
public final class MailComposer {

    public static final String IDEMPOTENCY_HEADER = "X-TTHC-Idempotency-Key";

    private final InternetAddress from;

    public MailComposer(final String fromAddress, final String fromName) {
        try {
            this.from = new InternetAddress(fromAddress, fromName, StandardCharsets.UTF_8.name());
        } catch (final UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    public MimeMessage compose(final Session session, final Delivery delivery) throws MessagingException {
        final MimeMessage mail = new FixedIdMessage(session, "<" + delivery.idempotencyKey() + "@tthc-monitor>");
        mail.setFrom(from);
        try {
            mail.setRecipient(jakarta.mail.Message.RecipientType.TO,
                new InternetAddress(delivery.address(), delivery.recipient().name(), StandardCharsets.UTF_8.name()));
        } catch (final UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        mail.setSubject(delivery.notification().message().subject(), StandardCharsets.UTF_8.name());
        final Message message = delivery.notification().message();
        if (message.attachment() == null) {
            body(mail, message);
        } else {
            final MimeBodyPart content = new MimeBodyPart();
            body(content, message);
            final Attachment file = message.attachment();
            final MimeBodyPart attached = new MimeBodyPart();
            attached.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
            attached.setFileName(file.fileName());
            attached.setDisposition(Part.ATTACHMENT);
            attached.setHeader("Content-Transfer-Encoding", "base64");
            final MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(content);
            mixed.addBodyPart(attached);
            mail.setContent(mixed);
        }
        mail.setSentDate(new Date());
        mail.setHeader(IDEMPOTENCY_HEADER, delivery.idempotencyKey());
        mail.saveChanges();
        return mail;
    }

    /** The plain text, or the multipart/alternative of the text and the HTML when the message has HTML. */
    private static void body(final MimePart part, final Message message) throws MessagingException {
        if (message.html() == null) {
            part.setText(message.body(), StandardCharsets.UTF_8.name());
        } else {
            final MimeBodyPart text = new MimeBodyPart();
            text.setText(message.body(), StandardCharsets.UTF_8.name());
            final MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
            final MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            part.setContent(alternative);
        }
    }

    /** Keeps the Message-ID given instead of the random one Jakarta Mail sets on save. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        private FixedIdMessage(final Session session, final String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
