package vn.tthc.monitor.notifier.message;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import vn.tthc.monitor.operator.SignedLinks;

/**
 * The alert mails' links to record a corrective action, {@code <TTHC_PUBLIC_URL>/actions?token=…}: the token
 * ({@link SignedLinks}, key {@code TTHC_LINK_KEY}, shared with kpi-streams) names the alert and the recipient and
 * expires {@code validity} after the mail is composed. None without a public URL or a link key.
 */
public final class ActionLinks {

    private final String publicUrl;
    private final SignedLinks signer;
    private final Duration validity;
    private final Clock clock;

    public ActionLinks(final CaseLinks console, final SignedLinks signer, final Duration validity, final Clock clock) {
        this.publicUrl = console.publicUrl();
        this.signer = signer;
        this.validity = validity;
        this.clock = clock;
    }

    /** No links (no public URL or no link key). */
    public static ActionLinks none() {
        return new ActionLinks(CaseLinks.none(), null, Duration.ZERO, Clock.systemUTC());
    }

    public boolean enabled() {
        return publicUrl != null && signer != null;
    }

    /** The link for {@code recipient} to act on the alert of {@code alertKey} (its JSON text), when enabled. */
    public Optional<String> link(final String alertKey, final String recipient) {
        if (!enabled() || recipient == null || recipient.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(publicUrl + "/actions?token=" + signer.sign(alertKey, recipient, clock.instant().plus(validity)));
    }
}
