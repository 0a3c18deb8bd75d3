package vn.tthc.monitor.notifier.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.contract.verdict.PeriodVerdict;
import vn.tthc.monitor.contract.verdict.VerdictReport;
import vn.tthc.monitor.notifier.delivery.ChannelKind;
import vn.tthc.monitor.notifier.delivery.Delivery;
import vn.tthc.monitor.notifier.delivery.Notification;
import vn.tthc.monitor.notifier.delivery.NotificationKind;
import vn.tthc.monitor.notifier.message.Attachment;
import vn.tthc.monitor.notifier.message.Message;
import vn.tthc.monitor.notifier.message.VerdictMessages;
import vn.tthc.monitor.notifier.registry.Head;
import vn.tthc.monitor.notifier.registry.Unit;
import vn.tthc.monitor.notifier.registry.UnitRegistry;

/**
 * Who is told of a verdict record, and when (docs/NOTIFIER.md, Verdict mails). Every record of the verdict-reports
 * topic (one per unit, period, scope and revision) becomes one notification to the heads of its unit and of the
 * unit's parent, once per head and channel: revision 0 a verdict mail, a later revision a correction against the
 * revision before it. The identity of a record's notification is its key and revision, so a record read again
 * (every start reads the topic whole) is not told again once the ledger has it.
 *
 * <p>A correction waits until the revision before it has been read (the revisions of a verdict may sit on
 * different partitions), at most {@link #PREDECESSOR_WAIT}; then it is compared with the latest earlier revision
 * read, or with none. Not thread-safe: the dispatcher's thread calls it.
 */
public final class VerdictRules {

    private static final Logger LOG = LoggerFactory.getLogger(VerdictRules.class);
    /** How long a correction waits for the revision before it. */
    static final Duration PREDECESSOR_WAIT = Duration.ofMinutes(1);

    private final UnitRegistry units;
    private final VerdictMessages messages;
    /** Every revision read, by verdict key: what a correction is compared with (the PDFs are not kept). */
    private final Map<List<String>, NavigableMap<Integer, PeriodVerdict>> revisions = new HashMap<>();
    /** Corrections waiting for the revision before them, by identity, in the order read. */
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    /** Records of units another notifier owns, not yet told, by identity: told here should that notifier die. */
    private final Map<String, VerdictReport> held = new LinkedHashMap<>();

    public VerdictRules(final UnitRegistry units, final VerdictMessages messages) {
        this.units = units;
        this.messages = messages;
    }

    private record Waiting(VerdictReport report, Instant since) {
    }

    /**
     * Takes a record: the deliveries of its notification not yet {@code told} (done or waiting), and of the
     * corrections that were waiting for it. A record of a unit not {@code owned} is held (see {@link #due}).
     */
    public Decision onReport(final VerdictReport report, final Instant now, final Predicate<String> told,
                             final Predicate<String> owned) {
        final PeriodVerdict verdict = report.verdict();
        revisions.computeIfAbsent(verdict.key(), k -> new TreeMap<>()).put(verdict.revision(), verdict);
        final List<Delivery> deliveries = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        if (verdict.isCorrection() && previous(verdict, true).isEmpty()) {
            waiting.putIfAbsent(identity(verdict), new Waiting(report, now));
        } else {
            tell(report, previous(verdict, true).orElse(null), told, owned, deliveries, skipped);
        }
        boolean released = true;
        while (released) {
            released = false;
            for (final Iterator<Waiting> it = waiting.values().iterator(); it.hasNext(); ) {
                final Waiting next = it.next();
                final Optional<PeriodVerdict> before = previous(next.report().verdict(), true);
                if (before.isPresent()) {
                    it.remove();
                    tell(next.report(), before.get(), told, owned, deliveries, skipped);
                    released = true;
                    break;
                }
            }
        }
        return new Decision(deliveries, skipped, List.of());
    }

    /**
     * The corrections that waited {@link #PREDECESSOR_WAIT} for the revision before them, compared with what is known;
     * the held records of units now {@code owned} (the notifier that owned them died or left), compared with the latest
     * earlier revision read. Held records told meanwhile by their unit's owner are dropped.
     */
    public Decision due(final Instant now, final Predicate<String> told, final Predicate<String> owned) {
        final List<Delivery> deliveries = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        for (final Iterator<VerdictReport> it = held.values().iterator(); it.hasNext(); ) {
            final VerdictReport report = it.next();
            final Optional<Unit> unit = units.unit(report.verdict().unitId());
            if (owned.test(report.verdict().unitId())) {
                it.remove();
                tell(report, previous(report.verdict(), false).orElse(null), told, owned, deliveries, skipped);
            } else if (unit.isEmpty() || allTold(identity(report.verdict()), recipients(unit.get(),
                units.parentOf(unit.get().id())), told)) {
                it.remove();
            }
        }
        for (final Iterator<Waiting> it = waiting.values().iterator(); it.hasNext(); ) {
            final Waiting next = it.next();
            if (!next.since().plus(PREDECESSOR_WAIT).isAfter(now)) {
                it.remove();
                final PeriodVerdict verdict = next.report().verdict();
                LOG.warn("revision {} of the verdict {} arrived without revision {}: compared with what is known",
                    verdict.revision(), verdict.key(), verdict.revision() - 1);
                tell(next.report(), previous(verdict, false).orElse(null), told, owned, deliveries, skipped);
            }
        }
        return new Decision(deliveries, skipped, List.of());
    }

    /** Corrections waiting for the revision before them. */
    public int waitingCorrections() {
        return waiting.size();
    }

    /** The revision just before {@code verdict}'s ({@code exact}), or the latest earlier one read. */
    private Optional<PeriodVerdict> previous(final PeriodVerdict verdict, final boolean exact) {
        final NavigableMap<Integer, PeriodVerdict> known = revisions.getOrDefault(verdict.key(), new TreeMap<>());
        final Map.Entry<Integer, PeriodVerdict> before = known.lowerEntry(verdict.revision());
        if (before == null || exact && before.getKey() != verdict.revision() - 1) {
            return Optional.empty();
        }
        return Optional.of(before.getValue());
    }

    private void tell(final VerdictReport report, final PeriodVerdict previous, final Predicate<String> told,
                      final Predicate<String> owned, final List<Delivery> deliveries, final List<String> skipped) {
        final PeriodVerdict verdict = report.verdict();
        if (!owned.test(verdict.unitId())) {
            held.put(identity(verdict), report);
            return;
        }
        final Optional<Unit> unit = units.unit(verdict.unitId());
        if (unit.isEmpty()) {
            LOG.warn("verdict of unit {} which is not in the units file: nobody to tell", verdict.unitId());
            skipped.add("unknown_unit");
            return;
        }
        final Optional<Unit> parent = units.parentOf(verdict.unitId());
        final List<Head> recipients = recipients(unit.get(), parent);
        if (recipients.isEmpty()) {
            LOG.warn("verdict of unit {}: neither it nor its parent has heads in the units file", verdict.unitId());
            skipped.add("no_heads");
            return;
        }
        final NotificationKind kind = verdict.isCorrection() ? NotificationKind.CORRECTION : NotificationKind.VERDICT;
        final String identity = identity(verdict);
        if (allTold(identity, recipients, told)) {
            return;
        }
        final Message message = kind == NotificationKind.VERDICT ? messages.verdict(report, unit.get(), parent)
            : messages.correction(report, previous, unit.get(), parent);
        LOG.info("{} of {} {} {} revision {} to {} heads", kind.tag(), verdict.unitId(), verdict.period(),
            verdict.scope().wireName(), verdict.revision(), recipients.size());
        deliveries.addAll(new Notification(kind, identity, verdict.unitId(), message,
            payload(kind, unit.get(), message, verdict, previous), report.archivedAt(), recipients, List.of())
            .deliveries());
    }

    /** Whether every recipient has been told the record of this identity, on every channel it has. */
    private static boolean allTold(final String identity, final List<Head> recipients, final Predicate<String> told) {
        return recipients.stream().allMatch(head -> told.test(Delivery.idempotencyKey(identity, ChannelKind.EMAIL, head.email()))
            && head.webhookUri().map(uri -> told.test(Delivery.idempotencyKey(identity, ChannelKind.WEBHOOK,
                uri.toString()))).orElse(true));
    }

    /** The heads of the unit, then those of its parent, each address once. */
    private static List<Head> recipients(final Unit unit, final Optional<Unit> parent) {
        final Map<String, Head> byEmail = new LinkedHashMap<>();
        unit.heads().forEach(head -> byEmail.putIfAbsent(head.email(), head));
        parent.ifPresent(p -> p.heads().forEach(head -> byEmail.putIfAbsent(head.email(), head)));
        return List.copyOf(byEmail.values());
    }

    /** Once per record: the verdict key and the revision. */
    static String identity(final PeriodVerdict verdict) {
        final List<String> parts = new ArrayList<>();
        parts.add("verdict");
        parts.addAll(verdict.key());
        parts.add(Integer.toString(verdict.revision()));
        return String.join("|", parts);
    }

    /** The webhook's JSON: the mail's document and the verdict, the report's name, size and SHA-256 but not its bytes. */
    private static Map<String, Object> payload(final NotificationKind kind, final Unit unit, final Message message,
                                               final PeriodVerdict verdict, final PeriodVerdict previous) {
        final Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", kind.tag());
        payload.put("unit", Map.of("id", unit.id(), "name", unit.name()));
        payload.put("subject", message.subject());
        payload.put("dashboard", message.link());
        payload.put("mail", message.document());
        payload.put("verdict", verdict);
        if (kind == NotificationKind.CORRECTION) {
            payload.put("previousRevision", previous == null ? null : previous.revision());
        }
        final Attachment file = message.attachment();
        final Map<String, Object> report = new LinkedHashMap<>();
        report.put("fileName", file.fileName());
        report.put("contentType", file.contentType());
        report.put("size", file.content().length);
        report.put("sha256", file.sha256());
        payload.put("report", report);
        return payload;
    }
}
