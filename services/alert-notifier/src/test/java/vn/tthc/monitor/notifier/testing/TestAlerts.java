package vn.tthc.monitor.notifier.testing;

import java.time.Instant;
import java.util.List;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.CaseWarning;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.notifier.message.AlertMessages;
import vn.tthc.monitor.notifier.message.CaseLinks;
import vn.tthc.monitor.notifier.message.DashboardLinks;
import vn.tthc.monitor.notifier.message.DigestMessages;
import vn.tthc.monitor.notifier.message.VerdictMessages;
import vn.tthc.monitor.notifier.registry.FieldNames;
import vn.tthc.monitor.notifier.registry.UnitRegistry;
import vn.tthc.monitor.notifier.registry.UnitRegistryFile;
import vn.tthc.monitor.notifier.rules.VerdictRules;

/** Alerts, warnings and a small unit registry for tests. */
public final class TestAlerts {

    /** 22/11/2026 14:00 in Vietnam. */
    public static final Instant NOW = Instant.parse("2026-11-22T07:00:00Z");

    public static final UnitRegistry UNITS = UnitRegistryFile.parse("""
        units:
          - id: UBND-TP
            name: UBND Thành phố
            heads:
              - name: Lê Minh Quang
                email: quang.le@example.org
          - id: UBND-P-BAN-CO
            name: UBND phường Bàn Cờ
            parent: UBND-TP
            heads:
              - name: Trần Thị Bình
                email: binh.tran@example.org
              - name: Võ Đức Cường
                email: cuong.vo@example.org
          - id: SO-TU-PHAP
            name: Sở Tư pháp
            parent: UBND-TP
            heads:
              - name: Đỗ Văn Khánh
                email: khanh.do@example.org
          - id: SO-TNMT
            name: Sở Tài nguyên và Môi trường
            parent: UBND-TP
            heads:
              - name: Phạm Thu Hà
                email: ha.pham@example.org
        """);

    /** The fields of the sample traffic, by their Vietnamese names. */
    public static final FieldNames FIELDS = FieldNames.parse("""
        id,name
        HO_TICH,Hộ tịch
        DAT_DAI,Đất đai
        TU_PHAP,Lý lịch tư pháp
        """, "test fields");

    private TestAlerts() {
    }

    /** The alert mails with the national calendar, linking the dashboards and, unless null, the console. */
    public static AlertMessages alertMessages(final String dashboardUrl, final String publicUrl) {
        return new AlertMessages(new DashboardLinks(dashboardUrl), new CaseLinks(publicUrl), FIELDS, UNITS,
            WorkingCalendar.vietnam());
    }

    /** The digests, linking the dashboards and, unless null, the console. */
    public static DigestMessages digestMessages(final String dashboardUrl, final String publicUrl) {
        return new DigestMessages(new DashboardLinks(dashboardUrl), new CaseLinks(publicUrl), FIELDS);
    }

    /** The verdict rules over {@code units}, the mails linking the dashboards. */
    public static VerdictRules verdictRules(final UnitRegistry units, final String dashboardUrl) {
        return new VerdictRules(units, verdictMessages(dashboardUrl));
    }

    /** The verdict mails, with the test fields, linking the dashboards. */
    public static VerdictMessages verdictMessages(final String dashboardUrl) {
        return new VerdictMessages(new DashboardLinks(dashboardUrl), FIELDS);
    }

    /** The on-time rate of UBND-P-BAN-CO for November 2026, all fields: 186/200 against 98%. */
    public static KpiAlert onTime(final AlertState state, final Instant raisedAt) {
        return new KpiAlert("UBND-P-BAN-CO", "*", "2026-11", "onTimeRate", state, false, 0.93, 0.98, 200, 20, -10L,
            List.of("HS-0042", "HS-0031", "HS-0007"), raisedAt, raisedAt.minusSeconds(2));
    }

    public static KpiAlert withValue(final KpiAlert alert, final AlertState state, final double value) {
        return new KpiAlert(alert.unitId(), alert.fieldId(), alert.period(), alert.kpi(), state, alert.stale(), value,
            alert.target(), alert.volume(), alert.minVolume(), alert.headroom(), alert.drivingIds(), alert.raisedAt(),
            alert.triggeredAt());
    }

    /** The same alert for another period row (e.g. {@code 2026-Q4}, {@code 2026}). */
    public static KpiAlert inPeriod(final KpiAlert alert, final String period) {
        return new KpiAlert(alert.unitId(), alert.fieldId(), period, alert.kpi(), alert.state(), alert.stale(),
            alert.value(), alert.target(), alert.volume(), alert.minVolume(), alert.headroom(), alert.drivingIds(),
            alert.raisedAt(), alert.triggeredAt());
    }

    public static KpiAlert stale(final KpiAlert alert) {
        return new KpiAlert(alert.unitId(), alert.fieldId(), alert.period(), alert.kpi(), alert.state(), true,
            alert.value(), alert.target(), alert.volume(), alert.minVolume(), alert.headroom(), alert.drivingIds(),
            alert.raisedAt(), alert.triggeredAt());
    }

    public static CaseWarning warning(final CaseWarning.Kind kind, final String caseId, final String unitId,
                                      final Instant detectedAt) {
        return new CaseWarning(kind, caseId, unitId, "HO_TICH", "KHAI_SINH", detectedAt.minusSeconds(600), detectedAt);
    }
}
