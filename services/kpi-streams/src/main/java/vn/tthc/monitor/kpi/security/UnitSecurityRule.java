package vn.tthc.monitor.kpi.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import vn.tthc.monitor.contract.action.AlertKeys;

/**
 * Who may do what, decided here for every request once sign-in is required (docs/SECURITY.md); the other rules
 * of Micronaut Security are not consulted, as this one always answers:
 * <ul>
 *   <li>anonymous: the public figures, {@code /health}, {@code /health/liveness} and {@code /health/readiness} (without
 *       details), the login page and its assets, and {@code /oauth/login/tinh} and {@code /oauth/callback/tinh} of the
 *       OpenID Connect sign-in;</li>
 *   <li>{@code /prometheus}: the operator key only;</li>
 *   <li>{@code /api/v1/units/{unitId}/...} (rows, open and overdue cases, evaluations): a caller who sees the unit
 *       ({@link UnitAccess});</li>
 *   <li>the all-unit lists ({@code /report}, {@code /kpis}, {@code /alerts}, {@code /breaches}, {@code /open-cases},
 *       {@code /verdicts}):
 *       any signed-in caller, cut to its units by {@link UnitListFilter};</li>
 *   <li>{@code /units/unlisted}, {@code /pipeline}: the province's users and the operator;</li>
 *   <li>{@code /cases/{id}}: any signed-in caller here, then {@link CaseUnitFilter} by the case's unit;</li>
 *   <li>{@code /alerts/{alertKey}/actions}: reading, a caller who sees the alert's unit; recording, the same
 *       but for the operator key, which only reads;</li>
 *   <li>{@code /actions} (the alert mails' signed links): anonymous here, the link's token is checked by its
 *       controller;</li>
 *   <li>{@code /corrective-actions}: any signed-in caller, cut to its units by {@link UnitListFilter};</li>
 *   <li>{@code /organisation}, {@code /me}, {@code /changes} (the console's change notices, which name no unit):
 *       any signed-in caller;</li>
 *   <li>any other {@code /api/v1/} path: the province's users and the operator (new endpoints are closed to the
 *       unit-scoped roles until this rule names them);</li>
 *   <li>anything else (the console's page and assets, the OpenAPI files): any signed-in caller.</li>
 * </ul>
 * A refused signed-in caller gets 403, an anonymous one 401 ({@link SignInRefusals}).
 */
@Singleton
@Requires(property = "tthc.security.required", value = "true")
public class UnitSecurityRule implements SecurityRule<HttpRequest<?>> {

    static final List<String> ANONYMOUS_PREFIXES = List.of("/api/v1/public/", "/login", "/logout", "/oauth/");
    /** {@code /actions}: the alert mails' signed links, whose token is the credential (ActionLinkController). */
    static final Set<String> ANONYMOUS_PATHS = Set.of("/health", "/health/liveness", "/health/readiness", "/favicon.ico",
        "/actions");
    /** The lists of every unit that are not cut to a caller's units: the province's and the operator's. */
    static final Set<String> ALL_UNIT_PATHS = Set.of("/api/v1/units/unlisted", "/api/v1/pipeline");
    /** API paths any signed-in caller reads: the cut lists ({@link UnitListFilter}) and what names no unit's figures. */
    static final Set<String> SIGNED_IN_API_PATHS = Set.of("/api/v1/report", "/api/v1/kpis", "/api/v1/alerts",
        "/api/v1/breaches", "/api/v1/open-cases", "/api/v1/organisation", "/api/v1/me", "/api/v1/changes",
        "/api/v1/corrective-actions", "/api/v1/verdicts");
    private static final String API = "/api/v1/";
    private static final String CASES = "/api/v1/cases/";
    private static final String UNITS = "/api/v1/units/";
    private static final String ALERTS = "/api/v1/alerts/";
    private static final String ACTIONS = "/actions";

    private final UnitAccess access;

    public UnitSecurityRule(final UnitAccess access) {
        this.access = access;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Publisher<SecurityRuleResult> check(final HttpRequest<?> request, final Authentication authentication) {
        return Mono.just(decide(request.getMethod(), request.getPath(), authentication));
    }

    SecurityRuleResult decide(final String rawPath, final Authentication authentication) {
        return decide(HttpMethod.GET, rawPath, authentication);
    }

    SecurityRuleResult decide(final HttpMethod method, final String rawPath, final Authentication authentication) {
        final String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        if (ANONYMOUS_PATHS.contains(path) || ANONYMOUS_PREFIXES.stream().anyMatch(path::startsWith)) {
            return SecurityRuleResult.ALLOWED;
        }
        if (authentication == null) {
            return SecurityRuleResult.REJECTED;
        }
        if (path.equals("/prometheus") || path.startsWith("/prometheus/") || path.startsWith("/health/")) {
            return allowedIf(access.isOperator(authentication));
        }
        if (ALL_UNIT_PATHS.contains(path)) {
            return allowedIf(access.seesAll(authentication));
        }
        if (path.startsWith(UNITS)) {
            final String rest = path.substring(UNITS.length());
            final int slash = rest.indexOf('/');
            final String unitId = URLDecoder.decode(slash < 0 ? rest : rest.substring(0, slash), StandardCharsets.UTF_8);
            return allowedIf(access.sees(authentication, unitId));
        }
        if (path.startsWith(ALERTS) && path.endsWith(ACTIONS) && path.length() > ALERTS.length() + ACTIONS.length()) {
            // an alert's corrective action: its unit's readers read it; recording is theirs too, but not the
            // operator key's (it reads only)
            final String key = URLDecoder.decode(path.substring(ALERTS.length(), path.length() - ACTIONS.length()),
                StandardCharsets.UTF_8);
            final String unitId = AlertKeys.parse(key).map(parts -> parts.get(0)).orElse(null);
            if (unitId == null) {
                return allowedIf(access.seesAll(authentication));
            }
            final boolean reads = method == HttpMethod.GET || method == HttpMethod.HEAD;
            return allowedIf(access.sees(authentication, unitId) && (reads || !access.isOperator(authentication)));
        }
        if (SIGNED_IN_API_PATHS.contains(path) || path.startsWith(CASES)) {
            return SecurityRuleResult.ALLOWED;
        }
        // any other API path (one added later included) is the province's and the operator's until a rule says more
        if (path.startsWith(API)) {
            return allowedIf(access.seesAll(authentication));
        }
        return SecurityRuleResult.ALLOWED;
    }

    private static SecurityRuleResult allowedIf(final boolean allowed) {
        return allowed ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED;
    }
}
