package vn.tthc.monitor.notifier.rules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.CaseWarning;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.notifier.delivery.ChannelKind;
import vn.tthc.monitor.notifier.delivery.Delivery;
import vn.tthc.monitor.notifier.delivery.DeliveryException;
import vn.tthc.monitor.notifier.delivery.DeliveryQueue;
import vn.tthc.monitor.notifier.delivery.Ledger;
import vn.tthc.monitor.notifier.delivery.Notification;
import vn.tthc.monitor.notifier.delivery.NotificationKind;
import vn.tthc.monitor.notifier.delivery.Transport;
import vn.tthc.monitor.notifier.message.AlertMessages;
import vn.tthc.monitor.notifier.message.DigestMessages;
import vn.tthc.monitor.notifier.message.Message;
import vn.tthc.monitor.notifier.registry.Head;
import vn.tthc.monitor.notifier.registry.Unit;
import vn.tthc.monitor.notifier.registry.UnitRegistry;

/**
 * Decides who is told what, and delivers it (docs/NOTIFIER.md). Alerts: a RAISED or UPDATED alert
 * not yet told is told once per raise to its unit's heads; RESOLVED goes to the heads who were told
 * of the raise; the raises (and the resolves) of one unit arriving within {@code groupWindow} go out
 * as one mail per head. An alert open {@code escalateAfter} goes to the heads of the unit above; stale
 * alerts and alerts of ended periods are only counted. Case warnings wait for their unit's digest.
 *
 * <p>Not thread-safe: one thread feeds it and calls {@link #tick()}. Nothing is lost when a transport
 * fails: the delivery waits in the queue and is recorded in the ledger only once done.
 */
public final class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    /** Deliveries attempted in one tick at most, so a long queue does not starve reading. */
    private static final int ATTEMPTS_PER_TICK = 100;

    private final UnitRegistry units;
    private final AlertMessages alertMessages;
    private final DigestMessages digestMessages;
    private final Clock clock;
    private final Ledger ledger;
    private final Map<ChannelKind, Transport> transports = new HashMap<>();
    private final NotificationMetrics metrics;
    private final Consumer<String> warningSettled;
    private final EscalationWatch escalations;
    private final WarningDigests digests;
    private final AlertGroups groups;
    private final DeliveryQueue queue;
    /** Digests with deliveries still waiting: identity → how many. */
    private final Map<String, Integer> unfinishedDigests = new LinkedHashMap<>();
    private volatile int pending;
    private volatile int waitingWarnings;
    private volatile int waitingAlerts;

    /**
     * @param warningSettled told the key of every case warning that needs nothing more: told in a
     *                       delivered digest, told before, or not to be told
     */
    public Notifier(final UnitRegistry units, final AlertMessages alertMessages, final DigestMessages digestMessages,
                    final NotifierSettings settings, final Clock clock, final Ledger ledger,
                    final List<Transport> transports, final NotificationMetrics metrics,
                    final Consumer<String> warningSettled) {
        this.units = units;
        this.alertMessages = alertMessages;
        this.digestMessages = digestMessages;
        this.clock = clock;
        this.ledger = ledger;
        transports.forEach(t -> this.transports.put(t.channel(), t));
        this.metrics = metrics;
        this.warningSettled = warningSettled;
        this.escalations = new EscalationWatch(settings.escalateAfter());
        this.digests = new WarningDigests(settings.digestInterval());
        this.groups = new AlertGroups(settings.groupWindow());
        this.queue = new DeliveryQueue(settings.firstRetry(), settings.maxRetry());
    }

    /**
     * Takes the latest state of an alert: a raise or resolve waits in its unit's group for the group
     * window; a resolve takes a raise still waiting out of its group (nobody has heard of it from there).
     */
    public void onAlert(final KpiAlert alert) {
        final Instant now = clock.instant();
        if (alert.stale() || Period.parse(alert.period()).hasEndedAt(now)) {
            escalations.forget(alert);
            groups.remove(NotificationKind.RAISED, alert);
            groups.remove(NotificationKind.RESOLVED, alert);
            metrics.skipped("stale");
            LOG.info("stale alert not sent: {} {} {} {} {}", alert.unitId(), alert.fieldId(), alert.period(),
                alert.kpi(), alert.state());
            return;
        }
        escalations.track(alert);
        final Optional<Unit> unit = knownUnit(alert.unitId());
        if (unit.isEmpty()) {
            return;
        }
        if (alert.state() == AlertState.RESOLVED) {
            groups.remove(NotificationKind.RAISED, alert);
            groups.add(NotificationKind.RESOLVED, alert, now);
        } else if (destinations(unit.get()).stream()
            .anyMatch(d -> toBeTold(NotificationKind.RAISED, alert, d.channel(), d.address()))) {
            groups.add(NotificationKind.RAISED, alert, now);
        }
        waitingAlerts = groups.waitingAlerts();
    }

    /** Takes a case warning into its unit's next digest. */
    public void onWarning(final CaseWarning warning) {
        final String key = WarningDigests.key(warning);
        if (ledger.contains(key) || knownUnit(warning.unitId()).isEmpty()) {
            warningSettled.accept(key);
            return;
        }
        digests.add(warning, clock.instant());
        waitingWarnings = digests.waitingWarnings();
    }

    /** Escalates the alerts open too long, sends the digests that are due, and attempts the due deliveries. */
    public void tick() {
        final Instant now = clock.instant();
        escalations.due(now).forEach(alert -> escalate(alert, now));
        groups.due(now).forEach(group -> tell(group, now));
        waitingAlerts = groups.waitingAlerts();
        digests.due(now).forEach(digest -> sendDigest(digest, now));
        waitingWarnings = digests.waitingWarnings();
        deliverDue();
        pending = queue.size();
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

    /**
     * Tells each destination (head and channel) of the unit the group's alerts it has not been told:
     * by e-mail in one mail (the single alert's own mail when only one is left), by webhook one call per
     * alert. A resolve goes only where its raise was told or is waiting to be.
     */
    private void tell(final AlertGroups.Group group, final Instant now) {
        final Unit unit = units.unit(group.unitId()).orElseThrow();
        for (final Destination destination : destinations(unit)) {
            final List<KpiAlert> untold = group.alerts().stream()
                .filter(a -> toBeTold(group.kind(), a, destination.channel(), destination.address())).toList();
            if (destination.channel() == ChannelKind.WEBHOOK || untold.size() == 1) {
                untold.forEach(alert -> enqueue(single(group.kind(), alert, unit, destination.head()), destination, now));
            } else if (!untold.isEmpty()) {
                enqueue(grouped(group.kind(), untold, unit, destination.head()), destination, now);
            }
        }
    }

    private boolean toBeTold(final NotificationKind kind, final KpiAlert alert, final ChannelKind channel,
                             final String address) {
        if (told(Delivery.idempotencyKey(identity(kind.tag(), alert), channel, address))) {
            return false;
        }
        return kind != NotificationKind.RESOLVED
            || told(Delivery.idempotencyKey(identity(NotificationKind.RAISED.tag(), alert), channel, address));
    }

    /** Done (in the ledger) or waiting in the queue, alone or as a member of a group. */
    private boolean told(final String key) {
        return ledger.contains(key) || queue.contains(key);
    }

    private void enqueue(final Notification notification, final Destination destination, final Instant now) {
        notification.deliveries().stream()
            .filter(d -> d.channel() == destination.channel() && d.address().equals(destination.address()))
            .forEach(d -> enqueue(d, now));
    }

    private Notification single(final NotificationKind kind, final KpiAlert alert, final Unit unit, final Head head) {
        final Message message = kind == NotificationKind.RESOLVED
            ? alertMessages.resolved(alert, unit) : alertMessages.raised(alert, unit);
        return new Notification(kind, identity(kind.tag(), alert), alert.unitId(), message,
            payload(kind, unit, message, Map.of("alert", alert)), alert.triggeredAt(), List.of(head), List.of());
    }

    /** Identity: the kind, the unit and the sorted identities of its members, so a regroup of the same alerts is the same. */
    private Notification grouped(final NotificationKind kind, final List<KpiAlert> alerts, final Unit unit,
                                 final Head head) {
        final Message message = kind == NotificationKind.RESOLVED
            ? alertMessages.resolvedGroup(alerts, unit) : alertMessages.raisedGroup(alerts, unit);
        final List<String> members = alerts.stream().map(a -> identity(kind.tag(), a)).sorted().toList();
        final Instant firstTriggered = alerts.stream().map(KpiAlert::triggeredAt).min(Comparator.naturalOrder())
            .orElseThrow();
        return new Notification(kind, "group|" + kind.tag() + "|" + unit.id() + "|" + String.join(",", members),
            unit.id(), message, payload(kind, unit, message, Map.of("alerts", alerts)), firstTriggered, List.of(head),
            List.of(), members);
    }

    private static List<Destination> destinations(final Unit unit) {
        final List<Destination> destinations = new ArrayList<>();
        for (final Head head : unit.heads()) {
            destinations.add(new Destination(head, ChannelKind.EMAIL, head.email()));
            head.webhookUri().ifPresent(uri -> destinations.add(new Destination(head, ChannelKind.WEBHOOK, uri.toString())));
        }
        return destinations;
    }

    private record Destination(Head head, ChannelKind channel, String address) {
    }

    private void escalate(final KpiAlert alert, final Instant now) {
        final Optional<Unit> parent = units.parentOf(alert.unitId());
        if (parent.isEmpty() || parent.get().heads().isEmpty()) {
            metrics.skipped("no_parent");
            LOG.warn("alert open for {} but {} has no unit above with heads: not escalated", escalations.escalateAfter(),
                alert.unitId());
            return;
        }
        final Unit unit = units.unit(alert.unitId()).orElseThrow();
        final Message message = alertMessages.escalated(alert, unit, parent.get(),
            Duration.between(alert.raisedAt(), now));
        final Notification escalated = new Notification(NotificationKind.ESCALATED, identity("escalated", alert),
            alert.unitId(), message, payload(NotificationKind.ESCALATED, unit, message, Map.of("alert", alert)),
            escalations.dueAt(alert), parent.get().heads(), List.of());
        LOG.info("escalating alert {} {} {} {} to {}", alert.unitId(), alert.fieldId(), alert.period(), alert.kpi(),
            parent.get().id());
        escalated.deliveries().forEach(d -> enqueue(d, now));
    }

    private void sendDigest(final WarningDigests.Digest digest, final Instant now) {
        final Unit unit = units.unit(digest.unitId()).orElseThrow();
        final Message message = digestMessages.digest(unit, digest.warnings());
        final Instant firstDetected = digest.warnings().stream().map(CaseWarning::detectedAt)
            .min(Comparator.naturalOrder()).orElseThrow();
        final Notification notification = new Notification(NotificationKind.DIGEST,
            "digest|" + unit.id() + "|" + String.join(",", digest.warningKeys().stream().sorted().toList()),
            unit.id(), message, payload(NotificationKind.DIGEST, unit, message, Map.of("warnings", digest.warnings())),
            firstDetected, unit.heads(), digest.warningKeys());
        final long enqueued = notification.deliveries().stream().filter(d -> enqueue(d, now)).count();
        if (enqueued == 0) {
            settleWarnings(notification, now);
        } else {
            unfinishedDigests.put(notification.identity(), (int) enqueued);
        }
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
            metrics.failed(delivery.channel());
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

    private Optional<Unit> knownUnit(final String unitId) {
        final Optional<Unit> unit = units.unit(unitId);
        if (unit.isEmpty()) {
            metrics.skipped("unknown_unit");
            LOG.warn("unit {} is not in the units file: nobody to tell", unitId);
        } else if (unit.get().heads().isEmpty()) {
            metrics.skipped("no_heads");
            LOG.warn("unit {} has no heads in the units file: nobody to tell", unitId);
            return Optional.empty();
        }
        return unit;
    }

    /** Once per raise of one alert: unit, field, period, KPI, what happened and when it was raised. */
    private static String identity(final String what, final KpiAlert alert) {
        return String.join("|", alert.unitId(), alert.fieldId(), alert.period(), alert.kpi(), what,
            alert.raisedAt().toString());
    }

    private static Map<String, Object> payload(final NotificationKind kind, final Unit unit, final Message message,
                                               final Map<String, Object> content) {
        final Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", kind.tag());
        payload.put("unit", Map.of("id", unit.id(), "name", unit.name()));
        payload.put("subject", message.subject());
        payload.put("dashboard", message.link());
        payload.putAll(content);
        return payload;
    }
}
