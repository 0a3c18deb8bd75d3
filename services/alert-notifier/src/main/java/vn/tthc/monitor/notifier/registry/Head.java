package vn.tthc.monitor.notifier.registry;

import java.net.URI;
import java.util.Optional;

/**
 * A department head (lãnh đạo) of a unit: told about the unit's alerts and warnings by e-mail, and
 * by a JSON webhook when they have one.
 */
public record Head(String name, String email, URI webhook) {

    public Optional<URI> webhookUri() {
        return Optional.ofNullable(webhook);
    }
}
