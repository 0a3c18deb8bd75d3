package vn.tthc.monitor.kpi.actions;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tthc.monitor.operator.SignedLinks;

/**
 * The key that checks the alert mails' signed links ({@code TTHC_LINK_KEY}, the notifier's signing key). Unset (the
 * embedded default): a random key for this run, said in the log; the links of the notifier's mails are then refused
 * as invalid. A key shorter than {@value SignedLinks#MIN_KEY_LENGTH} characters stops the service at start.
 */
@Factory
public class LinkKeyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(LinkKeyFactory.class);

    @Singleton
    SignedLinks signedLinks(final ActionsConfiguration config) {
        if (config.linkKey() == null || config.linkKey().isBlank()) {
            LOG.warn("TTHC_LINK_KEY is unset: a random link key for this run; the corrective-action links of alert"
                + " mails (signed by the notifier with TTHC_LINK_KEY) are refused until both share a key");
            return new SignedLinks(SignedLinks.randomKey());
        }
        return new SignedLinks(config.linkKey());
    }
}
