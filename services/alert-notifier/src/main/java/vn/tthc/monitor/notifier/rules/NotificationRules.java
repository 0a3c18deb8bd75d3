package vn.tthc.monitor.notifier.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.contract.action.ActionEvent;
import vn.tthc.monitor.contract.alert.AlertKind;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.CaseWarning;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.alert.KpiAlertLifecycle;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.notifier.delivery.ChannelKind;
import vn.tthc.monitor.notifier.delivery.Delivery;
import vn.tthc.monitor.notifier.delivery.Notification;
import vn.tthc.monitor.notifier.delivery.NotificationKind;
import vn.tthc.monitor.notifier.message.AlertMessages;
import vn.tthc.monitor.notifier.message.DigestMessages;
import vn.tthc.monitor.notifier.message.Message;
import vn.tthc.monitor.notifier.registry.Head;
import vn.tthc.monitor.notifier.registry.Unit;
import vn.tthc.monitor.notifier.registry.UnitRegistry;

/**
 * Decides who is told what, and when (docs/NOTIFIER.md). In: alerts, case warnings and moments
 * ({@code now}), with what has been told ({@code told}: an idempotency key done or waiting); out: a
 * {@link Decision}, the deliveries to make (recipient, payload, idempotency key) and what is not told.
 * A RAISED or UPDATED alert not yet told is told once per raise to its unit's heads; RESOLVED goes to
 * the heads who were told of the raise; the raises (and the resolves) of one unit arriving within
 * {@code groupWindow} go out as one mail per head. An alert open {@code escalateAfter} goes to the heads
 * of the unit above, and so does a corrective action past its due date while its alert is open
 * ({@link OverdueActions}); stale alerts are only counted. Case warnings wait for their unit's digest.
 *
 * <p>Not thread-safe: it keeps what waits (alert groups, digests, open alerts); one thread feeds it.
 */
public final class NotificationRules {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationRules.class);

    private final UnitRegistry units;
    private final AlertMessages alertMessages;
    private final DigestMessages digestMessages;
    private final EscalationWatch escalations;
    private final WarningDigests digests;
    private final AlertGroups groups;
    private final OverdueActions overdueActions = new OverdueActions();
    private boolean inputsRead;

    public NotificationRules(final UnitRegistry units, final AlertMessages alertMessages,
                             final DigestMessages digestMessages, final NotifierSettings settings) {
        this.units = units;
        this.alertMessages = alertMessages;
        this.digestMessages = digestMessages;
        this.escalations = new EscalationWatch(settings.escalateAfter());
        this.digests = new WarningDigests(settings.digestInterval());
        this.groups = new AlertGroups(settings.groupWindow());
    }

    /**
     * Takes the latest state of an alert: a raise or resolve waits in its unit's group for the group
     * window; a resolve takes a raise still waiting out of its group (nobody has heard of it from there).
     */
    public Decision onAlert(final KpiAlert alert, final Instant now, final Predicate<String> told) {
        overdueActions.onAlert(alert);
        if (KpiAlertLifecycle.isStale(alert, now)) {
            escalations.forget(alert);
            groups.remove(NotificationKind.RAISED, alert);
            groups.remove(NotificationKind.RESOLVED, alert);
            groups.remove(NotificationKind.AT_RISK, alert);
            LOG.info("stale alert not sent: {} {} {} {} {}", alert.unitId(), alert.fieldId(), alert.period(),
                alert.kpi(), alert.state());
            return Decision.skipped("stale");
        }
        final boolean forecast = alert.kind() == AlertKind.AT_RISK;
        if (!forecast) {
            escalations.track(alert);
        }
        final Optional<String> nobody = nobodyToTell(alert.unitId());
        if (nobody.isPresent()) {
            return Decision.skipped(nobody.get());
        }
        final Unit unit = units.unit(alert.unitId()).orElseThrow();
        if (forecast) {
            // a forecast that recovers (or whose period ends) is not mailed: the warning asked for action, and a
            // breach that follows is mailed as such; a new forecast after it is a new raise, told again
            if (alert.state() == AlertState.RESOLVED) {
                groups.remove(NotificationKind.AT_RISK, alert);
            } else if (destinations(unit).stream()
                .anyMatch(d -> toBeTold(NotificationKind.AT_RISK, alert, d.channel(), d.address(), told))) {
                groups.add(NotificationKind.AT_RISK, alert, now);
            }
        } else if (alert.state() == AlertState.RESOLVED) {
            groups.remove(NotificationKind.RAISED, alert);
            groups.add(NotificationKind.RESOLVED, alert, now);
        } else if (destinations(unit).stream()
            .anyMatch(d -> toBeTold(NotificationKind.RAISED, alert, d.channel(), d.address(), told))) {
            groups.add(NotificationKind.RAISED, alert, now);
        }
        return Decision.NOTHING;
    }

    /** Takes an event of the corrective-actions topic into its alert's action. */
    public void onAction(final ActionEvent event) {
        overdueActions.onAction(event);
    }

    /**
     * Whether the alerts and corrective actions have been read up to where they stood at the start (false again while a
     * corrective-actions topic found later is read). Until then no escalation is due, of an alert open too long nor of
     * an overdue action: both topics are read from the start at every start, and an alert's earlier RAISED may be read
     * a poll before its RESOLVED.
     */
    public void inputsRead(final boolean read) {
        inputsRead = read;
    }

    /** Takes a case warning into its unit's next digest, unless it was told before or there is nobody to tell. */
    public Decision onWarning(final CaseWarning warning, final Instant now, final Predicate<String> told) {
        final String key = WarningDigests.key(warning);
        if (told.test(key)) {
            return new Decision(List.of(), List.of(), List.of(key));
        }
        final Optional<String> nobody = nobodyToTell(warning.unitId());
        if (nobody.isPresent()) {
            return new Decision(List.of(), List.of(nobody.get()), List.of(key));
        }
        digests.add(warning, now);
        return Decision.NOTHING;
    }

    /**
     * What is due at {@code now} for the units {@code owned}: the escalations (once the inputs are read, {@link #inputsRead}) of alerts open too long and of overdue
     * corrective actions, the groups
     * whose window is over, the digests. {@code told}: done or waiting to be; {@code delivered}: done (an escalation
     * names the heads of the unit whose raise mail was delivered). What is due for a unit another notifier owns keeps
     * waiting (docs/NOTIFIER.md, Two or more instances); its warnings told meanwhile are settled.
     */
    public Decision due(final Instant now, final Predicate<String> told, final Predicate<String> delivered,
                        final Predicate<String> owned) {
        final List<Delivery> deliveries = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        if (inputsRead) {
            for (final KpiAlert alert : escalations.due(now, owned)) {
                escalation(alert, now, delivered).ifPresentOrElse(n -> deliveries.addAll(n.deliveries()), () -> skipped.add("no_parent"));
            }
            for (final OverdueActions.Due due : overdueActions.due(now, owned)) {
                overdueAction(due, now).ifPresentOrElse(n -> deliveries.addAll(n.deliveries()), () -> skipped.add("no_parent"));
            }
        }
        groups.due(now, owned).forEach(group -> deliveries.addAll(tell(group, told)));
        final List<String> settled = new ArrayList<>();
        digests.due(now, owned, told, settled).forEach(digest -> deliveries.addAll(digest(digest).deliveries()));
        return new Decision(deliveries, skipped, settled);
    }

    /** Raised and resolved alerts waiting for their group. */
    public int waitingAlerts() {
        return groups.waitingAlerts();
    }

    /** Case warnings waiting for their digest. */
    public int waitingWarnings() {
        return digests.waitingWarnings();
    }

    /**
     * Tells each destination (head and channel) of the unit the group's alerts it has not been told:
     * by e-mail in one mail (the single alert's own mail when only one is left), by webhook one call per
     * alert. A resolve goes only where its raise was told or is waiting to be.
     */
    private List<Delivery> tell(final AlertGroups.Group group, final Predicate<String> told) {
        final Unit unit = units.unit(group.unitId()).orElseThrow();
        final List<Delivery> deliveries = new ArrayList<>();
        for (final Destination destination : destinations(unit)) {
            final List<KpiAlert> untold = group.alerts().stream()
                .filter(a -> toBeTold(group.kind(), a, destination.channel(), destination.address(), told)).toList();
            if (destination.channel() == ChannelKind.WEBHOOK || untold.size() == 1) {
                untold.forEach(alert -> deliveries.addAll(
                    destination.of(single(group.kind(), alert, unit, destination.head()))));
            } else if (!untold.isEmpty()) {
                deliveries.addAll(destination.of(grouped(group.kind(), untold, unit, destination.head())));
            }
        }
        return deliveries;
    }

    private static boolean toBeTold(final NotificationKind kind, final KpiAlert alert, final ChannelKind channel,
                                    final String address, final Predicate<String> told) {
        if (told.test(Delivery.idempotencyKey(identity(kind.tag(), alert), channel, address))) {
            return false;
        }
        return kind != NotificationKind.RESOLVED
            || told.test(Delivery.idempotencyKey(identity(NotificationKind.RAISED.tag(), alert), channel, address));
    }

    private Message message(final NotificationKind kind, final List<KpiAlert> alerts, final Unit unit) {
        return switch (kind) {
            case RESOLVED -> alertMessages.resolved(alerts, unit);
            case AT_RISK -> alertMessages.atRisk(alerts, unit);
            default -> alertMessages.raised(alerts, unit);
        };
    }

    private Notification single(final NotificationKind kind, final KpiAlert alert, final Unit unit, final Head head) {
        final Message message = message(kind, List.of(alert), unit);
        return new Notification(kind, identity(kind.tag(), alert), alert.unitId(), message,
            payload(kind, unit, message, Map.of("alert", alert)), alert.triggeredAt(), List.of(head), List.of());
    }

    /** Identity: the kind, the unit and the sorted identities of its members, so a regroup of the same alerts is the same. */
    private Notification grouped(final NotificationKind kind, final List<KpiAlert> alerts, final Unit unit,
                                 final Head head) {
        final Message message = message(kind, alerts, unit);
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

        /** The notification's deliveries to this destination. */
        List<Delivery> of(final Notification notification) {
            return notification.deliveries().stream()
                .filter(d -> d.channel() == channel && d.address().equals(address)).toList();
        }
    }

    /** The escalation of an alert open too long, to the heads of the unit above; none when there are none. */
    private Optional<Notification> escalation(final KpiAlert alert, final Instant now,
                                              final Predicate<String> delivered) {
        final Optional<Unit> parent = units.parentOf(alert.unitId());
        if (parent.isEmpty() || parent.get().heads().isEmpty()) {
            LOG.warn("alert open for {} but {} has no unit above with heads: not escalated", escalations.escalateAfter(),
                alert.unitId());
            return Optional.empty();
        }
        final Unit unit = units.unit(alert.unitId()).orElseThrow();
        final List<Head> toldBefore = unit.heads().stream().filter(head -> delivered.test(Delivery.idempotencyKey(
            identity(NotificationKind.RAISED.tag(), alert), ChannelKind.EMAIL, head.email()))).toList();
        final Message message = alertMessages.escalated(alert, unit, parent.get(),
            Duration.between(alert.raisedAt(), now), toldBefore);
        LOG.info("escalating alert {} {} {} {} to {}", alert.unitId(), alert.fieldId(), alert.period(), alert.kpi(),
            parent.get().id());
        return Optional.of(new Notification(NotificationKind.ESCALATED, identity("escalated", alert),
            alert.unitId(), message, payload(NotificationKind.ESCALATED, unit, message, Map.of("alert", alert)),
            escalations.dueAt(alert), parent.get().heads(), List.of()));
    }

    /**
     * The escalation of a corrective action past its due date while its alert is open, to the heads of the unit above;
     * none when there are none. Its identity is the (alert, due date)'s: one mail per head however often it is due.
     */
    private Optional<Notification> overdueAction(final OverdueActions.Due due, final Instant now) {
        final String unitId = due.action().unitId();
        final Optional<Unit> parent = units.parentOf(unitId);
        if (parent.isEmpty() || parent.get().heads().isEmpty()) {
            LOG.warn("corrective action of {} overdue since {} but {} has no unit above with heads: not escalated",
                due.escalation().alertKey(), due.escalation().due(), unitId);
            return Optional.empty();
        }
        final Unit unit = units.unit(unitId).orElseThrow();
        final Message message = alertMessages.overdueAction(due.action(), due.alert(), unit, parent.get(), now);
        LOG.info("escalating the corrective action of {} overdue since {} to {}", due.escalation().alertKey(),
            due.escalation().due(), parent.get().id());
        final Map<String, Object> action = new LinkedHashMap<>();
        action.put("cause", due.action().cause());
        action.put("action", due.action().action());
        action.put("responsible", due.action().responsible());
        action.put("due", due.action().due().toString());
        action.put("recordedBy", due.action().recordedBy());
        action.put("recordedAt", due.action().recordedAt().toString());
        final Instant overdueSince = due.escalation().due().plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant();
        return Optional.of(new Notification(NotificationKind.OVERDUE_ACTION, due.escalation().identity(), unitId, message,
            payload(NotificationKind.OVERDUE_ACTION, unit, message, Map.of("alert", due.alert(), "correctiveAction", action)),
            overdueSince, parent.get().heads(), List.of()));
    }

    private Notification digest(final WarningDigests.Digest digest) {
        final Unit unit = units.unit(digest.unitId()).orElseThrow();
        final Message message = digestMessages.digest(unit, digest.warnings());
        final Instant firstDetected = digest.warnings().stream().map(CaseWarning::detectedAt)
            .min(Comparator.naturalOrder()).orElseThrow();
        return new Notification(NotificationKind.DIGEST,
            "digest|" + unit.id() + "|" + String.join(",", digest.warningKeys().stream().sorted().toList()),
            unit.id(), message, payload(NotificationKind.DIGEST, unit, message, Map.of("warnings", digest.warnings())),
            firstDetected, unit.heads(), digest.warningKeys());
    }

    /** Why nobody of the unit can be told ({@code unknown_unit}, {@code no_heads}), or empty when someone can. */
    private Optional<String> nobodyToTell(final String unitId) {
        final Optional<Unit> unit = units.unit(unitId);
        if (unit.isEmpty()) {
            LOG.warn("unit {} is not in the units file: nobody to tell", unitId);
            return Optional.of("unknown_unit");
        }
        if (unit.get().heads().isEmpty()) {
            LOG.warn("unit {} has no heads in the units file: nobody to tell", unitId);
            return Optional.of("no_heads");
        }
        return Optional.empty();
    }

    /**
     * Once per raise of one alert: its key (unit, field, period, KPI, then "subtree" for a subtree row and
     * "AT_RISK" for a forecast, so an own breach keeps the identity it had before v2), what happened and when
     * it was raised.
     */
    private static String identity(final String what, final KpiAlert alert) {
        final List<String> parts = new ArrayList<>(alert.key());
        parts.add(what);
        parts.add(alert.raisedAt().toString());
        return String.join("|", parts);
    }

    private static Map<String, Object> payload(final NotificationKind kind, final Unit unit, final Message message,
                                               final Map<String, Object> content) {
        final Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", kind.tag());
        payload.put("unit", Map.of("id", unit.id(), "name", unit.name()));
        payload.put("subject", message.subject());
        payload.put("dashboard", message.link());
        if (message.document() != null) {
            payload.put("mail", message.document());
        }
        payload.putAll(content);
        return payload;
    }
}
