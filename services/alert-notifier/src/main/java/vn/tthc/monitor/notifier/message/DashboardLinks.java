package vn.tthc.monitor.notifier.message;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links into the Grafana dashboards, from their base URL (e.g. {@code http://127.0.0.1:3000}). */
public record DashboardLinks(String baseUrl) {

    public DashboardLinks {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The unit dashboard showing {@code unitId}. */
    public String unit(final String unitId) {
        return baseUrl + "/d/tthc-unit?var-unit=" + URLEncoder.encode(unitId, StandardCharsets.UTF_8);
    }
}
