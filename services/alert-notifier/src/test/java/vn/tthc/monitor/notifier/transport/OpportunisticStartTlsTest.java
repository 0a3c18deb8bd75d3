package vn.tthc.monitor.notifier.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.notifier.delivery.Delivery;
import vn.tthc.monitor.notifier.delivery.Notification;
import vn.tthc.monitor.notifier.delivery.NotificationKind;
import vn.tthc.monitor.notifier.message.Message;
import vn.tthc.monitor.notifier.registry.Head;
import vn.tthc.monitor.notifier.testing.MailServer;

/** STARTTLS is used by default whenever a server offers it, and a server that does not still gets the mail. */
class OpportunisticStartTlsTest {

    private final MailServer smtp = new MailServer();

    @AfterEach
    void stopServer() {
        smtp.close();
    }

    @Test
    void byDefaultStartTlsIsUsedWhenOfferedAndNotRequired() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).build()) {
            final Environment environment = context.getEnvironment().start();
            assertThat(environment.getProperty("tthc.smtp.start-tls", Boolean.class)).contains(true);
            assertThat(environment.getProperty("tthc.smtp.start-tls-required", Boolean.class)).contains(false);
        }
        final Properties session = SmtpTransport.sessionProperties(settings(true, false));
        assertThat(session).containsEntry("mail.smtp.starttls.enable", "true").containsEntry("mail.smtp.starttls.required", "false");
        assertThat(SmtpTransport.sessionProperties(settings(false, true)))
            .containsEntry("mail.smtp.starttls.enable", "true").containsEntry("mail.smtp.starttls.required", "true");
    }

    @Test
    void aServerThatDoesNotOfferStartTlsStillGetsTheMail() throws Exception {
        smtp.start();
        assertThat(ehloExtensions()).isNotEmpty().noneMatch(line -> line.toUpperCase(Locale.ROOT).contains("STARTTLS"));

        new SmtpTransport(settings(true, false), new MailComposer("tthc-monitor@example.org", "TTHC Monitor")).send(delivery());

        assertThat(smtp.received()).extracting(MailServer.Mail::subject).containsExactly("Thử STARTTLS");
    }

    @Test
    void aServerThatDoesNotOfferStartTlsGetsNothingWhenItIsRequired() {
        smtp.start();

        final SmtpTransport required = new SmtpTransport(settings(true, true),
            new MailComposer("tthc-monitor@example.org", "TTHC Monitor"));

        assertThatThrownBy(() -> required.send(delivery()))
            .hasMessageContaining("STARTTLS");
        assertThat(smtp.received()).isEmpty();
    }

    private SmtpTransport.SmtpSettings settings(final boolean startTls, final boolean required) {
        return new SmtpTransport.SmtpSettings("127.0.0.1", smtp.port(), null, null, startTls, required, Duration.ofSeconds(5));
    }

    private static Delivery delivery() {
        final Head head = new Head("Trần Thị Bình", "binh.tran@example.org", null);
        final Notification notification = new Notification(NotificationKind.DIGEST, "test", "UBND-P-BAN-CO",
            new Message("Thử STARTTLS", "Nội dung", "http://127.0.0.1:3000"), Map.of(), Instant.now(), List.of(head),
            List.of());
        return notification.deliveries().get(0);
    }

    /** The extension lines the server answers to EHLO. */
    private List<String> ehloExtensions() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", smtp.port());
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
            final OutputStream out = socket.getOutputStream();
            in.readLine();
            out.write("EHLO test\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            final List<String> lines = new ArrayList<>();
            String line;
            do {
                line = in.readLine();
                lines.add(line);
            } while (line != null && line.startsWith("250-"));
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            return lines;
        }
    }
}
