package vn.tthc.monitor.notifier.rules;

import java.time.Duration;

/**
 * @param escalateAfter  how long an alert stays open before the unit above is told
 * @param digestInterval how long case warnings wait to be told together in their unit's digest
 * @param firstRetry     the wait after a destination's first failed delivery; it doubles with each failure
 * @param maxRetry       the longest wait between two attempts
 * @param groupWindow    how long a unit's raised (or resolved) alerts wait to be told together in one mail
 */
public record NotifierSettings(Duration escalateAfter, Duration digestInterval, Duration firstRetry,
                               Duration maxRetry, Duration groupWindow) {
}
