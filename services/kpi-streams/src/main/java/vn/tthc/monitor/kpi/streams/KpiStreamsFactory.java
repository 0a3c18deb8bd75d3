package vn.tthc.monitor.kpi.streams;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.kstream.KStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.contract.calendar.CalendarOverride;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.cases.DueSoonWindow;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.kpi.TargetsFile;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationFile;
import vn.tthc.monitor.kpi.actions.ActionTopology;
import vn.tthc.monitor.kpi.actions.ActionsConfiguration;
import vn.tthc.monitor.kpi.config.CalendarConfiguration;
import vn.tthc.monitor.kpi.config.DueSoonWindowSetting;
import vn.tthc.monitor.kpi.config.DuplicatesConfiguration;
import vn.tthc.monitor.kpi.config.ForecastConfiguration;
import vn.tthc.monitor.kpi.config.PipelineConfiguration;
import vn.tthc.monitor.kpi.config.OrganisationConfiguration;
import vn.tthc.monitor.kpi.config.TargetsConfiguration;
import vn.tthc.monitor.kpi.config.TopicsConfiguration;
import vn.tthc.monitor.kpi.config.VerdictConfiguration;
import vn.tthc.monitor.kpi.query.instances.AdvertisedInstance;
import vn.tthc.monitor.kpi.topology.KpiPipeline;
import vn.tthc.monitor.kpi.topology.PipelineSettings;
import vn.tthc.monitor.kpi.topology.TopicCatalog;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictSettings;

/** Wires the KPI pipeline into the {@code default} Kafka Streams of micronaut-kafka. */
@Factory
public class KpiStreamsFactory {

    private static final Logger LOG = LoggerFactory.getLogger(KpiStreamsFactory.class);

    public static final String STREAM = "default";

    @Singleton
    @Named(STREAM)
    KStream<String, Event> kpiPipeline(@Named(STREAM) final ConfiguredStreamBuilder builder,
                                       final TopicCatalog topics, final Targets targets,
                                       final PipelineConfiguration pipeline, final DueSoonWindow dueSoonWindow,
                                       final Organisation organisation, final ForecastConfiguration forecast,
                                       final ActionsConfiguration actions, final VerdictSettings verdicts,
                                       final DuplicatesConfiguration duplicates, final AdvertisedInstance instance) {
        // application.server: Kafka Streams' metadata then names the instance holding each key (query/instances)
        instance.configure(builder.getConfiguration());
        final KStream<String, Event> events = new KpiPipeline(topics, new PipelineSettings(targets,
            pipeline.emitInterval(), pipeline.alertUpdateInterval(), dueSoonWindow, pipeline.watchInterval(),
            pipeline.watchGrace(), forecast.settings(), verdicts, duplicates.settings()), organisation).addTo(builder);
        // corrective actions: a sub-topology of their own (docs/ARCHITECTURE.md, "Corrective actions")
        ActionTopology.addTo(builder, actions.topic());
        return events;
    }

    /** When rows become final ({@code tthc.verdicts.*}), on the service's working-day calendar. */
    @Singleton
    VerdictSettings verdictSettings(final VerdictConfiguration config, final WorkingCalendar calendar) {
        return config.settings(calendar);
    }

    @Singleton
    DueSoonWindow dueSoonWindow(final PipelineConfiguration pipeline, final WorkingCalendar calendar) {
        return DueSoonWindowSetting.parse(pipeline.dueSoonWindow(), calendar);
    }

    /** The national working-day calendar, with a province's override file when one is configured. */
    @Singleton
    WorkingCalendar workingCalendar(final CalendarConfiguration config) {
        if (config.overrideFile() == null || config.overrideFile().isBlank()) {
            return WorkingCalendar.vietnam();
        }
        final CalendarOverride override = CalendarOverride.read(Path.of(config.overrideFile()));
        LOG.info("working-day calendar with the override of {} from {}: {} days off, {} working days", override.name(),
            config.overrideFile(), override.daysOff().size(), override.workingDays().size());
        return WorkingCalendar.vietnam(override);
    }

    @Singleton
    TopicCatalog topicCatalog(final TopicsConfiguration config) {
        return TopicCatalog.named(config.names());
    }

    /**
     * The organisation file of {@code tthc.units.file}; an invalid file throws {@link
     * vn.tthc.monitor.contract.org.InvalidOrganisationException} naming each problem, and the service refuses to start.
     */
    @Singleton
    Organisation organisation(final OrganisationConfiguration config) {
        if (config.file() == null || config.file().isBlank()) {
            LOG.warn("no organisation file (TTHC_UNITS_FILE is unset): every unit is unlisted, no subtree rows");
            return Organisation.of(List.of());
        }
        final Organisation organisation = OrganisationFile.read(Path.of(config.file()));
        LOG.info("organisation file {}: {} units, fingerprint {}", config.file(), organisation.units().size(),
            organisation.fingerprint());
        return organisation;
    }

    @Singleton
    Targets targets(final TargetsConfiguration config) {
        return config.file() == null || config.file().isBlank() ? Targets.sectionThreeDefaults() : TargetsFile.read(Path.of(config.file()));
    }
}
