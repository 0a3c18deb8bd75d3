package vn.tthc.monitor.notifier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import vn.tthc.monitor.notifier.config.NotifierConfiguration;
import vn.tthc.monitor.notifier.config.TopicsConfiguration;
import vn.tthc.monitor.notifier.delivery.Transport;
import vn.tthc.monitor.notifier.dispatch.Dispatcher;
import vn.tthc.monitor.notifier.dispatch.NotificationMetrics;
import vn.tthc.monitor.notifier.kafka.NotifierLoop;
import vn.tthc.monitor.notifier.kafka.UnitOwnership;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.notifier.message.AlertMessages;
import vn.tthc.monitor.notifier.message.CaseLinks;
import vn.tthc.monitor.notifier.message.DashboardLinks;
import vn.tthc.monitor.notifier.message.DigestMessages;
import vn.tthc.monitor.notifier.message.VerdictMessages;
import vn.tthc.monitor.notifier.registry.FieldNames;
import vn.tthc.monitor.notifier.registry.UnitRegistry;
import vn.tthc.monitor.notifier.rules.NotificationRules;
import vn.tthc.monitor.notifier.rules.VerdictRules;

/** Starts the notifier loop with the application and stops it with it; registers the pending gauges. */
@Context
public class NotifierService {

    private final NotifierLoop loop;
    private final UnitRegistry units;

    public NotifierService(@Value("${kafka.bootstrap.servers}") final String bootstrapServers,
                           final TopicsConfiguration topics, final NotifierConfiguration config,
                           final UnitRegistry units, final FieldNames fields, final DashboardLinks dashboards,
                           final CaseLinks caseLinks, final WorkingCalendar calendar, final List<Transport> transports,
                           final Clock clock, final MeterRegistry meters) {
        final NotificationMetrics metrics = new NotificationMetrics(meters);
        loop = new NotifierLoop(new NotifierLoop.Settings(bootstrapServers, topics.alerts(), topics.caseWarnings(),
            topics.verdictReports(), topics.correctiveActions(), topics.notifications(), config.groupId(), topics.replicationFactor(),
            config.sessionTimeout()),
            (ledger, warningSettled, owns) -> new Dispatcher(new NotificationRules(units,
                new AlertMessages(dashboards, caseLinks, fields, units, calendar), new DigestMessages(dashboards, caseLinks, fields),
                config.settings()), new VerdictRules(units, new VerdictMessages(dashboards, fields)), config.settings(),
                clock, ledger, transports, metrics, warningSettled, owns));
        Gauge.builder("tthc.notifications.pending", loop, l -> l.dispatcher() == null ? 0 : l.dispatcher().pendingDeliveries())
            .description("Deliveries not yet done (waiting or retrying)").register(meters);
        Gauge.builder("tthc.notifications.oldest.pending.age", loop,
                l -> l.dispatcher() == null ? 0 : l.dispatcher().oldestPendingAge().toMillis() / 1000.0)
            .description("How long the delivery waiting longest (waiting or retrying) has waited; 0 when none waits")
            .baseUnit("seconds").register(meters);
        Gauge.builder("tthc.notifications.digest.warnings", loop, l -> l.dispatcher() == null ? 0 : l.dispatcher().waitingWarnings())
            .description("Case warnings waiting for their unit's digest").register(meters);
        Gauge.builder("tthc.notifier.owned.partitions", loop, l -> l.ownership() == null ? 0 : l.ownership().ownedPartitions().size())
            .description("Case-warnings partitions this notifier owns: it tells the units hashed to them").register(meters);
        Gauge.builder("tthc.notifier.owned.units", loop, l -> ownedUnits(l.ownership(), units))
            .description("Units of the registry this notifier tells (the others' notifiers hold them meanwhile)").register(meters);
        this.units = units;
        loop.start();
    }

    private static int ownedUnits(final UnitOwnership ownership, final UnitRegistry units) {
        return ownership == null ? 0 : (int) units.organisation().units().stream().filter(unit -> ownership.owns(unit.id())).count();
    }

    /** Which units this notifier tells: owned partitions and units, for /health. */
    public Map<String, Object> ownership() {
        final UnitOwnership ownership = loop.ownership();
        if (ownership == null) {
            return Map.of();
        }
        return Map.of("partitions", ownership.partitions(), "ownedPartitions", ownership.ownedPartitions(),
            "ownedUnits", ownedUnits(ownership, units));
    }

    public NotifierLoop.State state() {
        return loop.state();
    }

    @PreDestroy
    void stop() {
        loop.close();
    }
}
