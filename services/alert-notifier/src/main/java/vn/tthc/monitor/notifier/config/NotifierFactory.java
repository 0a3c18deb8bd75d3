package vn.tthc.monitor.notifier.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.notifier.delivery.Transport;
import vn.tthc.monitor.notifier.message.DashboardLinks;
import vn.tthc.monitor.notifier.registry.UnitRegistry;
import vn.tthc.monitor.notifier.registry.UnitRegistryFile;
import vn.tthc.monitor.notifier.transport.MailComposer;
import vn.tthc.monitor.notifier.transport.MailDirectoryTransport;
import vn.tthc.monitor.notifier.transport.SmtpTransport;
import vn.tthc.monitor.notifier.transport.WebhookTransport;

/** The notifier's parts from configuration: clock, unit registry, dashboard links and transports. */
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

    @Singleton
    List<Transport> transports(final NotifierConfiguration config, final SmtpConfiguration smtp) {
        final MailComposer composer = new MailComposer(config.mailFrom(), config.mailFromName());
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
