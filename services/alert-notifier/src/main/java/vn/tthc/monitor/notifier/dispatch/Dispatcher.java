package vn.tthc.monitor.notifier.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.contract.action.ActionEvent;
import vn.tthc.monitor.contract.alert.CaseWarning;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.verdict.VerdictReport;
import vn.tthc.monitor.notifier.delivery.ChannelKind;
import vn.tthc.monitor.notifier.delivery.Delivery;
import vn.tthc.monitor.notifier.delivery.DeliveryException;
import vn.tthc.monitor.notifier.delivery.DeliveryQueue;
import vn.tthc.monitor.notifier.delivery.Ledger;
import vn.tthc.monitor.notifier.delivery.Notification;
import vn.tthc.monitor.notifier.delivery.NotificationKind;
import vn.tthc.monitor.notifier.delivery.Transport;
import vn.tthc.monitor.notifier.rules.Decision;
import vn.tthc.monitor.notifier.rules.NotificationRules;
import vn.tthc.monitor.notifier.rules.NotifierSettings;
import vn.tthc.monitor.notifier.rules.VerdictRules;

/**
 * Carries out what the {@link NotificationRules} and the {@link VerdictRules} decide. In: alerts, case warnings,
 * verdict records and ticks; out: the
 * deliveries over the transports, the ledger (what is done), the settled warnings and the metrics. It
 * owns the delivery queue, settles a digest's warnings once all its deliveries are done, and records
 * a delivery in the ledger only once done: nothing is lost when a transport fails, the delivery waits.
 *
 * <p>Not thread-safe: one thread feeds it and calls {@link #tick()}; the counts are read from any thread.
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** Deliveries attempted in one tick at most, so a long queue does not starve reading. */
    private static final int ATTEMPTS_PER_TICK = 100;

    private final NotificationRules rules;
    private final VerdictRules verdicts;
    private final Clock clock;
    private final Ledger ledger;
    private final Map<ChannelKind, Transport> transports = new HashMap<>();
    private final NotificationMetrics metrics;
    private final Consumer<String> warningSettled;
    private final Predicate<String> owns;
    private final DeliveryQueue queue;
    /** Digests with deliveries still waiting: identity → how many. */
    private final Map<String, Integer> unfinishedDigests = new LinkedHashMap<>();
    private volatile int pending;
    private volatile Instant oldestPendingSince;
    private volatile int waitingWarnings;
    private volatile int waitingAlerts;

    /**
     * @param settings       the retry waits of the queue ({@code firstRetry}, {@code maxRetry})
     * @param warningSettled told the key of every case warning that needs nothing more: told in a
     *                       delivered digest, told before, or not to be told
     * @param owns           whether this notifier tells a unit now (docs/NOTIFIER.md, Two or more instances): what is
     *                       due for another's unit waits, so that this one tells it should the other die
     */
    public Dispatcher(final NotificationRules rules, final VerdictRules verdicts, final NotifierSettings settings,
                      final Clock clock, final Ledger ledger, final List<Transport> transports,
                      final NotificationMetrics metrics, final Consumer<String> warningSettled,
                      final Predicate<String> owns) {
        this.rules = rules;
        this.verdicts = verdicts;
        this.clock = clock;
        this.ledger = ledger;
        transports.forEach(t -> this.transports.put(t.channel(), t));
        this.metrics = metrics;
        this.warningSettled = warningSettled;
        this.owns = owns;
        this.queue = new DeliveryQueue(settings.firstRetry(), settings.maxRetry());
    }

    /** Gives the latest state of an alert to the rules. */
    public void onAlert(final KpiAlert alert) {
        final Instant now = clock.instant();
        carryOut(rules.onAlert(alert, now, this::told), now);
        waitingAlerts = rules.waitingAlerts();
    }

    /** Gives an event of the corrective-actions topic to the rules: an overdue action is escalated at a tick. */
    public void onAction(final ActionEvent event) {
        rules.onAction(event);
    }

    /** Whether the alerts and corrective actions have been read up to where they stood at the start. */
    public void inputsRead(final boolean read) {
        rules.inputsRead(read);
    }

    /** Gives a case warning to the rules, for its unit's next digest. */
    public void onWarning(final CaseWarning warning) {
        final Instant now = clock.instant();
        carryOut(rules.onWarning(warning, now, this::told), now);
        waitingWarnings = rules.waitingWarnings();
    }

    /** Gives a record of the verdict-reports topic to the verdict rules: a verdict or correction mail, once. */
    public void onVerdictReport(final VerdictReport report) {
        final Instant now = clock.instant();
        carryOut(verdicts.onReport(report, now, this::told, owns), now);
    }

    /**
     * Queues what the rules find due (escalations of alerts and of overdue corrective actions, grouped alerts, digests, corrections that waited for the revision
     * before them) and attempts the due deliveries.
     */
    public void tick() {
        final Instant now = clock.instant();
        carryOut(rules.due(now, this::told, ledger::contains, owns), now);
        carryOut(verdicts.due(now, this::told, owns), now);
        waitingAlerts = rules.waitingAlerts();
        waitingWarnings = rules.waitingWarnings();
        deliverDue();
        pending = queue.size();
        oldestPendingSince = queue.oldestAdded().orElse(null);
    }

    /**
     * Drops the waiting deliveries of the units this notifier no longer owns (another took them over in a rebalance):
     * not done, they are not in the ledger, and their new owner, which holds the same alerts, warnings and verdicts,
     * tells them. Their digests stay unsettled here; the new owner's ledger entries settle them.
     */
    public void dropUnowned() {
        final List<Delivery> dropped = queue.remove(delivery -> !owns.test(delivery.notification().unitId()));
        dropped.forEach(delivery -> unfinishedDigests.remove(delivery.notification().identity()));
        pending = queue.size();
        if (!dropped.isEmpty()) {
            LOG.info("{} deliveries left to the notifier that now owns their units", dropped.size());
        }
    }

    /** How long the delivery that has waited longest has waited (waiting or retrying) at the last tick; zero when none. */
    public Duration oldestPendingAge() {
        final Instant since = oldestPendingSince;
        return since == null ? Duration.ZERO : Duration.between(since, clock.instant());
    }

    /** Deliveries not yet done. */
    public int pendingDeliveries() {
        return pending;
    }

    /** Raised and resolved alerts waiting for their group. */
    public int waitingAlerts() {
        return waitingAlerts;
    }

    /** Case warnings waiting for their digest. */
    public int waitingWarnings() {
        return waitingWarnings;
    }

    /** Done (in the ledger) or waiting in the queue, alone or as a member of a group. */
    private boolean told(final String key) {
        return ledger.contains(key) || queue.contains(key);
    }

    /** Counts the skips, settles the warnings, and queues the deliveries not done yet; a digest with none left is settled. */
    private void carryOut(final Decision decision, final Instant now) {
        decision.skipped().forEach(metrics::skipped);
        decision.settledWarnings().forEach(warningSettled);
        final Map<String, Notification> digests = new LinkedHashMap<>();
        final Map<String, Integer> queuedOfDigest = new HashMap<>();
        for (final Delivery delivery : decision.deliveries()) {
            final boolean queued = enqueue(delivery, now);
            if (delivery.notification().kind() == NotificationKind.DIGEST) {
                digests.putIfAbsent(delivery.notification().identity(), delivery.notification());
                queuedOfDigest.merge(delivery.notification().identity(), queued ? 1 : 0, Integer::sum);
            }
        }
        digests.forEach((identity, digest) -> {
            final int queued = queuedOfDigest.get(identity);
            if (queued == 0) {
                settleWarnings(digest, now);
            } else {
                unfinishedDigests.put(identity, queued);
            }
        });
    }

    private void deliverDue() {
        int attempts = 0;
        List<Delivery> due = queue.due(clock.instant());
        while (!due.isEmpty() && attempts < ATTEMPTS_PER_TICK) {
            for (final Delivery delivery : due) {
                attempt(delivery);
                attempts++;
            }
            due = queue.due(clock.instant());
        }
    }

    private void attempt(final Delivery delivery) {
        final Notification notification = delivery.notification();
        try {
            transports.get(delivery.channel()).send(delivery);
        } catch (final DeliveryException | RuntimeException e) {
            final Duration wait = queue.failed(delivery, clock.instant());
            metrics.failed(delivery.channel(), notification.kind());
            LOG.warn("{} {} to {} failed, next attempt in {}: {}", notification.kind(), delivery.channel(),
                delivery.address(), wait, e.getMessage());
            return;
        }
        final Instant now = clock.instant();
        queue.succeeded(delivery, now);
        final Ledger.Entry entry = new Ledger.Entry(notification.kind().tag(), notification.unitId(),
            delivery.channel().tag(), delivery.address(), now);
        ledger.record(delivery.idempotencyKey(), entry);
        delivery.toldKeys().stream().filter(key -> !key.equals(delivery.idempotencyKey()))
            .forEach(key -> ledger.record(key, entry));
        ledger.flush();
        metrics.sent(delivery.channel(), notification.kind(), Duration.between(notification.sourceTime(), now));
        LOG.info("{} {} sent to {} about {}: {}", notification.kind(), delivery.channel(), delivery.address(),
            notification.unitId(), notification.message().subject());
        if (notification.kind() == NotificationKind.DIGEST) {
            final int left = unfinishedDigests.merge(notification.identity(), -1, Integer::sum);
            if (left <= 0) {
                unfinishedDigests.remove(notification.identity());
                settleWarnings(notification, now);
            }
        }
    }

    private void settleWarnings(final Notification digest, final Instant now) {
        for (final String key : digest.warningKeys()) {
            ledger.record(key, new Ledger.Entry("warning", digest.unitId(), null, null, now));
            warningSettled.accept(key);
        }
    }

    private boolean enqueue(final Delivery delivery, final Instant now) {
        return !ledger.contains(delivery.idempotencyKey()) && queue.add(delivery, now);
    }
}
