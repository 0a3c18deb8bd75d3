package vn.tthc.monitor.notifier.testing;

import static vn.tthc.monitor.notifier.testing.TestAlerts.NOW;
import static vn.tthc.monitor.notifier.testing.TestAlerts.UNITS;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.tthc.monitor.contract.action.ActionChannel;
import vn.tthc.monitor.contract.action.ActionEvent;
import vn.tthc.monitor.contract.action.ActionEventType;
import vn.tthc.monitor.contract.action.CorrectiveAction;
import vn.tthc.monitor.contract.alert.AlertKind;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.DrivingCase;
import vn.tthc.monitor.contract.alert.DrivingChild;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.notifier.message.AlertMessages;
import vn.tthc.monitor.notifier.message.Message;
import vn.tthc.monitor.notifier.message.VerdictMessages;
import vn.tthc.monitor.notifier.registry.Unit;

/**
 * The alert and verdict mails of the golden files (src/test/resources/mails), rendered from fixed v2 alerts: a breach
 * of one period, several periods with equal and with different figures, a subtree breach, a forecast warning, a
 * recovery, an escalation and an overdue corrective action; and from the {@link VerdictFixtures}: a verdict, its correction and a subtree verdict.
 * NOW is Sunday 22/11/2026 14:00 in Vietnam.
 */
public final class MailFixtures {

    public static final String DASHBOARD_URL = "http://127.0.0.1:3000";
    public static final String PUBLIC_URL = "http://127.0.0.1:8080";

    private static final Instant RAISED_AT = NOW.minus(Duration.ofMinutes(5));

    private MailFixtures() {
    }

    /** Each golden mail by its file name (without extension). */
    public static Map<String, Message> mails() {
        final AlertMessages messages = TestAlerts.alertMessages(DASHBOARD_URL, PUBLIC_URL);
        final Map<String, Message> mails = new LinkedHashMap<>();
        mails.put("breach-one-period", messages.raised(List.of(oneMonth()), unit("UBND-P-BAN-CO")));
        mails.put("breach-periods-equal", messages.raised(periodsEqual(), unit("SO-TNMT")));
        mails.put("breach-periods-different", messages.raised(periodsDifferent(), unit("UBND-P-BAN-CO")));
        mails.put("breach-subtree", messages.raised(List.of(subtree()), unit("UBND-TP")));
        mails.put("at-risk", messages.atRisk(atRisk(), unit("UBND-P-BAN-CO")));
        mails.put("recovery", messages.resolved(recovered(), unit("UBND-P-BAN-CO")));
        final Unit banCo = unit("UBND-P-BAN-CO");
        mails.put("escalation", messages.escalated(oneMonth(), banCo, unit("UBND-TP"), Duration.ofHours(4).plusMinutes(2),
            List.of(banCo.heads().get(0))));
        mails.put("overdue-action", messages.overdueAction(overdueAction(), oneMonth(), banCo, unit("UBND-TP"), NOW));
        final VerdictMessages verdicts = TestAlerts.verdictMessages(DASHBOARD_URL);
        mails.put("verdict", verdicts.verdict(VerdictFixtures.banCoVerdict(), banCo, UNITS.parentOf(banCo.id())));
        mails.put("verdict-correction", verdicts.correction(VerdictFixtures.banCoCorrection(),
            VerdictFixtures.banCoVerdict().verdict(), banCo, UNITS.parentOf(banCo.id())));
        mails.put("verdict-subtree", verdicts.verdict(VerdictFixtures.citySubtreeVerdict(), unit("UBND-TP"),
            UNITS.parentOf("UBND-TP")));
        return mails;
    }

    /**
     * The corrective action of Bàn Cờ's November breach, recorded on 16/11 due 20/11 and corrected on 18/11 to 21/11
     * (the cause on two lines): overdue on 22/11.
     */
    public static CorrectiveAction overdueAction() {
        CorrectiveAction action = null;
        action = CorrectiveAction.apply(action, new ActionEvent(oneMonth().key(), "e1", ActionEventType.RECORDED,
            "truong-phuong-bc", ActionChannel.API, at("2026-11-16T02:00:00Z"), "Thiếu cán bộ tiếp nhận",
            "Bổ sung cán bộ một cửa", "Trần Thị Bình", LocalDate.of(2026, 11, 20), null));
        return CorrectiveAction.apply(action, new ActionEvent(oneMonth().key(), "e2", ActionEventType.RECORDED,
            "binh.tran@example.org", ActionChannel.MAIL_LINK, at("2026-11-18T03:30:00Z"),
            "Thiếu cán bộ tiếp nhận.\nHệ thống một cửa ngừng 2 ngày", "Bổ sung hai cán bộ một cửa, xử lý hồ sơ tồn",
            "Phó Chủ tịch phường Nguyễn Văn Á", LocalDate.of(2026, 11, 21), null));
    }

    public static Unit unit(final String id) {
        return UNITS.unit(id).orElseThrow();
    }

    /** The on-time rate of Bàn Cờ for November: 186 of 200 on time against 98%, two late cases (one open). */
    public static KpiAlert oneMonth() {
        return alert("UBND-P-BAN-CO", "*", "2026-11", "onTimeRate", 0.93, 0.98, 200, -10L, 10L, true,
            List.of(new DrivingCase("HS-2026-0042", "UBND-P-BAN-CO", at("2026-11-18T10:00:00Z"), null),
                new DrivingCase("HS-2026-0031", "UBND-P-BAN-CO", at("2026-11-16T09:00:00Z"), at("2026-11-19T02:00:00Z"))));
    }

    /** Issue 20's mail: the full-process online share of the department, equal in every period and in its one field. */
    public static List<KpiAlert> periodsEqual() {
        final List<DrivingCase> cases = new ArrayList<>();
        for (int i = 16; i >= 1; i--) {
            cases.add(new DrivingCase("TNMT-%04d".formatted(i), "SO-TNMT", at("2026-11-10T09:00:00Z").plus(Duration.ofHours(i)), null));
        }
        final List<KpiAlert> alerts = new ArrayList<>();
        for (final String field : List.of("*", "DAT_DAI")) {
            for (final String period : List.of("2026-11", "2026-Q4", "2026-H2", "2026")) {
                alerts.add(alert("SO-TNMT", field, period, "onlineRate", 0.7142857, 1.0, 56, -16L, null, false, cases));
            }
        }
        return alerts;
    }

    /** The month below target, the quarter less so, the half-year and the year equal to each other. */
    public static List<KpiAlert> periodsDifferent() {
        final List<DrivingCase> month = List.of(
            new DrivingCase("HS-2026-0042", "UBND-P-BAN-CO", at("2026-11-18T10:00:00Z"), null));
        final List<DrivingCase> quarter = List.of(month.get(0),
            new DrivingCase("HS-2026-0007", "UBND-P-BAN-CO", at("2026-10-20T08:00:00Z"), at("2026-10-27T08:00:00Z")));
        return List.of(
            alert("UBND-P-BAN-CO", "*", "2026", "onTimeRate", 0.965, 0.98, 1200, -18L, 900L, true, quarter),
            alert("UBND-P-BAN-CO", "*", "2026-11", "onTimeRate", 0.93, 0.98, 200, -10L, 500L, true, month),
            alert("UBND-P-BAN-CO", "*", "2026-Q4", "onTimeRate", 0.95, 0.98, 600, -18L, 900L, true, quarter),
            alert("UBND-P-BAN-CO", "*", "2026-H2", "onTimeRate", 0.965, 0.98, 1200, -18L, 900L, true, quarter));
    }

    /** The city's on-time rate over its whole tree, driven by two departments and a ward. */
    public static KpiAlert subtree() {
        return new KpiAlert("UBND-TP", "*", "2026-11", "onTimeRate", AlertState.RAISED, false, 0.95, 0.98, 400, 20,
            -12L, List.of("TNMT-0001", "HS-2026-0042", "TP-0003"), RAISED_AT, NOW, Scope.SUBTREE, AlertKind.BREACH,
            null, 600L, true, null,
            List.of(new DrivingChild("SO-TNMT", 12), new DrivingChild("UBND-P-BAN-CO", 6), new DrivingChild("SO-TU-PHAP", 2)),
            List.of(new DrivingCase("TNMT-0001", "SO-TNMT", at("2026-11-11T09:00:00Z"), null),
                new DrivingCase("HS-2026-0042", "UBND-P-BAN-CO", at("2026-11-18T10:00:00Z"), null),
                new DrivingCase("TP-0003", "UBND-TP", at("2026-11-19T03:00:00Z"), at("2026-11-20T03:00:00Z"))));
    }

    /** Bàn Cờ still at 98,5% for the month and the quarter, forecast to end them at 96,2% and 97,1%. */
    public static List<KpiAlert> atRisk() {
        final List<DrivingCase> overdue = List.of(
            new DrivingCase("HS-2026-0050", "UBND-P-BAN-CO", at("2026-11-20T09:00:00Z"), null),
            new DrivingCase("HS-2026-0051", "UBND-P-BAN-CO", at("2026-11-20T10:00:00Z"), null));
        return List.of(
            forecast("2026-11", 0.985, 0.962, 200, 1L, overdue),
            forecast("2026-Q4", 0.985, 0.971, 600, 4L, overdue));
    }

    /** Bàn Cờ's month and quarter back at 98,5% three hours and twenty minutes after the raise. */
    public static List<KpiAlert> recovered() {
        final Instant raised = NOW.minus(Duration.ofHours(3).plusMinutes(20));
        return List.of("2026-11", "2026-Q4").stream().map(period -> new KpiAlert("UBND-P-BAN-CO", "*", period,
            "onTimeRate", AlertState.RESOLVED, false, 0.985, 0.98, 200, 20, 1L, List.of(), raised, NOW, Scope.OWN,
            AlertKind.BREACH, 1L, null, null, null, List.of(), List.of())).toList();
    }

    private static KpiAlert forecast(final String period, final double value, final double forecast, final long volume,
                                     final long allowance, final List<DrivingCase> cases) {
        return new KpiAlert("UBND-P-BAN-CO", "*", period, "onTimeRate", AlertState.RAISED, false, value, 0.98, volume,
            20, allowance, cases.stream().map(DrivingCase::caseId).toList(), RAISED_AT, NOW, Scope.OWN,
            AlertKind.AT_RISK, allowance, null, null, forecast, List.of(), cases);
    }

    private static KpiAlert alert(final String unit, final String field, final String period, final String kpi,
                                  final double value, final double target, final long volume, final Long headroom,
                                  final Long toRecover, final boolean recoverable, final List<DrivingCase> cases) {
        return new KpiAlert(unit, field, period, kpi, AlertState.RAISED, false, value, target, volume, 20, headroom,
            cases.stream().map(DrivingCase::caseId).toList(), RAISED_AT, NOW, Scope.OWN, AlertKind.BREACH, 0L,
            toRecover, recoverable, null, List.of(), cases);
    }

    private static Instant at(final String instant) {
        return Instant.parse(instant);
    }
}
