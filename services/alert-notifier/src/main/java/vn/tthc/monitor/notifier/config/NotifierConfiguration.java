package vn.tthc.monitor.notifier.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import vn.tthc.monitor.notifier.rules.NotifierSettings;

/**
 * How the notifier behaves ({@code tthc.notifier.*}; docs/NOTIFIER.md, Configuration).
 *
 * @param unitsFile      the unit registry (YAML)
 * @param dashboardUrl   the Grafana base URL the mails link to
 * @param escalateAfter  how long an alert stays open before the heads of the unit above are told
 * @param digestInterval how long case warnings wait for their unit's digest
 * @param firstRetry     the wait after a failed delivery, doubling up to {@code maxRetry}
 * @param maxRetry       the longest wait between two attempts
 * @param mailFrom       the sender address
 * @param mailFromName   the sender's display name
 * @param mailDirectory  where mails are written as .eml files when no SMTP host is set
 * @param webhookTimeout how long a webhook may take to answer
 * @param groupId        the consumer group reading case warnings
 * @param groupWindow    how long a unit's raised (or resolved) alerts wait to be told together in one mail
 * @param fieldsFile     the field table (CSV {@code id,name}): the Vietnamese names of the fields
 * @param publicUrl      the console's address as heads reach it, for the case links; empty: no case links
 * @param calendarOverride a province's working-day calendar override (docs/CALENDAR.md); empty: the national calendar
 * @param sessionTimeout how long the notifiers' group waits for a silent notifier before its units go to the others
 */
@ConfigurationProperties("tthc.notifier")
public record NotifierConfiguration(
    @Bindable(defaultValue = "config/units.yaml") String unitsFile,
    @Bindable(defaultValue = "http://127.0.0.1:3000") String dashboardUrl,
    @Bindable(defaultValue = "4h") Duration escalateAfter,
    @Bindable(defaultValue = "15m") Duration digestInterval,
    @Bindable(defaultValue = "2s") Duration firstRetry,
    @Bindable(defaultValue = "5m") Duration maxRetry,
    @Bindable(defaultValue = "tthc-monitor@example.org") String mailFrom,
    @Bindable(defaultValue = "TTHC Monitor") String mailFromName,
    @Bindable(defaultValue = ".run/mail") String mailDirectory,
    @Bindable(defaultValue = "10s") Duration webhookTimeout,
    @Bindable(defaultValue = "tthc-alert-notifier") String groupId,
    @Bindable(defaultValue = "10s") Duration groupWindow,
    @Bindable(defaultValue = "config/fields.csv") String fieldsFile,
    @Bindable(defaultValue = "") String publicUrl,
    @Bindable(defaultValue = "") String calendarOverride,
    @Bindable(defaultValue = "10s") Duration sessionTimeout) {

    public NotifierSettings settings() {
        return new NotifierSettings(escalateAfter, digestInterval, firstRetry, maxRetry, groupWindow);
    }
}
