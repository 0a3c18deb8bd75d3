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
import vn.tthc.monitor.notifier.testing.TestAlerts;

/** Ids from events are data in the mails: quoted, on one line, never a link, cut when long. */
class HostileIdsInMailsTest {

    private static final String PHISHING = "HS-1\r\n\r\nKHẨN: tài khoản bị khoá, đăng nhập lại tại http://evil.example.com/login";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String BIDI = "HS-\u202Egnp.exe\u2028\u2029\u2066x\u0000";

    private final AlertMessages alerts = TestAlerts.alertMessages("https://grafana.example.org", "https://tthc.example.org");
    private final DigestMessages digests = TestAlerts.digestMessages("https://grafana.example.org", "https://tthc.example.org");
    private final Unit banCo = UNITS.unit("UBND-P-BAN-CO").orElseThrow();

    @Test
    void aCaseIdWithLineBreaksAndALinkStaysOneQuotedInertLineOfTheDigest() {
        final Message digest = digests.digest(banCo, List.of(new CaseWarning(CaseWarning.Kind.OVERDUE, PHISHING,
            "UBND-P-BAN-CO", "HO_TICH\nwww.evil.vn", "KHAI_SINH@evil.vn", NOW.minusSeconds(60), NOW)));

        // cut at 64 code points, before the host is complete
        assertThat(digest.body()).contains("  - «HS-1\uFFFD\uFFFD\uFFFD\uFFFDKHẨN: tài khoản bị khoá, đăng nhập lại tại "
            + "http[:]//evil.e…»: lĩnh vực «HO_TICH\uFFFDwww[.]evil[.]vn», thủ tục «KHAI_SINH[@]evil[.]vn»");
        assertThat(MailText.quoted("http://evil.example.com/login")).isEqualTo("«http[:]//evil[.]example[.]com/login»");
        assertThat(digest.body()).as("its console link, percent-encoded")
            .contains("\n    https://tthc.example.org/#/cases/HS-1%0D%0A%0D%0AKH%E1%BA%A8N%3A%20");
        assertThat(digest.body().lines()).noneMatch(line -> line.startsWith("KHẨN"));
        assertThat(digest.body()).doesNotContain("http://evil").doesNotContain("\r");
        assertThat(digest.link()).isEqualTo("https://grafana.example.org/d/tthc-unit?var-unit=UBND-P-BAN-CO");
    }

    @Test
    void bidiOverridesSeparatorsAndControlsInADrivingIdAreNeutralised() {
        final Message raised = alerts.raised(List.of(alert("*", List.of(BIDI, SCRIPT, "HS-«x»"))), banCo);

        assertThat(raised.body()).contains("   - «HS-\uFFFDgnp[.]exe\uFFFD\uFFFD\uFFFDx\uFFFD»\n")
            .contains("   - «<script>alert(1)</script>»\n")
            .contains("   - «HS-‹x›»\n");
        assertThat(raised.html()).contains("«&lt;script&gt;alert(1)&lt;/script&gt;»").doesNotContain("<script");
        assertThat(raised.body().codePoints()).noneMatch(c -> Character.getType(c) == Character.FORMAT
            || c == 0x2028 || c == 0x2029 || c == 0 || c == '\r');
    }

    @Test
    void aFieldIdInTheSubjectCannotStartAHeaderLine() {
        final Message escalated = alerts.escalated(alert("DAT_DAI\r\nBcc: all@example.org", List.of()), banCo,
            UNITS.unit("UBND-TP").orElseThrow(), Duration.ofHours(5), List.of());

        assertThat(escalated.subject()).contains("(«DAT_DAI\uFFFD\uFFFDBcc: all[@]example[.]org»)")
            .doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void aVeryLongIdIsCutWithAnEllipsis() {
        final String longId = "HS-" + "9".repeat(10_000);
        final Message raised = alerts.raised(List.of(alert("*", List.of(longId))), banCo);

        assertThat(raised.body()).contains("   - «HS-" + "9".repeat(MailText.MAX_ID_LENGTH - 3) + "…»\n")
            .doesNotContain("9".repeat(MailText.MAX_ID_LENGTH));
    }

    @Test
    void anUnpairedSurrogateIsReplacedAndAPairKept() {
        assertThat(MailText.quoted("A\uD800B\uD83D\uDE00")).isEqualTo("«A\uFFFDB\uD83D\uDE00»");
        assertThat(MailText.quoted(null)).isEqualTo("«»");
    }

    @Test
    void hostileIdsAndNamesCannotChangeTheLayoutOfTheTextOrTheHtml() {
        final Message benign = subtreeMail("UBND Thành phố", "UBND phường Bàn Cờ", "Đất đai", "HO_TICH",
            List.of("HS-1", "HS-2", "HS-3"));
        final Message hostile = subtreeMail("UBND <b>Thành phố</b>\" onmouseover=\"x\r\nBcc: x@evil.vn",
            "Phường \"><img src=x onerror=alert(1)>\n\nKHẨN: gọi 0900",
            "<a href='http://evil.example.com'>Đất đai</a>", "DAT_DAI\r\n\r\n<h1>KHẨN</h1>",
            List.of(PHISHING, SCRIPT, BIDI + "\"><iframe src=//evil.vn>"));

        assertThat(skeleton(hostile.html())).isEqualTo(skeleton(benign.html()));
        assertThat(hostile.body().lines().count()).isEqualTo(benign.body().lines().count());
        assertThat(hostile.html()).doesNotContain("<script").doesNotContain("<img").doesNotContain("<iframe")
            .doesNotContain("<h1").doesNotContain("<b>").doesNotContain("href='http");
        assertThat(hostile.subject()).doesNotContain("\n").doesNotContain("\r");
        assertThat(hostile.body().lines()).noneMatch(line -> line.startsWith("KHẨN") || line.startsWith("<h1>")
            || line.startsWith("Bcc"));
    }

    /** The tags of an HTML text with their attribute names, values left out: what shapes the page. */
    private static List<String> skeleton(final String html) {
        return java.util.regex.Pattern.compile("<[^>]*>").matcher(html).results()
            .map(m -> m.group().replaceAll("\"[^\"]*\"", "\"\"")).toList();
    }

    /**
     * A subtree breach of a city named {@code cityName} driven by a child named {@code childName}: in field DAT_DAI
     * (named {@code fieldName} by the table) and in {@code fieldId} (not in the table), with the same cases.
     */
    private static Message subtreeMail(final String cityName, final String childName, final String fieldName,
                                       final String fieldId, final List<String> caseIds) {
        final var units = vn.tthc.monitor.notifier.registry.UnitRegistryFile.parse("""
            units:
              - id: CITY
                name: %s
                heads:
                  - name: A
                    email: a@example.org
              - id: CHILD
                name: %s
                parent: CITY
            """.formatted(yamlString(cityName), yamlString(childName)));
        final var fields = vn.tthc.monitor.notifier.registry.FieldNames.parse(
            "id,name\nDAT_DAI,\"" + fieldName.replace("\"", "\"\"") + "\"\n", "hostile fields");
        final AlertMessages messages = new AlertMessages(dashboards(), new CaseLinks("https://tthc.example.org"), fields,
            units, vn.tthc.monitor.contract.calendar.WorkingCalendar.vietnam());
        final List<vn.tthc.monitor.contract.alert.DrivingCase> cases = caseIds.stream()
            .map(id -> new vn.tthc.monitor.contract.alert.DrivingCase(id, "CHILD", NOW.minusSeconds(86_400 * 3), null))
            .toList();
        final List<KpiAlert> alerts = List.of("DAT_DAI", fieldId).stream().map(field -> new KpiAlert("CITY", field,
            "2026-11", "onTimeRate", AlertState.RAISED, false, 0.9, 0.98, 100, 20, -8L, caseIds, NOW, NOW,
            vn.tthc.monitor.contract.kpi.Scope.SUBTREE, vn.tthc.monitor.contract.alert.AlertKind.BREACH, 0L, 400L, true,
            null, List.of(new vn.tthc.monitor.contract.alert.DrivingChild("CHILD", 8)), cases)).toList();
        return messages.raised(alerts, units.unit("CITY").orElseThrow());
    }

    private static DashboardLinks dashboards() {
        return new DashboardLinks("https://grafana.example.org");
    }

    private static String yamlString(final String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }

    private static KpiAlert alert(final String fieldId, final List<String> drivingIds) {
        return new KpiAlert("UBND-P-BAN-CO", fieldId, "2026-11", "onTimeRate", AlertState.RAISED, false, 0.93, 0.98,
            200, 20, -10L, drivingIds, NOW, NOW);
    }
}
