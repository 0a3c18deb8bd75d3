package vn.tthc.monitor.notifier.delivery;

import java.util.Locale;

/** How a notification reaches a head. */
public enum ChannelKind {
    EMAIL, WEBHOOK;

    /** The metric tag: {@code email} or {@code webhook}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
