package vn.tthc.monitor.notifier.delivery;

import java.util.Locale;

/** What a notification is about. */
public enum NotificationKind {
    /** A KPI fell below its target: to the unit's heads. */
    RAISED,
    /** A KPI still meets its target but its end-of-period forecast does not (AT_RISK alert): to the unit's heads. */
    AT_RISK,
    /** A KPI is no longer below its target: to the heads told it was raised. */
    RESOLVED,
    /** A KPI stayed below its target too long: to the heads of the unit above. */
    ESCALATED,
    /** A corrective action past its due date while its alert is open: to the heads of the unit above. */
    OVERDUE_ACTION,
    /** The overdue and due-soon cases of one interval: to the unit's heads. */
    DIGEST,
    /** The verdict (kết luận) of a unit's ended period, with its evaluation report: to the heads of the unit and of its parent. */
    VERDICT,
    /** A correction (đính chính) of a verdict sent before, with the new report: to the same heads. */
    CORRECTION;

    /** The metric tag: {@code raised}, {@code digest}, … */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
