package vn.tthc.monitor.notifier;

import io.micronaut.runtime.Micronaut;

/** The alert-notifier service: tells units' heads about KPI alerts and case warnings (docs/NOTIFIER.md). */
public final class AlertNotifierApplication {

    private AlertNotifierApplication() {
    }

    public static void main(final String[] args) {
        Micronaut.run(AlertNotifierApplication.class, args);
    }
}
