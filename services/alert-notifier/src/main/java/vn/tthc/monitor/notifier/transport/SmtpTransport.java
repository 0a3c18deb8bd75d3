package vn.tthc.monitor.notifier.transport;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;
import vn.tthc.monitor.notifier.delivery.ChannelKind;
import vn.tthc.monitor.notifier.delivery.Delivery;
import vn.tthc.monitor.notifier.delivery.DeliveryException;
import vn.tthc.monitor.notifier.delivery.Transport;

/**
 * Sends mails to an SMTP server (Jakarta Mail), with a login when a user is given and STARTTLS
 * whenever the server offers it (required only when configured so).
 */
public final class SmtpTransport implements Transport {

    private final Session session;
    private final MailComposer composer;
    private final String user;
    private final String password;

    public SmtpTransport(final SmtpSettings settings, final MailComposer composer) {
        this.session = Session.getInstance(sessionProperties(settings));
        this.composer = composer;
        this.user = settings.user();
        this.password = settings.password();
    }

    /** The Jakarta Mail session of {@code settings}: STARTTLS used when offered, required only with {@code startTlsRequired}. */
    static Properties sessionProperties(final SmtpSettings settings) {
        final Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        final String timeout = Long.toString(settings.timeout().toMillis());
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls() || settings.startTlsRequired()));
        properties.put("mail.smtp.starttls.required", Boolean.toString(settings.startTlsRequired()));
        properties.put("mail.smtp.auth", Boolean.toString(settings.user() != null && !settings.user().isBlank()));
        return properties;
    }

    /**
     * @param startTls         upgrade to TLS when the server offers STARTTLS (opportunistic)
     * @param startTlsRequired refuse to send unless the connection could be upgraded
     * @param timeout          how long to wait to connect, read and write: a server that hangs delays the other deliveries
     */
    public record SmtpSettings(String host, int port, String user, String password, boolean startTls,
                               boolean startTlsRequired, Duration timeout) {

        @Override
        public String toString() {
            return "SmtpSettings[" + host + ":" + port + ", user=" + user + ", startTls=" + startTls
                + ", startTlsRequired=" + startTlsRequired + "]";
        }
    }

    @Override
    public ChannelKind channel() {
        return ChannelKind.EMAIL;
    }

    @Override
    public void send(final Delivery delivery) throws DeliveryException {
        try {
            final var mail = composer.compose(session, delivery);
            if (user == null || user.isBlank()) {
                jakarta.mail.Transport.send(mail);
            } else {
                jakarta.mail.Transport.send(mail, user, password);
            }
        } catch (final MessagingException e) {
            throw new DeliveryException("SMTP: " + e.getMessage(), e);
        }
    }
}
