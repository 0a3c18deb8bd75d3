package vn.tthc.monitor.notifier.message;

import java.util.List;

/**
 * What an alert mail says, once, laid out by {@link MailLayout} as plain text and as HTML and sent as such in
 * the webhook JSON. Every text in it is one inert line ({@link MailText}): ids quoted, names from the
 * configuration, figures formatted; the layouts add only their own structure around them.
 *
 * @param greeting  "Kính gửi lãnh đạo …,"
 * @param lead      the paragraphs before the items
 * @param items     one per objective and scope (KPI, unit, field, own or subtree), numbered from 1
 * @param closing   the paragraphs after the items (detection time, who was told before)
 * @param dashboard the unit's Grafana dashboard, for operators
 */
public record MailDocument(String subject, String greeting, List<String> lead, List<Item> items, List<String> closing,
                           String dashboard) {

    public MailDocument {
        lead = List.copyOf(lead);
        items = List.copyOf(items);
        closing = List.copyOf(closing);
    }

    /**
     * One objective of one scope, its periods folded into {@code periods}.
     *
     * @param title        the objective, the field and the scope
     * @param marginLabel  the heading of the periods' last column ("Để đạt lại mục tiêu", "Còn được phép", …); null: no such column
     * @param childrenTitle "Đơn vị trực thuộc có nhiều hồ sơ trễ hạn nhất (tháng 11/2026)", null when none is named
     * @param children     on a subtree row: the children that drive it, worst first
     * @param casesTitle   "Hồ sơ liên quan (16)", null when no case is listed
     * @param cases        the driving cases not listed in an earlier item of the mail
     * @param casesElsewhere driving cases of this item already listed in an earlier item (by number)
     * @param casesNotShown driving cases left out for length
     * @param rowHeading   the heading of the rows' first column: "Kỳ" in an alert mail (a row per period),
     *                     "Chỉ tiêu" in a verdict mail (a row per objective)
     */
    public record Item(String title, String marginLabel, List<PeriodRow> periods,
                       String childrenTitle, List<ChildRow> children, String casesTitle, List<CaseRow> cases, String casesElsewhere,
                       int casesNotShown, String rowHeading) {

        public Item {
            periods = List.copyOf(periods);
            children = List.copyOf(children);
            cases = List.copyOf(cases);
        }

        /** An item of an alert mail: a row per period ("Kỳ"). */
        public Item(final String title, final String marginLabel, final List<PeriodRow> periods,
                    final String childrenTitle, final List<ChildRow> children, final String casesTitle,
                    final List<CaseRow> cases, final String casesElsewhere, final int casesNotShown) {
            this(title, marginLabel, periods, childrenTitle, children, casesTitle, cases, casesElsewhere, casesNotShown,
                "Kỳ");
        }

        /** An item whose rows are objectives ("Chỉ tiêu"), with no case and no child listed. */
        public static Item ofObjectives(final String title, final String marginLabel, final List<PeriodRow> rows) {
            return new Item(title, marginLabel, rows, null, List.of(), null, List.of(), null, 0, "Chỉ tiêu");
        }
    }

    /**
     * The figures of one or more periods that have the same ones (value, volume, state); in a verdict mail, of one
     * objective.
     *
     * @param periods  "Tháng 11/2026", or "Tháng 11/2026, quý 4/2026, năm 2026" when they are equal; in a verdict
     *                 mail the objective ("Tỷ lệ hồ sơ giải quyết đúng hạn – lĩnh vực Đất đai")
     * @param forecast the end-of-period forecast (AT_RISK), null otherwise
     * @param margin   the remaining allowance, what it takes to recover, or how long it was below target
     */
    public record PeriodRow(String periods, String value, String forecast, String target, String volume,
                            String margin) {
    }

    /** A child unit driving a subtree row: its name, its bad outcomes and their share of the row's ("60%"). */
    public record ChildRow(String unit, String bad, String share) {
    }

    /**
     * A driving case: its id (quoted), the unit holding it when another than the item's, its due time, how late
     * it is (or was) in working days, and its page in the console (null without {@code TTHC_PUBLIC_URL}).
     */
    public record CaseRow(String caseId, String unit, String due, String late, String link) {
    }
}
