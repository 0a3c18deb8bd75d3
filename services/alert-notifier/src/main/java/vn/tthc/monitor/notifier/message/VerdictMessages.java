package vn.tthc.monitor.notifier.message;

import static vn.tthc.monitor.notifier.message.VietnameseText.count;
import static vn.tthc.monitor.notifier.message.VietnameseText.dateTime;
import static vn.tthc.monitor.notifier.message.VietnameseText.kpiName;
import static vn.tthc.monitor.notifier.message.VietnameseText.periodName;
import static vn.tthc.monitor.notifier.message.VietnameseText.unitName;
import static vn.tthc.monitor.notifier.message.VietnameseText.volumeNoun;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.tthc.monitor.contract.evaluation.Verdict;
import vn.tthc.monitor.contract.evaluation.VietnameseFormat;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.verdict.ObjectiveVerdict;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;
import vn.tthc.monitor.contract.verdict.VerdictReport;
import vn.tthc.monitor.notifier.message.MailDocument.Item;
import vn.tthc.monitor.notifier.message.MailDocument.PeriodRow;
import vn.tthc.monitor.notifier.registry.FieldNames;
import vn.tthc.monitor.notifier.registry.Unit;

/**
 * The verdict mails (docs/NOTIFIER.md, Verdict mails): the verdict ("KẾT LUẬN") of a unit's ended period and
 * scope, every objective listed with its value, target, volume and verdict, those not met first; and a correction
 * ("Đính chính kết luận") saying which objectives changed their verdict or value against the revision before. Both
 * carry the archived evaluation report as a PDF attachment and are laid out like the alert mails
 * ({@link MailLayout}), a row per objective. Ratios read {@code 97,50%} like the report they come with.
 */
public final class VerdictMessages {

    /** The order of the verdict groups in a mail: missed objectives first. */
    private static final List<Verdict> ORDER = List.of(Verdict.NOT_MET, Verdict.MET, Verdict.LOW_VOLUME, Verdict.NO_DATA);

    private final DashboardLinks dashboards;
    private final FieldNames fields;

    public VerdictMessages(final DashboardLinks dashboards, final FieldNames fields) {
        this.dashboards = dashboards;
        this.fields = fields;
    }

    /** The verdict (revision 0), to the heads of {@code unit} and of {@code parent}, with the report attached. */
    public Message verdict(final VerdictReport report, final Unit unit, final Optional<Unit> parent) {
        final PeriodVerdict verdict = report.verdict();
        final List<Item> items = new ArrayList<>();
        for (final Verdict group : ORDER) {
            final List<ObjectiveVerdict> objectives = sorted(verdict.objectives(group));
            if (objectives.isEmpty()) {
                continue;
            }
            final boolean lowVolume = group == Verdict.LOW_VOLUME;
            items.add(Item.ofObjectives(groupTitle(group) + " (" + count(objectives.size()) + " chỉ tiêu)",
                lowVolume ? "Số lượng tối thiểu" : null,
                objectives.stream().map(o -> new PeriodRow(objectiveName(o), value(o), null, percent(o.target()),
                    volume(o), lowVolume ? count(o.minVolume()) + " " + volumeNoun(o.kpi()) : null)).toList()));
        }
        final long missed = verdict.objectives(Verdict.NOT_MET).size();
        final int total = verdict.objectives().size();
        final String outcome = missed > 0 ? "không đạt " + count(missed) + "/" + count(total) + " chỉ tiêu"
            : "đạt " + count(verdict.objectives(Verdict.MET).size()) + "/" + count(total) + " chỉ tiêu";
        final Attachment file = attachment(report);
        return Message.of(new MailDocument(
            "KẾT LUẬN " + periodName(verdict.period()) + " – " + unitName(unit) + scopeSuffix(verdict) + ": " + outcome,
            greeting(unit, parent),
            List.of("Số liệu " + periodName(verdict.period()) + " của " + unitName(unit) + scopeNote(verdict)
                    + " đã chốt lúc " + dateTime(verdict.finalAt()) + ": " + finalReason(verdict) + ".",
                "Kết luận về " + count(total) + " chỉ tiêu chất lượng: " + tally(verdict) + "."),
            items,
            List.of("Báo cáo kết quả thực hiện mục tiêu chất lượng kèm theo thư này (tệp " + file.fileName() + ")."),
            dashboards.unit(unit.id()))).with(file);
    }

    /**
     * A correction (revision &gt; 0) against {@code previous}, the revision before it (null when it is not known:
     * every objective is then listed as it now stands), with the new report attached.
     */
    public Message correction(final VerdictReport report, final PeriodVerdict previous, final Unit unit,
                              final Optional<Unit> parent) {
        final PeriodVerdict verdict = report.verdict();
        final List<PeriodRow> changes = changes(verdict, previous);
        final List<String> lead = new ArrayList<>();
        final StringBuilder first = new StringBuilder("Kết luận " + periodName(verdict.period()) + " của " + unitName(unit)
            + scopeNote(verdict) + " được đính chính (lần " + verdict.revision() + "): sau khi số liệu đã chốt, "
            + count(verdict.correctedAfterFinal()) + " sự kiện được ghi nhận làm thay đổi số liệu");
        if (verdict.lastCorrectedAt() != null) {
            first.append(", lần cuối lúc ").append(dateTime(verdict.lastCorrectedAt()));
        }
        lead.add(first.append('.').toString());
        final String against = previous == null ? null
            : previous.revision() == 0 ? "kết luận đã gửi" : "lần đính chính " + previous.revision();
        if (previous == null) {
            lead.add("Không có bản kết luận trước để so sánh; các chỉ tiêu hiện nay:");
        } else if (changes.isEmpty()) {
            lead.add("Không chỉ tiêu nào thay đổi kết luận hoặc giá trị so với " + against
                + "; báo cáo kèm theo có số liệu cập nhật.");
        } else {
            lead.add(count(changes.size()) + " chỉ tiêu thay đổi kết luận hoặc giá trị so với " + against + ":");
        }
        final List<Item> items = changes.isEmpty() ? List.of()
            : List.of(Item.ofObjectives((previous == null ? "Các chỉ tiêu" : "Chỉ tiêu thay đổi") + " ("
                + count(changes.size()) + ")", previous == null ? null : "Trước đính chính", changes));
        final Attachment file = attachment(report);
        final String subjectOutcome = previous == null || !changes.isEmpty()
            ? count(changes.size()) + " chỉ tiêu thay đổi" : "cập nhật số lượng";
        return Message.of(new MailDocument(
            "Đính chính kết luận " + periodName(verdict.period()) + " – " + unitName(unit) + scopeSuffix(verdict) + ": "
                + (previous == null ? "kết luận hiện nay" : subjectOutcome),
            greeting(unit, parent), lead, items,
            List.of("Kết luận sau đính chính: " + tally(verdict) + ".",
                "Báo cáo kết quả thực hiện mục tiêu chất lượng đã cập nhật kèm theo thư này (tệp " + file.fileName() + ")."),
            dashboards.unit(unit.id()))).with(file);
    }

    /**
     * The attachment's name: {@code bao-cao-muc-tieu-chat-luong-UNIT-2026-Q3.pdf}, {@code …-UNIT-gom-truc-thuoc-2026-Q3.pdf}
     * for a subtree, {@code …-dinh-chinh-1.pdf} for a correction; characters other than ASCII letters, digits, dots and
     * dashes in the unit and period become dashes.
     */
    public static String fileName(final PeriodVerdict verdict) {
        return "bao-cao-muc-tieu-chat-luong-" + safe(verdict.unitId())
            + (verdict.scope() == Scope.SUBTREE ? "-gom-truc-thuoc" : "") + "-" + safe(verdict.period())
            + (verdict.revision() > 0 ? "-dinh-chinh-" + verdict.revision() : "") + ".pdf";
    }

    private static Attachment attachment(final VerdictReport report) {
        return new Attachment(fileName(report.verdict()), "application/pdf", report.reportPdf());
    }

    private static String safe(final String text) {
        return text.replaceAll("[^A-Za-z0-9.-]", "-");
    }

    /** The objectives whose verdict or value changed, were added or left, worst new verdict first. */
    private List<PeriodRow> changes(final PeriodVerdict verdict, final PeriodVerdict previous) {
        final Map<List<Object>, ObjectiveVerdict> before = new LinkedHashMap<>();
        if (previous != null) {
            previous.objectives().forEach(o -> before.put(List.of(o.fieldId(), o.kpi()), o));
        }
        final List<PeriodRow> rows = new ArrayList<>();
        final List<ObjectiveVerdict> now = new ArrayList<>(verdict.objectives());
        now.sort(Comparator.comparing((ObjectiveVerdict o) -> ORDER.indexOf(o.verdict())).thenComparing(order()));
        for (final ObjectiveVerdict objective : now) {
            final ObjectiveVerdict old = before.remove(List.of(objective.fieldId(), objective.kpi()));
            if (previous != null && old != null && old.verdict() == objective.verdict()
                && Objects.equals(old.value(), objective.value())) {
                continue;
            }
            rows.add(new PeriodRow(objectiveName(objective), value(objective) + " – " + label(objective.verdict()),
                null, percent(objective.target()), volume(objective), previous == null ? null
                    : old == null ? "chưa có" : value(old) + " – " + label(old.verdict())));
        }
        for (final ObjectiveVerdict gone : sorted(List.copyOf(before.values()))) {
            rows.add(new PeriodRow(objectiveName(gone), "không còn trong kết luận", null, percent(gone.target()),
                volume(gone), value(gone) + " – " + label(gone.verdict())));
        }
        return rows;
    }

    private static String greeting(final Unit unit, final Optional<Unit> parent) {
        return "Kính gửi lãnh đạo " + unitName(unit)
            + parent.filter(p -> !p.heads().isEmpty()).map(p -> " và lãnh đạo " + unitName(p)).orElse("") + ",";
    }

    private static String scopeSuffix(final PeriodVerdict verdict) {
        return verdict.scope() == Scope.SUBTREE ? " (gồm các đơn vị trực thuộc)" : "";
    }

    private static String scopeNote(final PeriodVerdict verdict) {
        return verdict.scope() == Scope.SUBTREE ? " (gồm các đơn vị trực thuộc)" : " (hồ sơ của chính đơn vị)";
    }

    private static String finalReason(final PeriodVerdict verdict) {
        return verdict.finalReason() == PeriodVerdict.FinalReason.CUT_OFF
            ? "đã qua hạn chốt số liệu sau khi kỳ kết thúc"
            : "mọi hồ sơ tiếp nhận trong kỳ đã kết thúc";
    }

    /** "2 không đạt, 5 đạt, 1 chưa đủ số lượng" (the groups that have objectives). */
    private static String tally(final PeriodVerdict verdict) {
        final List<String> parts = new ArrayList<>();
        for (final Verdict group : ORDER) {
            final int n = verdict.objectives(group).size();
            if (n > 0) {
                parts.add(count(n) + " " + label(group));
            }
        }
        return parts.isEmpty() ? "không có chỉ tiêu nào" : String.join(", ", parts);
    }

    private static String groupTitle(final Verdict verdict) {
        return switch (verdict) {
            case NOT_MET -> "Không đạt";
            case MET -> "Đạt";
            case LOW_VOLUME -> "Chưa đủ số lượng để kết luận";
            case NO_DATA -> "Chưa có dữ liệu";
        };
    }

    /** "đạt", "không đạt", "chưa đủ số lượng", "chưa có dữ liệu". */
    private static String label(final Verdict verdict) {
        return verdict.label().toLowerCase(java.util.Locale.ROOT);
    }

    /** "Tỷ lệ hồ sơ giải quyết đúng hạn – lĩnh vực Đất đai". */
    private String objectiveName(final ObjectiveVerdict objective) {
        return kpiName(objective.kpi()) + " – " + VietnameseText.fieldName(objective.fieldId(), fields);
    }

    private static List<ObjectiveVerdict> sorted(final List<ObjectiveVerdict> objectives) {
        return objectives.stream().sorted(order()).toList();
    }

    /** KPI by KPI, the all-fields row first, then the fields by id. */
    private static Comparator<ObjectiveVerdict> order() {
        return Comparator.comparing(ObjectiveVerdict::kpi)
            .thenComparing(o -> !KpiRowKey.ALL_FIELDS.equals(o.fieldId()))
            .thenComparing(ObjectiveVerdict::fieldId);
    }

    private static String value(final ObjectiveVerdict objective) {
        return objective.value() == null ? "chưa có dữ liệu" : percent(objective.value());
    }

    private static String volume(final ObjectiveVerdict objective) {
        return count(objective.volume()) + " " + volumeNoun(objective.kpi());
    }

    /** "97,50%": two decimals, cut, like the evaluation report. */
    private static String percent(final double ratio) {
        return VietnameseFormat.percent(BigDecimal.valueOf(ratio));
    }
}
