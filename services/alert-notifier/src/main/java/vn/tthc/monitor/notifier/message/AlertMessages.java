package vn.tthc.monitor.notifier.message;

import static vn.tthc.monitor.notifier.message.VietnameseText.count;
import static vn.tthc.monitor.notifier.message.VietnameseText.countedAgainst;
import static vn.tthc.monitor.notifier.message.VietnameseText.dateTime;
import static vn.tthc.monitor.notifier.message.VietnameseText.drivingItems;
import static vn.tthc.monitor.notifier.message.VietnameseText.fieldName;
import static vn.tthc.monitor.notifier.message.VietnameseText.kpiName;
import static vn.tthc.monitor.notifier.message.VietnameseText.percent;
import static vn.tthc.monitor.notifier.message.VietnameseText.periodName;
import static vn.tthc.monitor.notifier.message.VietnameseText.unitName;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.notifier.registry.Unit;

/** The mails about one KPI alert: raised, resolved, and escalated to the unit above. */
public final class AlertMessages {

    private static final String SIGNATURE = "Thư này được gửi tự động bởi TTHC Monitor.";

    private final DashboardLinks dashboards;

    public AlertMessages(final DashboardLinks dashboards) {
        this.dashboards = dashboards;
    }

    /** To the unit's heads, when the KPI falls below its target. */
    public Message raised(final KpiAlert alert, final Unit unit) {
        final Kpi kpi = Kpi.fromId(alert.kpi());
        final String subject = "Cảnh báo: " + unitName(unit) + " dưới mục tiêu " + what(alert, kpi);
        final StringBuilder body = new StringBuilder()
            .append("Kính gửi lãnh đạo ").append(unitName(unit)).append(",\n\n")
            .append(kpiName(kpi)).append(" của ").append(unitName(unit)).append(" (").append(fieldName(alert.fieldId()))
            .append(") trong ").append(periodName(alert.period())).append(" đang dưới mục tiêu.\n\n");
        figures(body, alert, kpi);
        headroom(body, alert, kpi);
        drivingIds(body, alert, kpi);
        body.append("\nPhát hiện lúc ").append(dateTime(alert.raisedAt())).append(".\n");
        return new Message(subject, footer(body, unit), dashboards.unit(unit.id()));
    }

    /**
     * To the unit's heads, when several of its KPI rows fell below their targets together (the month,
     * quarter and year rows of one breach, other fields, other KPIs): one item per alert.
     */
    public Message raisedGroup(final List<KpiAlert> alerts, final Unit unit) {
        final String subject = "Cảnh báo: " + unitName(unit) + " dưới mục tiêu – " + alerts.size() + " chỉ tiêu";
        final StringBuilder body = new StringBuilder()
            .append("Kính gửi lãnh đạo ").append(unitName(unit)).append(",\n\n")
            .append(alerts.size()).append(" chỉ tiêu của ").append(unitName(unit)).append(" đang dưới mục tiêu:\n");
        items(body, alerts, (item, alert, kpi) -> {
            headroom(item, alert, kpi);
            drivingIds(item, alert, kpi);
            item.append("\nPhát hiện lúc ").append(dateTime(alert.raisedAt())).append(".\n");
        });
        return new Message(subject, footer(body, unit), dashboards.unit(unit.id()));
    }

    /** To the heads who were told of the raises, when several KPI rows of the unit are no longer below target. */
    public Message resolvedGroup(final List<KpiAlert> alerts, final Unit unit) {
        final String subject = "Đã khắc phục: " + unitName(unit) + " không còn dưới mục tiêu – " + alerts.size()
            + " chỉ tiêu";
        final StringBuilder body = new StringBuilder()
            .append("Kính gửi lãnh đạo ").append(unitName(unit)).append(",\n\n")
            .append(alerts.size()).append(" chỉ tiêu của ").append(unitName(unit)).append(" không còn dưới mục tiêu:\n");
        items(body, alerts, (item, alert, kpi) ->
            item.append("\nCảnh báo đã được phát hiện lúc ").append(dateTime(alert.raisedAt())).append(".\n"));
        return new Message(subject, footer(body, unit), dashboards.unit(unit.id()));
    }

    /** To the heads who were told it was raised, when the KPI is no longer below its target. */
    public Message resolved(final KpiAlert alert, final Unit unit) {
        final Kpi kpi = Kpi.fromId(alert.kpi());
        final String subject = "Đã khắc phục: " + unitName(unit) + " không còn dưới mục tiêu " + what(alert, kpi);
        final StringBuilder body = new StringBuilder()
            .append("Kính gửi lãnh đạo ").append(unitName(unit)).append(",\n\n")
            .append(kpiName(kpi)).append(" của ").append(unitName(unit)).append(" (").append(fieldName(alert.fieldId()))
            .append(") trong ").append(periodName(alert.period())).append(" không còn dưới mục tiêu.\n\n");
        figures(body, alert, kpi);
        body.append("\nCảnh báo đã được phát hiện lúc ").append(dateTime(alert.raisedAt())).append(".\n");
        return new Message(subject, footer(body, unit), dashboards.unit(unit.id()));
    }

    /** To the heads of the unit above, when an alert has stayed open for {@code openFor}. */
    public Message escalated(final KpiAlert alert, final Unit unit, final Unit parent, final Duration openFor) {
        final Kpi kpi = Kpi.fromId(alert.kpi());
        final String subject = "Chuyển cấp: " + unitName(unit) + " dưới mục tiêu " + what(alert, kpi)
            + ", chưa khắc phục sau " + VietnameseText.duration(openFor);
        final StringBuilder body = new StringBuilder()
            .append("Kính gửi lãnh đạo ").append(unitName(parent)).append(",\n\n")
            .append(kpiName(kpi)).append(" của đơn vị trực thuộc ").append(unitName(unit)).append(" (")
            .append(fieldName(alert.fieldId())).append(") trong ").append(periodName(alert.period()))
            .append(" đang dưới mục tiêu và chưa được khắc phục sau ").append(VietnameseText.duration(openFor))
            .append(" (phát hiện lúc ").append(dateTime(alert.raisedAt())).append(").\n\n");
        figures(body, alert, kpi);
        headroom(body, alert, kpi);
        drivingIds(body, alert, kpi);
        return new Message(subject, footer(body, unit), dashboards.unit(unit.id()));
    }

    private interface ItemDetails {
        void append(StringBuilder item, KpiAlert alert, Kpi kpi);
    }

    /**
     * Numbered items by KPI, then field (all fields first), then period (month, quarter, year); the
     * details of each item are indented under its title.
     */
    private static void items(final StringBuilder body, final List<KpiAlert> alerts, final ItemDetails details) {
        final List<KpiAlert> ordered = alerts.stream().sorted(Comparator
            .comparing((KpiAlert a) -> Kpi.fromId(a.kpi()))
            .thenComparing(a -> !KpiRowKey.ALL_FIELDS.equals(a.fieldId()))
            .thenComparing(KpiAlert::fieldId)
            .thenComparing(a -> periodOrder(a.period()))
            .thenComparing(KpiAlert::period)).toList();
        for (int i = 0; i < ordered.size(); i++) {
            final KpiAlert alert = ordered.get(i);
            final Kpi kpi = Kpi.fromId(alert.kpi());
            final StringBuilder item = new StringBuilder();
            figures(item, alert, kpi);
            details.append(item, alert, kpi);
            body.append('\n').append(i + 1).append(". ").append(kpiName(kpi)).append(" (")
                .append(fieldName(alert.fieldId())).append(") – ").append(periodName(alert.period())).append('\n')
                .append(item.toString().replaceAll("(?m)^(?=.)", "   "));
        }
    }

    private static int periodOrder(final String period) {
        try {
            return Period.parse(period).kind().ordinal();
        } catch (final IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String what(final KpiAlert alert, final Kpi kpi) {
        final String field = KpiRowKey.ALL_FIELDS.equals(alert.fieldId()) ? "" : " (" + fieldName(alert.fieldId()) + ")";
        return kpiName(kpi) + field + " – " + periodName(alert.period());
    }

    private static void figures(final StringBuilder body, final KpiAlert alert, final Kpi kpi) {
        body.append("  Giá trị hiện tại: ").append(alert.value() == null ? "chưa có số liệu" : percent(alert.value()))
            .append('\n')
            .append("  Mục tiêu: ").append(percent(alert.target())).append('\n')
            .append("  Số lượng tính chỉ tiêu: ").append(count(alert.volume()))
            .append(" (tối thiểu ").append(count(alert.minVolume())).append(" để đánh giá)\n");
    }

    private static void headroom(final StringBuilder body, final KpiAlert alert, final Kpi kpi) {
        final Long headroom = alert.headroom();
        if (headroom == null) {
            return;
        }
        body.append('\n');
        if (headroom < 0) {
            body.append("Kỳ này đã có ").append(count(-headroom)).append(' ').append(countedAgainst(kpi))
                .append(" vượt quá mức cho phép để đạt mục tiêu.\n");
        } else if (headroom == 0) {
            body.append("Kỳ này không thể có thêm ").append(countedAgainst(kpi)).append(" nào mà vẫn đạt mục tiêu.\n");
        } else {
            body.append("Kỳ này còn có thể có thêm ").append(count(headroom)).append(' ').append(countedAgainst(kpi))
                .append(" mà vẫn đạt mục tiêu.\n");
        }
    }

    private static void drivingIds(final StringBuilder body, final KpiAlert alert, final Kpi kpi) {
        if (alert.drivingIds().isEmpty()) {
            return;
        }
        body.append('\n').append(drivingItems(kpi)).append(" (mới nhất trước):\n");
        alert.drivingIds().forEach(id -> body.append("  - ").append(MailText.quoted(id)).append('\n'));
    }

    /** The dashboard link is built from the registry's unit, never from a field of the event. */
    private String footer(final StringBuilder body, final Unit unit) {
        return body.append("\nBảng điều khiển của đơn vị: ").append(dashboards.unit(unit.id())).append("\n\n")
            .append(SIGNATURE).append('\n').toString();
    }
}
