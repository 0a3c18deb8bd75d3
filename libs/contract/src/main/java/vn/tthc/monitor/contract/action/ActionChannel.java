package vn.tthc.monitor.contract.action;

/** Where an event was recorded from. */
public enum ActionChannel {
    /** The query API: the console or a script, as the signed-in caller. */
    API,
    /** The signed link of an alert mail, as the mail's recipient. */
    MAIL_LINK
}
