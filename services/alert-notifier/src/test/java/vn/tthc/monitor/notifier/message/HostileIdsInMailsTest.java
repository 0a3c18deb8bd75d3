package vn.tthc.monitor.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.notifier.testing.TestAlerts.NOW;
import static vn.tthc.monitor.notifier.testing.TestAlerts.UNITS;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.CaseWarning;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.notifier.registry.Unit;

/** Ids from events are data in the mails: quoted, on one line, never a link, cut when long. */
class HostileIdsInMailsTest {

    private static final String PHISHING = "HS-1\r\n\r\nKHẨN: tài khoản bị khoá, đăng nhập lại tại http://evil.example.com/login";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String BIDI = "HS-\u202Egnp.exe\u2028\u2029\u2066x\u0000";

    private final DashboardLinks dashboards = new DashboardLinks("https://grafana.example.org");
    private final AlertMessages alerts = new AlertMessages(dashboards);
    private final DigestMessages digests = new DigestMessages(dashboards);
    private final Unit banCo = UNITS.unit("UBND-P-BAN-CO").orElseThrow();

    @Test
    void aCaseIdWithLineBreaksAndALinkStaysOneQuotedInertLineOfTheDigest() {
        final Message digest = digests.digest(banCo, List.of(new CaseWarning(CaseWarning.Kind.OVERDUE, PHISHING,
            "UBND-P-BAN-CO", "HO_TICH\nwww.evil.vn", "KHAI_SINH@evil.vn", NOW.minusSeconds(60), NOW)));

        // cut at 64 code points, before the host is complete
        assertThat(digest.body()).contains("  - «HS-1\uFFFD\uFFFD\uFFFD\uFFFDKHẨN: tài khoản bị khoá, đăng nhập lại tại "
            + "http[:]//evil.e…»: lĩnh vực «HO_TICH\uFFFDwww[.]evil[.]vn», thủ tục «KHAI_SINH[@]evil[.]vn»");
        assertThat(MailText.quoted("http://evil.example.com/login")).isEqualTo("«http[:]//evil[.]example[.]com/login»");
        assertThat(digest.body().lines()).noneMatch(line -> line.startsWith("KHẨN"));
        assertThat(digest.body()).doesNotContain("http://evil").doesNotContain("\r");
        assertThat(digest.link()).isEqualTo("https://grafana.example.org/d/tthc-unit?var-unit=UBND-P-BAN-CO");
    }

    @Test
    void bidiOverridesSeparatorsAndControlsInADrivingIdAreNeutralised() {
        final Message raised = alerts.raised(alert("*", List.of(BIDI, SCRIPT, "HS-«x»")), banCo);

        assertThat(raised.body()).contains("  - «HS-\uFFFDgnp[.]exe\uFFFD\uFFFD\uFFFDx\uFFFD»\n")
            .contains("  - «<script>alert(1)</script>»\n")
            .contains("  - «HS-‹x›»\n");
        assertThat(raised.body().codePoints()).noneMatch(c -> Character.getType(c) == Character.FORMAT
            || c == 0x2028 || c == 0x2029 || c == 0 || c == '\r');
    }

    @Test
    void aFieldIdInTheSubjectCannotStartAHeaderLine() {
        final Message escalated = alerts.escalated(alert("DAT_DAI\r\nBcc: all@example.org", List.of()), banCo,
            UNITS.unit("UBND-TP").orElseThrow(), Duration.ofHours(5));

        assertThat(escalated.subject()).contains("(lĩnh vực «DAT_DAI\uFFFD\uFFFDBcc: all[@]example[.]org»)")
            .doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void aVeryLongIdIsCutWithAnEllipsis() {
        final String longId = "HS-" + "9".repeat(10_000);
        final Message raised = alerts.raised(alert("*", List.of(longId)), banCo);

        assertThat(raised.body()).contains("  - «HS-" + "9".repeat(MailText.MAX_ID_LENGTH - 3) + "…»\n")
            .doesNotContain("9".repeat(MailText.MAX_ID_LENGTH));
    }

    @Test
    void anUnpairedSurrogateIsReplacedAndAPairKept() {
        assertThat(MailText.quoted("A\uD800B\uD83D\uDE00")).isEqualTo("«A\uFFFDB\uD83D\uDE00»");
        assertThat(MailText.quoted(null)).isEqualTo("«»");
    }

    private static KpiAlert alert(final String fieldId, final List<String> drivingIds) {
        return new KpiAlert("UBND-P-BAN-CO", fieldId, "2026-11", "onTimeRate", AlertState.RAISED, false, 0.93, 0.98,
            200, 20, -10L, drivingIds, NOW, NOW);
    }
}
