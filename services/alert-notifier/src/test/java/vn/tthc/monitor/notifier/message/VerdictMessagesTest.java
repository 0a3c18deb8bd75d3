package vn.tthc.monitor.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.notifier.testing.TestAlerts.UNITS;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.evaluation.Verdict;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.verdict.ObjectiveVerdict;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;
import vn.tthc.monitor.contract.verdict.VerdictReport;
import vn.tthc.monitor.notifier.registry.Unit;
import vn.tthc.monitor.notifier.testing.TestAlerts;
import vn.tthc.monitor.notifier.testing.VerdictFixtures;

/** The rules of the verdict and correction mails one by one (the whole mails are golden files). */
class VerdictMessagesTest {

    private final VerdictMessages messages = TestAlerts.verdictMessages("http://127.0.0.1:3000");
    private final Unit banCo = UNITS.unit("UBND-P-BAN-CO").orElseThrow();

    private static VerdictReport revision(final VerdictReport of, final int revision, final List<ObjectiveVerdict> objectives) {
        final PeriodVerdict v = of.verdict();
        return new VerdictReport(new PeriodVerdict(v.unitId(), v.period(), v.scope(), revision, v.finalAt(),
            v.finalReason(), objectives, revision, null, v.producedAt()), new byte[] {'%', 'P'}, v.producedAt());
    }

    @Test
    void aCorrectionThatChangesOnlyVolumesSaysSoAndListsNoObjective() {
        final VerdictReport verdict = VerdictFixtures.banCoVerdict();
        final VerdictReport correction = revision(verdict, 2, verdict.verdict().objectives().stream()
            .map(o -> new ObjectiveVerdict(o.fieldId(), o.kpi(), o.verdict(), o.value(), o.target(), o.volume() + 1,
                o.minVolume())).toList());

        final Message message = messages.correction(correction, revision(verdict, 1, verdict.verdict().objectives()).verdict(),
            banCo, UNITS.parentOf(banCo.id()));

        assertThat(message.subject()).isEqualTo("Đính chính kết luận quý 3/2026 – UBND phường Bàn Cờ: cập nhật số lượng");
        assertThat(message.document().items()).isEmpty();
        assertThat(message.document().lead()).contains(
            "Không chỉ tiêu nào thay đổi kết luận hoặc giá trị so với lần đính chính 1; báo cáo kèm theo có số liệu cập nhật.");
        assertThat(message.attachment().fileName()).isEqualTo("bao-cao-muc-tieu-chat-luong-UBND-P-BAN-CO-2026-Q3-dinh-chinh-2.pdf");
    }

    @Test
    void anObjectiveThatAppearedOrLeftIsListedAsSuch() {
        final VerdictReport verdict = VerdictFixtures.banCoVerdict();
        final ObjectiveVerdict first = verdict.verdict().objectives().get(0);
        final ObjectiveVerdict added = new ObjectiveVerdict("HO_TICH", Kpi.ONLINE_RATE, Verdict.MET, 1.0, 1.0, 30, 20);
        final VerdictReport correction = revision(verdict, 1, List.of(first, added));

        final Message message = messages.correction(correction, verdict.verdict(), banCo, UNITS.parentOf(banCo.id()));

        assertThat(message.body())
            .contains("Tỷ lệ dịch vụ công trực tuyến toàn trình – lĩnh vực Hộ tịch: 100,00% – đạt (mục tiêu 100,00%), 30 hồ sơ; trước đính chính: chưa có")
            .contains("Tỷ lệ hài lòng – lĩnh vực Lý lịch tư pháp: không còn trong kết luận (mục tiêu 96,00%), 0 đánh giá; trước đính chính: chưa có dữ liệu – chưa có dữ liệu")
            .doesNotContain("Tỷ lệ hồ sơ giải quyết đúng hạn – tất cả lĩnh vực");
        assertThat(message.document().items()).singleElement()
            .satisfies(item -> assertThat(item.periods()).hasSize(1 + verdict.verdict().objectives().size() - 1));
    }

    @Test
    void idsFromTheRecordCannotAddMarkupLinesOrPathsToTheMail() {
        final PeriodVerdict hostile = new PeriodVerdict("../UBND/<x>", "2026-Q3\r\nBcc: x@evil.vn", VerdictFixtures
            .banCoVerdict().verdict().scope(), 0, VerdictFixtures.FINAL_AT, PeriodVerdict.FinalReason.ALL_CLOSED,
            List.of(new ObjectiveVerdict("<b>XAY</b>\nDUNG", Kpi.ON_TIME_RATE, Verdict.NOT_MET, 0.5, 0.98, 40, 20)),
            0, null, Instant.EPOCH);

        final Message message = messages.verdict(new VerdictReport(hostile, new byte[] {1}, Instant.EPOCH), banCo,
            UNITS.parentOf(banCo.id()));

        assertThat(message.subject()).doesNotContain("\n").doesNotContain("\r").doesNotContain("x@evil.vn");
        assertThat(message.html()).doesNotContain("<b>XAY").contains("&lt;b&gt;XAY");
        assertThat(message.body().lines()).anyMatch(line -> line.contains("«<b>XAY</b>\uFFFDDUNG»"));
        assertThat(message.attachment().fileName()).matches("[A-Za-z0-9.-]+\\.pdf").doesNotContain("/");
    }
}
