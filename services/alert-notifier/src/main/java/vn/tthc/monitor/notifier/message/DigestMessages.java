package vn.tthc.monitor.notifier.message;

import static vn.tthc.monitor.notifier.message.VietnameseText.dateTime;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.tthc.monitor.contract.alert.CaseWarning;
import vn.tthc.monitor.notifier.registry.FieldNames;
import vn.tthc.monitor.notifier.registry.Unit;

/** The digest of a unit's overdue and due-soon cases over one interval. */
public final class DigestMessages {

    private final DashboardLinks dashboards;
    private final CaseLinks caseLinks;
    private final FieldNames fields;

    public DigestMessages(final DashboardLinks dashboards, final CaseLinks caseLinks, final FieldNames fields) {
        this.dashboards = dashboards;
        this.caseLinks = caseLinks;
        this.fields = fields;
    }

    /**
     * Lists the overdue cases, then the due-soon ones, each by effective due time with its console link (when
     * {@code TTHC_PUBLIC_URL} is set); a case that became overdue within the interval is listed as overdue only.
     */
    public Message digest(final Unit unit, final List<CaseWarning> warnings) {
        final List<CaseWarning> overdue = ofKind(warnings, CaseWarning.Kind.OVERDUE);
        final Set<String> overdueCases = overdue.stream().map(CaseWarning::caseId).collect(Collectors.toSet());
        final List<CaseWarning> dueSoon = ofKind(warnings, CaseWarning.Kind.DUE_SOON).stream()
            .filter(w -> !overdueCases.contains(w.caseId())).toList();
        final Instant first = warnings.stream().map(CaseWarning::detectedAt).min(Comparator.naturalOrder()).orElseThrow();
        final Instant last = warnings.stream().map(CaseWarning::detectedAt).max(Comparator.naturalOrder()).orElseThrow();

        final StringBuilder body = new StringBuilder()
            .append("Kính gửi lãnh đạo ").append(VietnameseText.unitName(unit)).append(",\n\n")
            .append("Từ ").append(dateTime(first)).append(" đến ").append(dateTime(last)).append(", ")
            .append(VietnameseText.unitName(unit)).append(" có ").append(overdue.size()).append(" hồ sơ quá hạn và ")
            .append(dueSoon.size()).append(" hồ sơ sắp đến hạn.\n");
        section(body, "Hồ sơ quá hạn", overdue);
        section(body, "Hồ sơ sắp đến hạn", dueSoon);
        body.append("\nBảng điều khiển của đơn vị: ").append(dashboards.unit(unit.id())).append("\n\n")
            .append("Thư này được gửi tự động bởi TTHC Monitor.\n");
        return new Message("Tổng hợp hồ sơ quá hạn / sắp đến hạn – " + VietnameseText.unitName(unit), body.toString(),
            dashboards.unit(unit.id()));
    }

    private static List<CaseWarning> ofKind(final List<CaseWarning> warnings, final CaseWarning.Kind kind) {
        return warnings.stream().filter(w -> w.kind() == kind)
            .sorted(Comparator.comparing(CaseWarning::effectiveDue).thenComparing(CaseWarning::caseId)).toList();
    }

    private void section(final StringBuilder body, final String title, final List<CaseWarning> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        body.append('\n').append(title).append(" (").append(warnings.size()).append("):\n");
        for (final CaseWarning w : warnings) {
            body.append("  - ").append(MailText.quoted(w.caseId())).append(": ").append(VietnameseText.fieldName(w.fieldId(), fields))
                .append(", thủ tục ").append(MailText.quoted(w.procedureId())).append(", hạn xử lý ").append(dateTime(w.effectiveDue()))
                .append('\n');
            caseLinks.caseLink(w.caseId()).ifPresent(link -> body.append("    ").append(link).append('\n'));
        }
    }
}
