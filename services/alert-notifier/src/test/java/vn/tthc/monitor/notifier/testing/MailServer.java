package vn.tthc.monitor.notifier.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A real SMTP server (GreenMail) on a fixed free loopback port that can be stopped and started again. */
public final class MailServer implements AutoCloseable {

    /**
     * A received mail, decoded: the plain text, the HTML alternative when there is one (else null), and the parts
     * sent as attachments.
     */
    public record Mail(String to, String subject, String body, String html, String messageId,
                       List<Attached> attachments) {
    }

    /** An attachment part: its file name, MIME type (without parameters) and decoded bytes. */
    public record Attached(String fileName, String contentType, byte[] content) {
    }

    private final int port = freePort();
    private GreenMail greenMail;

    public int port() {
        return port;
    }

    public void start() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** Stops the server; what it received so far is forgotten. */
    public void stop() {
        greenMail.stop();
        greenMail = null;
    }

    public List<Mail> received() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(MailServer::decode).toList();
    }

    private static Mail decode(final MimeMessage message) {
        try {
            final String[] texts = new String[2];
            final List<Attached> attachments = new ArrayList<>();
            if (message.getContent() instanceof MimeMultipart parts) {
                walk(parts, texts, attachments);
            } else {
                texts[0] = message.getContent().toString();
            }
            return new Mail(message.getAllRecipients()[0].toString(), message.getSubject(), texts[0], texts[1],
                message.getMessageID(), List.copyOf(attachments));
        } catch (final MessagingException | IOException e) {
            throw new IllegalStateException("cannot read a received mail", e);
        }
    }

    /** The text and HTML parts into {@code texts[0]} and {@code texts[1]}, the attachments in order, at any depth. */
    private static void walk(final MimeMultipart parts, final String[] texts, final List<Attached> attachments)
        throws MessagingException, IOException {
        for (int i = 0; i < parts.getCount(); i++) {
            final BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (InputStream in = part.getInputStream()) {
                    attachments.add(new Attached(part.getFileName(),
                        part.getContentType().split(";")[0].strip().toLowerCase(java.util.Locale.ROOT), in.readAllBytes()));
                }
            } else if (part.getContent() instanceof MimeMultipart nested) {
                walk(nested, texts, attachments);
            } else if (part.isMimeType("text/plain")) {
                texts[0] = part.getContent().toString();
            } else if (part.isMimeType("text/html")) {
                texts[1] = part.getContent().toString();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
