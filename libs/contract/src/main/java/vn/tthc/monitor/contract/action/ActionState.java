package vn.tthc.monitor.contract.action;

/** Where a corrective action stands at a given time ({@link CorrectiveAction#state}). */
public enum ActionState {
    /** Acknowledged, or recorded and not past its due date. */
    OPEN("Đang thực hiện"),
    /** Completed. */
    DONE("Đã hoàn thành"),
    /** Recorded, not completed, and its due date has passed (Vietnam's calendar). */
    OVERDUE("Quá hạn");

    private final String vietnamese;

    ActionState(final String vietnamese) {
        this.vietnamese = vietnamese;
    }

    /** The state as users read it. */
    public String vietnamese() {
        return vietnamese;
    }
}
