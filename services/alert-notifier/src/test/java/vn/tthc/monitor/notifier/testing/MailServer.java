package vn.tthc.monitor.notifier.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/** A real SMTP server (GreenMail) on a fixed free loopback port that can be stopped and started again. */
public final class MailServer implements AutoCloseable {

    /** A received mail, decoded: the plain text, and the HTML alternative when there is one (else null). */
    public record Mail(String to, String subject, String body, String html, String messageId) {
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
            String text = null;
            String html = null;
            if (message.getContent() instanceof MimeMultipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    final BodyPart part = parts.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = part.getContent().toString();
                    } else if (part.isMimeType("text/html")) {
                        html = part.getContent().toString();
                    }
                }
            } else {
                text = message.getContent().toString();
            }
            return new Mail(message.getAllRecipients()[0].toString(), message.getSubject(), text, html,
                message.getMessageID());
        } catch (final MessagingException | IOException e) {
            throw new IllegalStateException("cannot read a received mail", e);
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
