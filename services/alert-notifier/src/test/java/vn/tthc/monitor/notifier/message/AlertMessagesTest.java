package vn.tthc.monitor.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.notifier.testing.TestAlerts.NOW;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.AlertKind;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.DrivingCase;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.notifier.testing.MailFixtures;
import vn.tthc.monitor.notifier.testing.TestAlerts;

/** The rules of the alert mails one by one (the golden files show them whole). */
class AlertMessagesTest {

    private final AlertMessages messages = TestAlerts.alertMessages("https://grafana.example.org/", "https://tthc.example.org/");
    private final AlertMessages withoutConsole = TestAlerts.alertMessages("https://grafana.example.org/", null);

    @Test
    void periodsWithTheSameFiguresAreOneRowAndADifferentPeriodGetsItsOwn() {
        final Message message = messages.raised(MailFixtures.periodsDifferent(), MailFixtures.unit("UBND-P-BAN-CO"));

        assertThat(message.document().items()).singleElement().satisfies(item -> assertThat(item.periods())
            .extracting(MailDocument.PeriodRow::periods)
            .containsExactly("Tháng 11/2026", "Quý 4/2026", "6 tháng cuối năm 2026, năm 2026"));
        assertThat(message.body().split("HS-2026-0042", -1)).as("a case listed once").hasSize(3); // id and link
    }

    @Test
    void theSameCasesOfAFieldItemAreNotListedAgain() {
        final Message message = messages.raised(MailFixtures.periodsEqual(), MailFixtures.unit("SO-TNMT"));

        assertThat(message.document().items()).hasSize(2);
        assertThat(message.document().items().get(1).cases()).isEmpty();
        assertThat(message.document().items().get(1).casesElsewhere()).isEqualTo("16 hồ sơ đã nêu ở mục 1");
        assertThat(message.document().items().get(0).casesNotShown()).isEqualTo(16 - AlertMessages.MAX_CASES);
        assertThat(message.subject()).endsWith("71,42% (mục tiêu 100%) và 1 chỉ tiêu khác");
        assertThat(message.body()).contains("lĩnh vực Đất đai").doesNotContain("DAT_DAI")
            .contains("không thể đạt trong kỳ này");
    }

    @Test
    void theSubjectLeadsWithTheWorstObjective() {
        final KpiAlert mild = alert("*", "2026-11", "satisfactionRate", 0.97, 0.98);
        final KpiAlert worst = alert("HO_TICH", "2026-11", "onTimeRate", 0.80, 0.98);

        final Message message = messages.raised(List.of(mild, worst), MailFixtures.unit("UBND-P-BAN-CO"));

        assertThat(message.subject()).isEqualTo("Cảnh báo: UBND phường Bàn Cờ – Tỷ lệ hồ sơ giải quyết đúng hạn "
            + "(Hộ tịch) 80% (mục tiêu 98%) và 1 chỉ tiêu khác");
    }

    @Test
    void aFieldNotInTheTableShowsItsCodeQuoted() {
        final Message message = messages.raised(List.of(alert("XAY_DUNG", "2026-11", "onTimeRate", 0.9, 0.98)),
            MailFixtures.unit("UBND-P-BAN-CO"));

        assertThat(message.subject()).contains("(«XAY_DUNG»)");
        assertThat(message.body()).contains("1. Tỷ lệ hồ sơ giải quyết đúng hạn – lĩnh vực «XAY_DUNG»\n");
    }

    @Test
    void caseLinksArePercentEncodedAndAbsentWithoutAPublicUrl() {
        final KpiAlert alert = alert("*", "2026-11", "onTimeRate", 0.9, 0.98, List.of("HS 1/2#x"));

        assertThat(messages.raised(List.of(alert), MailFixtures.unit("UBND-P-BAN-CO")).body())
            .contains("     https://tthc.example.org/#/cases/HS%201%2F2%23x\n");
        final Message plain = withoutConsole.raised(List.of(alert), MailFixtures.unit("UBND-P-BAN-CO"));
        assertThat(plain.body()).contains("   - «HS 1/2#x»\n").doesNotContain("#/cases");
        assertThat(plain.html()).doesNotContain("#/cases");
    }

    @Test
    void feedbackIsNotLinkedAsACase() {
        final KpiAlert alert = alert("*", "2026", "feedbackOnTimeRate", 0.5, 1.0, List.of("PAKN-9"));

        final Message message = messages.raised(List.of(alert), MailFixtures.unit("UBND-P-BAN-CO"));

        assertThat(message.body()).contains("Phản ánh kiến nghị liên quan (1):\n   - «PAKN-9»\n").doesNotContain("#/cases");
    }

    @Test
    void v1AlertsWithoutTheNewFiguresLeaveTheirLinesOut() {
        final KpiAlert v1 = new KpiAlert("UBND-P-BAN-CO", "*", "2026-11", "onlineRate", AlertState.RAISED, false, null,
            1.0, 0, 20, null, List.of(), NOW, NOW);

        final Message message = messages.raised(List.of(v1), MailFixtures.unit("UBND-P-BAN-CO"));

        assertThat(message.body()).contains("   - Tháng 11/2026: chưa có số liệu (mục tiêu 100%), 0 hồ sơ\n")
            .doesNotContain("Hồ sơ liên quan").doesNotContain("để đạt lại");
    }

    @Test
    void aBreachBeyondItsHeadroomWithoutV2FiguresSaysByHowMuch() {
        final KpiAlert v1 = new KpiAlert("UBND-P-BAN-CO", "*", "2026-11", "onTimeRate", AlertState.RAISED, false, 0.93,
            0.98, 200, 20, -10L, List.of("HS-1"), NOW, NOW);

        assertThat(messages.raised(List.of(v1), MailFixtures.unit("UBND-P-BAN-CO")).body())
            .contains("để đạt lại mục tiêu: đã vượt mức cho phép 10 hồ sơ trễ hạn");
    }

    @Test
    void theWebhookDocumentCarriesTheSameFactsAsTheMail() {
        final Message message = messages.raised(List.of(MailFixtures.subtree()), MailFixtures.unit("UBND-TP"));

        final MailDocument.Item item = message.document().items().get(0);
        assertThat(item.children()).extracting(MailDocument.ChildRow::unit)
            .containsExactly("Sở Tài nguyên và Môi trường", "UBND phường Bàn Cờ", "Sở Tư pháp");
        assertThat(item.cases()).extracting(MailDocument.CaseRow::caseId)
            .containsExactly("«TNMT-0001»", "«HS-2026-0042»", "«TP-0003»");
        item.cases().forEach(c -> assertThat(message.body()).contains(c.caseId() + ": hạn " + c.due() + ", " + c.late()));
        item.children().forEach(c -> assertThat(message.html()).contains(c.unit() + ": " + c.bad() + " (" + c.share() + ")"));
    }

    private static KpiAlert alert(final String field, final String period, final String kpi, final double value,
                                  final double target) {
        return alert(field, period, kpi, value, target, List.of());
    }

    private static KpiAlert alert(final String field, final String period, final String kpi, final double value,
                                  final double target, final List<String> ids) {
        return new KpiAlert("UBND-P-BAN-CO", field, period, kpi, AlertState.RAISED, false, value, target, 100, 20, null,
            ids, NOW, NOW, Scope.OWN, AlertKind.BREACH, null, null, null, null, List.of(),
            List.<DrivingCase>of());
    }
}
