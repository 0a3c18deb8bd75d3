package vn.tthc.monitor.notifier.message;

import static vn.tthc.monitor.notifier.message.VietnameseText.count;
import static vn.tthc.monitor.notifier.message.VietnameseText.countedAgainst;
import static vn.tthc.monitor.notifier.message.VietnameseText.dateTime;
import static vn.tthc.monitor.notifier.message.VietnameseText.drivingItems;
import static vn.tthc.monitor.notifier.message.VietnameseText.kpiName;
import static vn.tthc.monitor.notifier.message.VietnameseText.percent;
import static vn.tthc.monitor.notifier.message.VietnameseText.periodName;
import static vn.tthc.monitor.notifier.message.VietnameseText.unitName;
import static vn.tthc.monitor.notifier.message.VietnameseText.volumeNoun;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.tthc.monitor.contract.action.ActionRequest;
import vn.tthc.monitor.contract.action.AlertKeys;
import vn.tthc.monitor.contract.action.CorrectiveAction;
import vn.tthc.monitor.contract.alert.DrivingCase;
import vn.tthc.monitor.contract.alert.DrivingChild;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.kpi.Kpi;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.notifier.message.MailDocument.CaseRow;
import vn.tthc.monitor.notifier.message.MailDocument.ChildRow;
import vn.tthc.monitor.notifier.message.MailDocument.Item;
import vn.tthc.monitor.notifier.message.MailDocument.PeriodRow;
import vn.tthc.monitor.notifier.registry.FieldNames;
import vn.tthc.monitor.notifier.registry.Head;
import vn.tthc.monitor.notifier.registry.Unit;
import vn.tthc.monitor.notifier.registry.UnitRegistry;

/**
 * The alert mails (docs/NOTIFIER.md, What a mail says): a breach ("Cảnh báo"), a forecast below target ("Dự báo
 * không đạt"), a recovery ("Đã khắc phục"), an escalation ("Chuyển cấp") and an
 * overdue corrective action ("Quá hạn hành động khắc phục"). The alerts of one mail become one
 * item per objective and scope (KPI, field, own or subtree), its periods folded into rows, month first, a
 * quarter, half-year or year getting a row of its own only where its figures differ; a driving case is listed
 * once per mail. Units and fields are named from the configuration, cases linked to the console.
 */
public final class AlertMessages {

    /** Cases listed per item; the rest are counted. */
    static final int MAX_CASES = 10;

    private final DashboardLinks dashboards;
    private final CaseLinks caseLinks;
    private final FieldNames fields;
    private final UnitRegistry units;
    private final WorkingCalendar calendar;

    public AlertMessages(final DashboardLinks dashboards, final CaseLinks caseLinks, final FieldNames fields,
                         final UnitRegistry units, final WorkingCalendar calendar) {
        this.dashboards = dashboards;
        this.caseLinks = caseLinks;
        this.fields = fields;
        this.units = units;
        this.calendar = calendar;
    }

    private enum Mode { RAISED, AT_RISK, RESOLVED, ESCALATED }

    /** To the unit's heads: its objectives below target (BREACH alerts, RAISED or UPDATED). */
    public Message raised(final List<KpiAlert> alerts, final Unit unit) {
        final List<Item> items = items(Mode.RAISED, alerts, unit);
        final List<String> closing = new ArrayList<>();
        closing.add("Phát hiện lúc " + dateTime(earliest(alerts, KpiAlert::raisedAt)) + ".");
        lateNote(items, closing);
        return Message.of(new MailDocument(
            "Cảnh báo: " + unitName(unit) + " – " + headline(Mode.RAISED, alerts) + others(items),
            greeting(unit), List.of(lead(items, unit, "đang dưới mục tiêu")), items, closing, dashboards.unit(unit.id()),
            actionLinks(alerts)));
    }

    /** To the unit's heads: objectives that still meet their target but are forecast to end the period below it. */
    public Message atRisk(final List<KpiAlert> alerts, final Unit unit) {
        final List<Item> items = items(Mode.AT_RISK, alerts, unit);
        final String which = items.size() == 1 ? "chỉ tiêu sau" : count(items.size()) + " chỉ tiêu";
        final List<String> closing = new ArrayList<>();
        closing.add("Dự báo lúc " + dateTime(latest(alerts)) + ".");
        lateNote(items, closing);
        return Message.of(new MailDocument(
            "Dự báo không đạt: " + unitName(unit) + " – " + headline(Mode.AT_RISK, alerts) + others(items),
            greeting(unit),
            List.of("Cảnh báo sớm, chưa phải vi phạm: " + which + " của " + unitName(unit)
                    + " hiện vẫn đạt mục tiêu, nhưng dự báo đến cuối kỳ sẽ không đạt vì các hồ sơ đã quá hạn.",
                "Giải quyết sớm các hồ sơ dưới đây để giữ mục tiêu."),
            items, closing, dashboards.unit(unit.id()), actionLinks(alerts)));
    }

    /** To the heads told of the breach: the objectives are back at or above their target. */
    public Message resolved(final List<KpiAlert> alerts, final Unit unit) {
        final List<Item> items = items(Mode.RESOLVED, alerts, unit);
        return Message.of(new MailDocument(
            "Đã khắc phục: " + unitName(unit) + " – " + headline(Mode.RESOLVED, alerts) + others(items),
            greeting(unit), List.of(lead(items, unit, "đã đạt lại mục tiêu")), items,
            List.of("Dưới mục tiêu từ " + dateTime(earliest(alerts, KpiAlert::raisedAt)) + ", khắc phục lúc "
                + dateTime(latest(alerts)) + "."),
            dashboards.unit(unit.id())));
    }

    /**
     * To the heads of the unit above: a breach open for {@code openFor} since {@code raisedAt}, with the heads of
     * the unit who were told of it ({@code toldBefore}, from the ledger).
     */
    public Message escalated(final KpiAlert alert, final Unit unit, final Unit parent, final Duration openFor,
                             final List<Head> toldBefore) {
        final List<Item> items = items(Mode.ESCALATED, List.of(alert), unit);
        final String told = toldBefore.isEmpty()
            ? "Chưa lãnh đạo nào của " + unitName(unit) + " nhận được thông báo về cảnh báo này."
            : "Đã thông báo cho lãnh đạo " + unitName(unit) + ": " + String.join(", ",
                toldBefore.stream().map(h -> MailText.plain(h.name(), 100)).toList()) + ".";
        final List<String> closing = new ArrayList<>();
        lateNote(items, closing);
        return Message.of(new MailDocument(
            "Chuyển cấp: " + unitName(unit) + " – " + headline(Mode.ESCALATED, List.of(alert))
                + ", chưa khắc phục sau " + VietnameseText.duration(openFor),
            greeting(parent),
            List.of("Chỉ tiêu sau của đơn vị trực thuộc " + unitName(unit) + " dưới mục tiêu từ "
                + dateTime(alert.raisedAt()) + " và chưa được khắc phục sau " + VietnameseText.duration(openFor) + ".",
                told),
            items, closing, dashboards.unit(unit.id())));
    }

    /**
     * To the heads of the unit above: the corrective action of a breach is past its due date ({@code action.due()})
     * and the alert is still open ({@code alert}, its latest state: the KPI's figures now). Says the cause, the
     * action, who is responsible, the due date and who recorded it; links to the console's alerts page and, for each
     * recipient, to the alert's corrective-action form.
     */
    public Message overdueAction(final CorrectiveAction action, final KpiAlert alert, final Unit unit, final Unit parent,
                                 final Instant now) {
        final List<Item> items = items(Mode.ESCALATED, List.of(alert), unit);
        final String due = ActionRequest.vietnamese(action.due());
        final long daysLate = ChronoUnit.DAYS.between(action.due(), VietnamTime.localDate(now));
        final List<String> lead = new ArrayList<>();
        lead.add("Hành động khắc phục cảnh báo sau của đơn vị trực thuộc " + unitName(unit) + " đã quá thời hạn hoàn thành "
            + due + " (" + count(daysLate) + " ngày) mà chỉ tiêu vẫn chưa đạt lại mục tiêu:");
        lead.add("Nguyên nhân: " + userText(action.cause()));
        lead.add("Hành động khắc phục: " + userText(action.action()));
        lead.add("Người chịu trách nhiệm: " + userText(action.responsible()));
        lead.add("Thời hạn hoàn thành: " + due);
        lead.add("Ghi nhận bởi " + userText(action.recordedBy()) + " lúc " + dateTime(action.recordedAt())
            + (action.revision() > 1 ? " (đính chính lần " + count(action.revision() - 1L) + ")" : "") + ".");
        final List<String> closing = new ArrayList<>();
        lateNote(items, closing);
        caseLinks.alertsPage().ifPresent(page -> closing.add("Xem cảnh báo và hành động khắc phục trên bảng theo dõi: "
            + page));
        return Message.of(new MailDocument(
            "Quá hạn hành động khắc phục: " + unitName(unit) + " — " + objective(alert) + " " + periodName(alert.period()),
            greeting(parent), lead, items, closing, dashboards.unit(unit.id()), actionLinks(List.of(alert))));
    }

    /** What a head or officer typed, on one line: line breaks become spaces, cut to 500 characters. */
    private static String userText(final String text) {
        return MailText.plain(text == null ? "—" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " "), 500);
    }

    /** "Tỷ lệ … (lĩnh vực Đất đai) (gồm các đơn vị trực thuộc)". */
    private String objective(final KpiAlert a) {
        final StringBuilder label = new StringBuilder(kpiName(Kpi.fromId(a.kpi())));
        if (!KpiRowKey.ALL_FIELDS.equals(a.fieldId())) {
            label.append(" (").append(fieldLabel(a.fieldId())).append(')');
        }
        if (a.scope() == Scope.SUBTREE) {
            label.append(" (gồm các đơn vị trực thuộc)");
        }
        return label.toString();
    }

    /**
     * One corrective-action link per alert of a breach or forecast mail, in the items' order: "objective (field)
     * (scope) – period".
     */
    private List<MailDocument.ActionLink> actionLinks(final List<KpiAlert> alerts) {
        final List<MailDocument.ActionLink> links = new ArrayList<>();
        for (final List<KpiAlert> group : group(alerts)) {
            for (final KpiAlert a : group) {
                links.add(new MailDocument.ActionLink(objective(a) + " – " + periodName(a.period()),
                    AlertKeys.text(a.key())));
            }
        }
        return links;
    }

    /** "Tỷ lệ … (lĩnh vực Đất đai) 71,42% (mục tiêu 100%)" of the worst objective. */
    private String headline(final Mode mode, final List<KpiAlert> alerts) {
        final List<List<KpiAlert>> groups = group(alerts);
        List<KpiAlert> worst = groups.get(0);
        if (mode != Mode.RESOLVED) {
            for (final List<KpiAlert> g : groups) {
                if (gap(mode, g.get(0)) > gap(mode, worst.get(0))) {
                    worst = g;
                }
            }
        }
        final KpiAlert a = worst.get(0);
        final Kpi kpi = Kpi.fromId(a.kpi());
        final StringBuilder line = new StringBuilder(kpiName(kpi));
        if (!KpiRowKey.ALL_FIELDS.equals(a.fieldId())) {
            line.append(" (").append(fieldLabel(a.fieldId())).append(')');
        }
        if (a.scope() == Scope.SUBTREE) {
            line.append(" (gồm các đơn vị trực thuộc)");
        }
        if (mode == Mode.AT_RISK && a.forecast() != null) {
            line.append(" dự báo ").append(percent(a.forecast()));
        } else {
            line.append(' ').append(value(a));
        }
        return line.append(" (mục tiêu ").append(percent(a.target())).append(')').toString();
    }

    private static double gap(final Mode mode, final KpiAlert alert) {
        final Double figure = mode == Mode.AT_RISK ? alert.forecast() : alert.value();
        return figure == null ? Double.NEGATIVE_INFINITY : alert.target() - figure;
    }

    private static String others(final List<Item> items) {
        return items.size() > 1 ? " và " + count(items.size() - 1) + " chỉ tiêu khác" : "";
    }

    private static String greeting(final Unit unit) {
        return "Kính gửi lãnh đạo " + unitName(unit) + ",";
    }

    private static String lead(final List<Item> items, final Unit unit, final String what) {
        return (items.size() == 1 ? "Chỉ tiêu sau" : count(items.size()) + " chỉ tiêu") + " của " + unitName(unit)
            + " " + what + ":";
    }

    private static void lateNote(final List<Item> items, final List<String> closing) {
        if (items.stream().flatMap(i -> i.cases().stream()).anyMatch(c -> c.late() != null)) {
            closing.add("Số ngày trễ tính theo ngày làm việc (trừ thứ Bảy, Chủ nhật và ngày nghỉ lễ), "
                + "với hồ sơ chưa giải quyết thì đến lúc phát hiện.");
        }
    }

    /** The alerts by objective and scope, in mail order; each list by period, month first. */
    private static List<List<KpiAlert>> group(final List<KpiAlert> alerts) {
        final Map<List<Object>, List<KpiAlert>> groups = new LinkedHashMap<>();
        alerts.stream().sorted(Comparator
                .comparing((KpiAlert a) -> Kpi.fromId(a.kpi()))
                .thenComparing(a -> !KpiRowKey.ALL_FIELDS.equals(a.fieldId()))
                .thenComparing(KpiAlert::fieldId)
                .thenComparing(KpiAlert::scope)
                .thenComparing(a -> periodOrder(a.period()))
                .thenComparing(KpiAlert::period))
            .forEach(a -> groups.computeIfAbsent(List.of(a.kpi(), a.fieldId(), a.scope()), k -> new ArrayList<>()).add(a));
        return List.copyOf(groups.values());
    }

    private List<Item> items(final Mode mode, final List<KpiAlert> alerts, final Unit unit) {
        final List<Item> items = new ArrayList<>();
        final Map<String, Integer> listedIn = new LinkedHashMap<>();
        for (final List<KpiAlert> group : group(alerts)) {
            items.add(item(mode, group, unit, items.size() + 1, listedIn));
        }
        return items;
    }

    private Item item(final Mode mode, final List<KpiAlert> periods, final Unit unit, final int number,
                      final Map<String, Integer> listedIn) {
        final KpiAlert head = periods.get(0);
        final Kpi kpi = Kpi.fromId(head.kpi());
        final StringBuilder title = new StringBuilder(kpiName(kpi)).append(" – ").append(fieldTitle(head.fieldId()));
        if (head.scope() == Scope.SUBTREE) {
            title.append(" – gồm các đơn vị trực thuộc");
        }
        final String marginLabel = switch (mode) {
            case RAISED, ESCALATED -> "Để đạt lại mục tiêu";
            case AT_RISK -> "Còn được phép";
            case RESOLVED -> "Thời gian dưới mục tiêu";
        };
        final List<ChildRow> children = children(mode, periods, kpi);
        final String childrenTitle = children.isEmpty() ? null : "Đơn vị trực thuộc có nhiều " + countedAgainst(kpi)
            + " nhất (" + periodName(periods.stream().filter(a -> !a.drivingChildren().isEmpty()).findFirst()
                .orElseThrow().period()) + ")";
        return withCases(mode, new Item(title.toString(), marginLabel, rows(mode, periods, kpi), childrenTitle,
            children, null, List.of(), null, 0), periods, unit, kpi, number, listedIn);
    }

    /** The period rows: a period whose figures equal those of an earlier row joins its label. */
    private static List<PeriodRow> rows(final Mode mode, final List<KpiAlert> periods, final Kpi kpi) {
        final Map<List<String>, List<String>> labels = new LinkedHashMap<>();
        for (final KpiAlert alert : periods) {
            final List<String> figures = new ArrayList<>();
            figures.add(value(alert));
            figures.add(mode == Mode.AT_RISK && alert.forecast() != null ? percent(alert.forecast()) : null);
            figures.add(percent(alert.target()));
            figures.add(count(alert.volume()) + " " + volumeNoun(kpi));
            figures.add(margin(mode, alert, kpi));
            labels.computeIfAbsent(figures, f -> new ArrayList<>()).add(periodName(alert.period()));
        }
        final List<PeriodRow> rows = new ArrayList<>();
        labels.forEach((f, names) -> {
            final String label = String.join(", ", names);
            rows.add(new PeriodRow(Character.toUpperCase(label.charAt(0)) + label.substring(1), f.get(0), f.get(1),
                f.get(2), f.get(3), f.get(4)));
        });
        return rows;
    }

    private static String margin(final Mode mode, final KpiAlert alert, final Kpi kpi) {
        return switch (mode) {
            case RAISED, ESCALATED -> {
                if (Boolean.FALSE.equals(alert.recoverable())) {
                    yield "không thể đạt trong kỳ này";
                }
                if (alert.toRecover() != null) {
                    yield "cần " + count(alert.toRecover()) + " " + goodOutcome(kpi) + " liên tiếp";
                }
                if (alert.headroom() != null && alert.headroom() < 0) {
                    yield "đã vượt mức cho phép " + count(-alert.headroom()) + " " + countedAgainst(kpi);
                }
                yield null;
            }
            case AT_RISK -> {
                final Long allowance = alert.allowance() != null ? alert.allowance()
                    : alert.headroom() != null && alert.headroom() >= 0 ? alert.headroom() : null;
                yield allowance == null ? null : count(allowance) + " " + countedAgainst(kpi);
            }
            case RESOLVED -> alert.triggeredAt().isAfter(alert.raisedAt())
                ? VietnameseText.duration(Duration.between(alert.raisedAt(), alert.triggeredAt())) : null;
        };
    }

    /** On a subtree row: the children driving it, with their share of the row's bad outcomes when it is known. */
    private List<ChildRow> children(final Mode mode, final List<KpiAlert> periods, final Kpi kpi) {
        if (mode == Mode.RESOLVED) {
            return List.of();
        }
        final KpiAlert source = periods.stream().filter(a -> !a.drivingChildren().isEmpty()).findFirst().orElse(null);
        if (source == null) {
            return List.of();
        }
        final Long bad = source.value() == null ? null
            : source.volume() - BigDecimal.valueOf(source.value()).multiply(BigDecimal.valueOf(source.volume()))
                .setScale(0, RoundingMode.HALF_UP).longValue();
        final List<ChildRow> rows = new ArrayList<>();
        for (final DrivingChild child : source.drivingChildren()) {
            final String share = bad == null || bad <= 0 ? null
                : percent(Math.min(1.0, (double) child.bad() / bad)) + " tổng số";
            rows.add(new ChildRow(unitLabel(child.unitId()), count(child.bad()) + " " + countedAgainst(kpi), share));
        }
        return rows;
    }

    private record Ref(String caseId, DrivingCase known, Instant asOf) {
    }

    /** The item with its driving cases: those of all its periods, each once per mail. */
    private Item withCases(final Mode mode, final Item item, final List<KpiAlert> periods, final Unit unit,
                           final Kpi kpi, final int number, final Map<String, Integer> listedIn) {
        if (mode == Mode.RESOLVED) {
            return item;
        }
        final Map<String, Ref> refs = new LinkedHashMap<>();
        for (final KpiAlert alert : periods) {
            if (!alert.drivingCases().isEmpty()) {
                alert.drivingCases().forEach(c -> {
                    final Ref known = refs.get(c.caseId());
                    if (known == null || known.known() == null) {
                        refs.put(c.caseId(), new Ref(c.caseId(), c, alert.triggeredAt()));
                    }
                });
            } else {
                alert.drivingIds().forEach(id -> refs.putIfAbsent(id, new Ref(id, null, alert.triggeredAt())));
            }
        }
        if (refs.isEmpty()) {
            return item;
        }
        final Set<Integer> elsewhere = new TreeSet<>();
        final List<Ref> fresh = new ArrayList<>();
        for (final Ref ref : refs.values()) {
            final Integer earlier = listedIn.get(ref.caseId());
            if (earlier != null) {
                elsewhere.add(earlier);
            } else {
                fresh.add(ref);
                listedIn.put(ref.caseId(), number);
            }
        }
        final List<Ref> ordered = new ArrayList<>(fresh.stream().filter(r -> r.known() != null)
            .sorted(Comparator.comparing((Ref r) -> r.known().effectiveDue()).thenComparing(Ref::caseId)).toList());
        fresh.stream().filter(r -> r.known() == null).forEach(ordered::add);
        final List<CaseRow> rows = ordered.stream().limit(MAX_CASES).map(r -> caseRow(r, unit, kpi)).toList();
        final int repeated = refs.size() - fresh.size();
        final String elsewhereText = repeated == 0 ? null
            : count(repeated) + " " + (kpi == Kpi.FEEDBACK_ON_TIME_RATE ? "phản ánh kiến nghị" : "hồ sơ")
                + " đã nêu ở mục " + String.join(", ", elsewhere.stream().map(String::valueOf).toList());
        return new Item(item.title(), item.marginLabel(), item.periods(), item.childrenTitle(), item.children(),
            drivingItems(kpi) + " (" + count(refs.size()) + ")", rows, elsewhereText,
            Math.max(0, ordered.size() - MAX_CASES), item.rowHeading());
    }

    private CaseRow caseRow(final Ref ref, final Unit unit, final Kpi kpi) {
        final boolean feedback = kpi == Kpi.FEEDBACK_ON_TIME_RATE;
        final String link = feedback ? null : caseLinks.caseLink(ref.caseId()).orElse(null);
        final DrivingCase known = ref.known();
        if (known == null) {
            return new CaseRow(MailText.quoted(ref.caseId()), null, null, null, link);
        }
        final String holder = known.unitId() == null || known.unitId().equals(unit.id()) ? null : unitLabel(known.unitId());
        final boolean timed = kpi == Kpi.ON_TIME_RATE || feedback;
        if (!timed || known.effectiveDue() == null) {
            return new CaseRow(MailText.quoted(ref.caseId()), holder, null, null, link);
        }
        return new CaseRow(MailText.quoted(ref.caseId()), holder, dateTime(known.effectiveDue()),
            late(known, ref.asOf()), link);
    }

    /** "giải quyết trễ 2,5 ngày làm việc", "quá hạn 1 ngày làm việc", "còn hạn". */
    private String late(final DrivingCase known, final Instant asOf) {
        final Instant due = known.effectiveDue();
        if (known.closedAt() != null) {
            return known.closedAt().isAfter(due) ? "giải quyết trễ " + workingDays(due, known.closedAt())
                : "giải quyết đúng hạn";
        }
        return asOf.isAfter(due) ? "quá hạn " + workingDays(due, asOf) : "còn hạn";
    }

    /** The working time between two instants in working days, one decimal, cut: "2,5 ngày làm việc". */
    private String workingDays(final Instant from, final Instant to) {
        final Duration working = calendar.workingTimeBetween(from, to);
        final BigDecimal days = BigDecimal.valueOf(working.toMinutes()).divide(BigDecimal.valueOf(1440), 1, RoundingMode.DOWN);
        if (days.signum() == 0) {
            return "dưới 0,1 ngày làm việc";
        }
        return days.stripTrailingZeros().toPlainString().replace('.', ',') + " ngày làm việc";
    }

    private static String value(final KpiAlert alert) {
        return alert.value() == null ? "chưa có số liệu" : percent(alert.value());
    }

    private static Instant earliest(final List<KpiAlert> alerts, final java.util.function.Function<KpiAlert, Instant> time) {
        return alerts.stream().map(time).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static Instant latest(final List<KpiAlert> alerts) {
        return alerts.stream().map(KpiAlert::triggeredAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** "tất cả lĩnh vực" or "lĩnh vực Đất đai" (the code, quoted, when the field table does not have it). */
    private String fieldTitle(final String fieldId) {
        return KpiRowKey.ALL_FIELDS.equals(fieldId) ? "tất cả lĩnh vực" : "lĩnh vực " + fieldLabel(fieldId);
    }

    private String fieldLabel(final String fieldId) {
        return VietnameseText.fieldLabel(fieldId, fields);
    }

    private String unitLabel(final String unitId) {
        return units.unit(unitId).map(VietnameseText::unitName).orElseGet(() -> MailText.quoted(unitId));
    }

    /** What counts for a KPI, for "cần N … liên tiếp". */
    private static String goodOutcome(final Kpi kpi) {
        return switch (kpi) {
            case ON_TIME_RATE -> "hồ sơ giải quyết đúng hạn";
            case SATISFACTION_RATE -> "đánh giá hài lòng";
            case ONLINE_RATE -> "hồ sơ nộp trực tuyến toàn trình";
            case FEEDBACK_ON_TIME_RATE -> "phản ánh kiến nghị xử lý đúng hạn";
        };
    }

    private static int periodOrder(final String period) {
        try {
            return Period.parse(period).kind().ordinal();
        } catch (final IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }
}
