package vn.tthc.monitor.notifier.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import io.micronaut.context.annotation.Value;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.contract.calendar.CalendarOverride;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.notifier.delivery.Transport;
import vn.tthc.monitor.notifier.message.ActionLinks;
import vn.tthc.monitor.notifier.message.CaseLinks;
import vn.tthc.monitor.notifier.message.DashboardLinks;
import vn.tthc.monitor.notifier.registry.FieldNames;
import vn.tthc.monitor.notifier.registry.UnitRegistry;
import vn.tthc.monitor.notifier.registry.UnitRegistryFile;
import vn.tthc.monitor.notifier.transport.MailComposer;
import vn.tthc.monitor.notifier.transport.MailDirectoryTransport;
import vn.tthc.monitor.notifier.transport.SmtpTransport;
import vn.tthc.monitor.notifier.transport.WebhookTransport;
import vn.tthc.monitor.operator.SignedLinks;

/** The notifier's parts from configuration: clock, unit registry, field table, calendar, links and transports. */
@Factory
public class NotifierFactory {

    private static final Logger LOG = LoggerFactory.getLogger(NotifierFactory.class);

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    UnitRegistry unitRegistry(final NotifierConfiguration config) {
        final UnitRegistry registry = UnitRegistryFile.read(Path.of(config.unitsFile()));
        LOG.info("read {} units from {}", registry.size(), config.unitsFile());
        return registry;
    }

    @Singleton
    DashboardLinks dashboardLinks(final NotifierConfiguration config) {
        LOG.info("mails link to the dashboards at {}", config.dashboardUrl());
        return new DashboardLinks(config.dashboardUrl());
    }

    /** The field table; a missing or invalid one stops the service with the reason. */
    @Singleton
    FieldNames fieldNames(final NotifierConfiguration config) {
        final FieldNames fields = FieldNames.read(Path.of(config.fieldsFile()));
        LOG.info("read {} field names from {}", fields.size(), config.fieldsFile());
        return fields;
    }

    @Singleton
    CaseLinks caseLinks(final NotifierConfiguration config) {
        final CaseLinks links = new CaseLinks(config.publicUrl());
        if (links.publicUrl() == null) {
            LOG.info("no TTHC_PUBLIC_URL: mails name the cases without links to the console");
        } else {
            LOG.info("mails link the cases to the console at {}", links.publicUrl());
        }
        return links;
    }

    /** The working-day calendar the lateness of cases is counted by: national, with the province's override if set. */
    @Singleton
    WorkingCalendar workingCalendar(final NotifierConfiguration config) {
        if (config.calendarOverride() == null || config.calendarOverride().isBlank()) {
            return WorkingCalendar.vietnam();
        }
        final CalendarOverride override = CalendarOverride.read(Path.of(config.calendarOverride()));
        LOG.info("working days counted with the calendar override of {} from {}", override.name(), config.calendarOverride());
        return WorkingCalendar.vietnam(override);
    }

    /**
     * The corrective-action links of the alert mails (docs/SECURITY.md, "Signed links"): with a public URL and a link
     * key ({@code TTHC_LINK_KEY}, the one kpi-streams checks), each recipient's own, valid {@code TTHC_LINK_VALIDITY}.
     */
    @Singleton
    ActionLinks actionLinks(final CaseLinks console, @Value("${tthc.link-key:}") final String linkKey,
                            @Value("${tthc.link-validity:7d}") final Duration validity, final Clock clock) {
        if (console.publicUrl() == null || linkKey.isBlank()) {
            LOG.info("alert mails carry no corrective-action links: {}", console.publicUrl() == null
                ? "no TTHC_PUBLIC_URL" : "no TTHC_LINK_KEY");
            return ActionLinks.none();
        }
        LOG.info("alert mails carry corrective-action links to {}/actions, valid {}", console.publicUrl(), validity);
        return new ActionLinks(console, new SignedLinks(linkKey), validity, clock);
    }

    @Singleton
    List<Transport> transports(final NotifierConfiguration config, final SmtpConfiguration smtp,
                               final ActionLinks actionLinks) {
        final MailComposer composer = new MailComposer(config.mailFrom(), config.mailFromName(), actionLinks);
        final Transport mail;
        if (smtp.configured()) {
            LOG.info("mail goes to SMTP {}", smtp);
            mail = new SmtpTransport(smtp.settings(), composer);
        } else {
            LOG.info("no SMTP host (TTHC_SMTP_HOST): mails are written to {}", Path.of(config.mailDirectory()).toAbsolutePath());
            mail = new MailDirectoryTransport(Path.of(config.mailDirectory()), composer);
        }
        return List.of(mail, new WebhookTransport(config.webhookTimeout()));
    }
}
