package vn.tthc.monitor.kpi.testing;

import java.util.Map;

/** Topic names of their own for one test on the shared broker. */
public final class IsolatedTopics {

    private IsolatedTopics() {
    }

    public static Map<String, Object> named(final String prefix) {
        return Map.of(
            "tthc.topics.events", prefix + "-events",
            "tthc.topics.rejected", prefix + "-rejected",
            "tthc.topics.kpi-rows", prefix + "-kpi-rows",
            "tthc.topics.alerts", prefix + "-alerts",
            "tthc.topics.alert-history", prefix + "-alert-history",
            "tthc.topics.case-warnings", prefix + "-case-warnings",
            "tthc.actions.topic", prefix + "-corrective-actions");
    }
}
