package vn.tthc.monitor.kpi.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.security.authentication.Authentication;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The lists over all units, cut to what a head or quality officer sees ({@link UnitAccess}): the rows and breaches of
 * {@code /report}, the rows of {@code /kpis?period=}, {@code /alerts}, {@code /breaches}, {@code /verdicts}, and the units of
 * {@code /open-cases} keep the caller's unit and its subtree only (an item by its {@code unitId}, the open-case
 * counts by their key). The province and the operator get them whole.
 */
@ServerFilter({"/api/v1/report", "/api/v1/kpis", "/api/v1/alerts", "/api/v1/breaches", "/api/v1/open-cases",
    "/api/v1/corrective-actions", "/api/v1/verdicts"})
@Requires(property = "tthc.security.required", value = "true")
public class UnitListFilter {

    private final UnitAccess access;
    private final ObjectMapper json;

    public UnitListFilter(final UnitAccess access, final ObjectMapper json) {
        this.access = access;
        this.json = json;
    }

    @ResponseFilter
    public void toCallersUnits(final HttpRequest<?> request, final MutableHttpResponse<?> response) {
        final Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
        if (authentication == null || access.seesAll(authentication) || response.status() != HttpStatus.OK
            || response.body() == null) {
            return;
        }
        final Set<String> units = access.units(authentication);
        final JsonNode body = json.valueToTree(response.body());
        if (request.getPath().startsWith("/api/v1/open-cases")) {
            keepFields((ObjectNode) body, units);
        } else if (body.isArray()) {
            keepItems((ArrayNode) body, units);
        } else {
            for (final String list : new String[] {"kpis", "breaches", "rows"}) {
                if (body.path(list).isArray()) {
                    keepItems((ArrayNode) body.path(list), units);
                }
            }
        }
        ((MutableHttpResponse<Object>) response).body(body);
    }

    private static void keepItems(final ArrayNode items, final Set<String> units) {
        final Iterator<JsonNode> it = items.elements();
        while (it.hasNext()) {
            if (!units.contains(it.next().path("unitId").asText(null))) {
                it.remove();
            }
        }
    }

    private static void keepFields(final ObjectNode byUnit, final Set<String> units) {
        final Iterator<Map.Entry<String, JsonNode>> it = byUnit.fields();
        while (it.hasNext()) {
            if (!units.contains(it.next().getKey())) {
                it.remove();
            }
        }
    }
}
