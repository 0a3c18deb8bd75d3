package vn.tthc.monitor.contract.action;

/** What one corrective-action event records about an alert. */
public enum ActionEventType {
    /** A head or quality officer has seen the alert and takes it in hand (tiếp nhận). */
    ACKNOWLEDGED,
    /** The cause, the action, who is responsible and by when; a later one corrects the one before. */
    RECORDED,
    /** The action is done (hoàn thành). */
    COMPLETED
}
