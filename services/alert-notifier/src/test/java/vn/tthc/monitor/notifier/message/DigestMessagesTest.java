package vn.tthc.monitor.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.notifier.testing.TestAlerts.NOW;
import static vn.tthc.monitor.notifier.testing.TestAlerts.UNITS;
import static vn.tthc.monitor.notifier.testing.TestAlerts.warning;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.alert.CaseWarning.Kind;
import vn.tthc.monitor.notifier.testing.TestAlerts;

class DigestMessagesTest {

    private final DigestMessages messages = TestAlerts.digestMessages("http://127.0.0.1:3000", null);

    @Test
    void aDigestListsOverdueThenDueSoonCasesUnderOneSubject() {
        final Message message = messages.digest(UNITS.unit("UBND-P-BAN-CO").orElseThrow(), List.of(
            warning(Kind.DUE_SOON, "HS-2", "UBND-P-BAN-CO", NOW),
            warning(Kind.OVERDUE, "HS-1", "UBND-P-BAN-CO", NOW.plusSeconds(300)),
            warning(Kind.OVERDUE, "HS-3", "UBND-P-BAN-CO", NOW.plusSeconds(60))));

        assertThat(message.subject()).isEqualTo("Tổng hợp hồ sơ quá hạn / sắp đến hạn – UBND phường Bàn Cờ");
        assertThat(message.body())
            .contains("Từ 14:00 ngày 22/11/2026 đến 14:05 ngày 22/11/2026, UBND phường Bàn Cờ có 2 hồ sơ quá hạn và 1 hồ sơ sắp đến hạn.")
            .contains("Hồ sơ quá hạn (2):\n  - «HS-3»: lĩnh vực Hộ tịch, thủ tục «KHAI_SINH», hạn xử lý 13:51 ngày 22/11/2026\n"
                + "  - «HS-1»:")
            .contains("Hồ sơ sắp đến hạn (1):\n  - «HS-2»:")
            .contains("http://127.0.0.1:3000/d/tthc-unit?var-unit=UBND-P-BAN-CO");
        assertThat(message.body().indexOf("Hồ sơ quá hạn")).isLessThan(message.body().indexOf("Hồ sơ sắp đến hạn"));
    }

    @Test
    void aCaseThatBecameOverdueWithinTheIntervalIsListedOnceAsOverdue() {
        final Message message = messages.digest(UNITS.unit("UBND-P-BAN-CO").orElseThrow(), List.of(
            warning(Kind.DUE_SOON, "HS-1", "UBND-P-BAN-CO", NOW),
            warning(Kind.OVERDUE, "HS-1", "UBND-P-BAN-CO", NOW.plusSeconds(60))));

        assertThat(message.body()).contains("có 1 hồ sơ quá hạn và 0 hồ sơ sắp đến hạn")
            .doesNotContain("Hồ sơ sắp đến hạn (");
    }

    @Test
    void eachCaseLinksToTheConsoleWhenItsAddressIsSet() {
        final Message message = TestAlerts.digestMessages("http://127.0.0.1:3000", "http://127.0.0.1:8080/")
            .digest(UNITS.unit("UBND-P-BAN-CO").orElseThrow(), List.of(warning(Kind.OVERDUE, "HS 1", "UBND-P-BAN-CO", NOW)));

        assertThat(message.body()).contains("  - «HS 1»: lĩnh vực Hộ tịch, thủ tục «KHAI_SINH», hạn xử lý 13:50 ngày 22/11/2026\n"
            + "    http://127.0.0.1:8080/#/cases/HS%201\n");
        assertThat(messages.digest(UNITS.unit("UBND-P-BAN-CO").orElseThrow(),
            List.of(warning(Kind.OVERDUE, "HS 1", "UBND-P-BAN-CO", NOW))).body()).doesNotContain("#/cases");
    }
}
