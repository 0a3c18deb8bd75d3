package vn.tthc.monitor.notifier.transport;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import vn.tthc.monitor.notifier.delivery.ChannelKind;
import vn.tthc.monitor.notifier.delivery.Delivery;
import vn.tthc.monitor.notifier.delivery.DeliveryException;
import vn.tthc.monitor.notifier.delivery.Transport;

/**
 * Writes each mail as {@code <idempotency key>.eml} into a directory instead of sending it: the local
 * mail catcher of {@code ./tthc up}, used when no SMTP host is configured. A mail written twice
 * replaces itself.
 */
public final class MailDirectoryTransport implements Transport {

    private final Path directory;
    private final MailComposer composer;
    private final Session session = Session.getInstance(new Properties());

    public MailDirectoryTransport(final Path directory, final MailComposer composer) {
        this.directory = directory;
        this.composer = composer;
    }

    @Override
    public ChannelKind channel() {
        return ChannelKind.EMAIL;
    }

    @Override
    public void send(final Delivery delivery) throws DeliveryException {
        try {
            Files.createDirectories(directory);
            final Path file = directory.resolve(delivery.idempotencyKey() + ".eml");
            final Path partial = directory.resolve(delivery.idempotencyKey() + ".eml.part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                composer.compose(session, delivery).writeTo(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (final IOException | MessagingException e) {
            throw new DeliveryException("cannot write the mail into " + directory + ": " + e.getMessage(), e);
        }
    }
}
