package vn.tthc.monitor.notifier.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.notifier.testing.TestAlerts.UNITS;

import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.verdict.VerdictReport;
import vn.tthc.monitor.notifier.delivery.ChannelKind;
import vn.tthc.monitor.notifier.delivery.Delivery;
import vn.tthc.monitor.notifier.delivery.Notification;
import vn.tthc.monitor.notifier.delivery.NotificationKind;
import vn.tthc.monitor.notifier.message.Message;
import vn.tthc.monitor.notifier.registry.Unit;
import vn.tthc.monitor.notifier.testing.TestAlerts;
import vn.tthc.monitor.notifier.testing.VerdictFixtures;

/** The MIME structure of a mail with an attachment, written out and parsed back as a mail client would. */
class MailComposerTest {

    private final Session session = Session.getInstance(new Properties());

    private MimeMessage roundTrip(final Message message) throws Exception {
        final Unit unit = UNITS.unit("UBND-P-BAN-CO").orElseThrow();
        final Delivery delivery = new Notification(NotificationKind.VERDICT, "verdict|test", unit.id(), message, Map.of(),
            VerdictFixtures.FINAL_AT, List.of(unit.heads().get(0)), List.of()).deliveries().stream()
            .filter(d -> d.channel() == ChannelKind.EMAIL).findFirst().orElseThrow();
        final ByteArrayOutputStream raw = new ByteArrayOutputStream();
        new MailComposer("tthc-monitor@example.org", "TTHC Monitor").compose(session, delivery).writeTo(raw);
        return new MimeMessage(session, new ByteArrayInputStream(raw.toByteArray()));
    }

    @Test
    void aVerdictMailIsMixedTheAlternativeFirstThenThePdfAsABase64Attachment() throws Exception {
        final VerdictReport report = VerdictFixtures.banCoVerdict();
        final Unit unit = UNITS.unit("UBND-P-BAN-CO").orElseThrow();
        final Message message = TestAlerts.verdictMessages("http://127.0.0.1:3000")
            .verdict(report, unit, UNITS.parentOf(unit.id()));

        final MimeMessage mail = roundTrip(message);

        assertThat(mail.getContentType()).startsWith("multipart/mixed");
        final MimeMultipart mixed = (MimeMultipart) mail.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
        final MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(alternative.getBodyPart(0).getContent().toString().replace("\r\n", "\n")).isEqualTo(message.body());
        final Part pdf = mixed.getBodyPart(1);
        assertThat(pdf.getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);
        assertThat(pdf.getFileName()).isEqualTo("bao-cao-muc-tieu-chat-luong-UBND-P-BAN-CO-2026-Q3.pdf");
        assertThat(pdf.isMimeType("application/pdf")).isTrue();
        assertThat(pdf.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
        try (InputStream in = pdf.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(report.reportPdf());
        }
        assertThat(mail.getSubject()).isEqualTo(message.subject());
    }

    @Test
    void aMailWithoutAttachmentStaysTheAlternativeAlone() throws Exception {
        final MimeMessage mail = roundTrip(TestAlerts.alertMessages("http://127.0.0.1:3000", null)
            .raised(List.of(vn.tthc.monitor.notifier.testing.MailFixtures.oneMonth()),
                UNITS.unit("UBND-P-BAN-CO").orElseThrow()));

        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        assertThat(new String(mail.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).doesNotContain("application/pdf");
    }
}
