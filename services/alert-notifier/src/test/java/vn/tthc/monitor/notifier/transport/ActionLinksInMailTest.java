package vn.tthc.monitor.notifier.transport;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.action.AlertKeys;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.notifier.delivery.Delivery;
import vn.tthc.monitor.notifier.delivery.Notification;
import vn.tthc.monitor.notifier.delivery.NotificationKind;
import vn.tthc.monitor.notifier.message.ActionLinks;
import vn.tthc.monitor.notifier.message.CaseLinks;
import vn.tthc.monitor.notifier.message.Message;
import vn.tthc.monitor.notifier.registry.Head;
import vn.tthc.monitor.notifier.testing.MailFixtures;
import vn.tthc.monitor.notifier.testing.TestAlerts;
import vn.tthc.monitor.operator.SignedLinks;

/**
 * A breach mail with a link key and a public URL: each recipient's mail links "Ghi nhận hành động khắc phục" to
 * {@code <public URL>/actions?token=…}, the token signed for that alert and that recipient's address, valid for the
 * configured time; without a link key the mail has no such link; a recovery mail never has one.
 */
class ActionLinksInMailTest {

    private static final String KEY = "the-notifier-and-kpi-streams-share-this-key";
    private static final Clock CLOCK = Clock.fixed(TestAlerts.NOW, ZoneOffset.UTC);
    private static final Pattern LINK = Pattern.compile("https://tthc\\.example\\.vn/actions\\?token=([A-Za-z0-9_.-]+)");

    @Test
    void eachRecipientGetsItsOwnSignedLinkPerAlert() throws Exception {
        final KpiAlert alert = MailFixtures.oneMonth();
        final Message message = TestAlerts.alertMessages("http://127.0.0.1:3000", "https://tthc.example.vn")
            .raised(List.of(alert), MailFixtures.unit("UBND-P-BAN-CO"));
        final ActionLinks links = new ActionLinks(new CaseLinks("https://tthc.example.vn/"), new SignedLinks(KEY),
            Duration.ofDays(7), CLOCK);
        final SignedLinks checker = new SignedLinks(KEY);
        for (final String address : List.of("binh.tran@example.org", "an.le@example.org")) {
            final String text = part(compose(links, message, address), 0);
            assertThat(text).contains("Ghi nhận hành động khắc phục:");
            final Matcher link = LINK.matcher(text);
            assertThat(link.find()).as(text).isTrue();
            assertThat(checker.check(link.group(1), TestAlerts.NOW)).isEqualTo(new SignedLinks.Valid(
                AlertKeys.text(alert.key()), address, TestAlerts.NOW.plus(Duration.ofDays(7))));
            final String html = part(compose(links, message, address), 1);
            final Matcher htmlLink = LINK.matcher(html);
            assertThat(htmlLink.find()).isTrue();
            assertThat(checker.check(htmlLink.group(1), TestAlerts.NOW)).isInstanceOf(SignedLinks.Valid.class);
            assertThat(html).contains(">Tỷ lệ");
        }
    }

    @Test
    void noLinkWithoutAKeyNorInARecoveryMail() throws Exception {
        final Message breach = TestAlerts.alertMessages("http://127.0.0.1:3000", "https://tthc.example.vn")
            .raised(List.of(MailFixtures.oneMonth()), MailFixtures.unit("UBND-P-BAN-CO"));
        assertThat(part(compose(ActionLinks.none(), breach, "binh.tran@example.org"), 0))
            .doesNotContain("hành động khắc phục").doesNotContain("/actions?token=");
        final Message recovery = TestAlerts.alertMessages("http://127.0.0.1:3000", "https://tthc.example.vn")
            .resolved(MailFixtures.recovered(), MailFixtures.unit("UBND-P-BAN-CO"));
        final ActionLinks links = new ActionLinks(new CaseLinks("https://tthc.example.vn"), new SignedLinks(KEY),
            Duration.ofDays(7), CLOCK);
        assertThat(part(compose(links, recovery, "binh.tran@example.org"), 0)).doesNotContain("/actions?token=");
    }

    private static MimeMessage compose(final ActionLinks links, final Message message, final String address)
        throws Exception {
        final Notification notification = new Notification(NotificationKind.RAISED, "test", "UBND-P-BAN-CO", message,
            Map.of(), TestAlerts.NOW, List.of(new Head("Trần Thị Bình", address, null)), List.of());
        final Delivery delivery = notification.deliveries().get(0);
        return new MailComposer("tthc-monitor@example.org", "TTHC Monitor", links)
            .compose(Session.getInstance(new Properties()), delivery);
    }

    private static String part(final MimeMessage mail, final int index) throws Exception {
        return ((MimeMultipart) mail.getContent()).getBodyPart(index).getContent().toString();
    }
}
