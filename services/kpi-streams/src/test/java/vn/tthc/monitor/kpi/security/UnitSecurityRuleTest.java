package vn.tthc.monitor.kpi.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.micronaut.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import vn.tthc.monitor.contract.org.OrganisationFile;

class UnitSecurityRuleTest {

    private final UnitSecurityRule rule = new UnitSecurityRule(new UnitAccess(OrganisationFile.parse("""
        units:
          - {id: TINH, name: Tỉnh}
          - {id: HUYEN, name: Huyện, parent: TINH}
          - {id: XA-A, name: Xã A, parent: HUYEN}
          - {id: XA-B, name: Xã B, parent: TINH}
        """)));
    private final Authentication districtHead = Authentication.build("h", List.of("head"), Map.of("unit", "HUYEN"));
    private final Authentication province = Authentication.build("p", List.of("province"));
    private final Authentication operator = Authentication.build("operator", List.of("operator"));

    @Test
    void aHeadSeesItsUnitAndItsSubtreeOnly() {
        assertThat(rule.decide("/api/v1/units/HUYEN/kpis", districtHead)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide("/api/v1/units/XA-A/evaluations/2026-Q1", districtHead)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide("/api/v1/units/XA-B/kpis", districtHead)).isEqualTo(SecurityRuleResult.REJECTED);
        assertThat(rule.decide("/api/v1/units/TINH/kpis", districtHead)).isEqualTo(SecurityRuleResult.REJECTED);
        assertThat(rule.decide("/api/v1/units/unlisted", districtHead)).isEqualTo(SecurityRuleResult.REJECTED);
        assertThat(rule.decide("/api/v1/pipeline/", districtHead)).isEqualTo(SecurityRuleResult.REJECTED);
        // cut to its units by UnitListFilter
        assertThat(rule.decide("/api/v1/report", districtHead)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide("/api/v1/kpis", districtHead)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide("/api/v1/verdicts", districtHead)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide("/prometheus", districtHead)).isEqualTo(SecurityRuleResult.REJECTED);
        assertThat(rule.decide("/", districtHead)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide("/api/v1/organisation", districtHead)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide("/api/v1/cases/C1", districtHead)).as("then by the case's unit").isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide("/api/v1/some-new-list", districtHead)).isEqualTo(SecurityRuleResult.REJECTED);
        assertThat(rule.decide("/api/v1/some-new-list", province)).isEqualTo(SecurityRuleResult.ALLOWED);
    }

    @Test
    void theProvinceSeesEveryUnitAndTheOperatorTheMetricsToo() {
        assertThat(rule.decide("/api/v1/units/XA-B/kpis", province)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide("/api/v1/report", province)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide("/prometheus", province)).isEqualTo(SecurityRuleResult.REJECTED);
        assertThat(rule.decide("/prometheus", operator)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide("/api/v1/units/unlisted", operator)).isEqualTo(SecurityRuleResult.ALLOWED);
    }

    @Test
    void anonymousCallersReachThePublicFiguresHealthItsProbesAndTheLoginPageOnly() {
        assertThat(rule.decide("/api/v1/public/units/XA-A/satisfaction", null)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide("/health", null)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide("/login.html", null)).isEqualTo(SecurityRuleResult.ALLOWED);
        // the probes of an orchestrator carry no key: live and ready are anonymous, as /health (UP or DOWN only)
        assertThat(rule.decide("/health/liveness", null)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide("/health/readiness", null)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide("/health/other", null)).isEqualTo(SecurityRuleResult.REJECTED);
        assertThat(rule.decide("/", null)).isEqualTo(SecurityRuleResult.REJECTED);
        assertThat(rule.decide("/console.js", null)).isEqualTo(SecurityRuleResult.REJECTED);
        assertThat(rule.decide("/api/v1/organisation", null)).isEqualTo(SecurityRuleResult.REJECTED);
    }

    @Test
    void anAlertsCorrectiveActionIsRecordedByItsUnitsReadersAndReadByTheOperator() {
        final String xaA = "/api/v1/alerts/" + URLEncoder.encode("[\"XA-A\",\"*\",\"2026-12\",\"onTimeRate\"]",
            StandardCharsets.UTF_8) + "/actions";
        final String xaB = "/api/v1/alerts/" + URLEncoder.encode("[\"XA-B\",\"*\",\"2026-12\",\"onTimeRate\"]",
            StandardCharsets.UTF_8) + "/actions";
        assertThat(rule.decide(HttpMethod.POST, xaA, districtHead)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide(HttpMethod.GET, xaA, districtHead)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide(HttpMethod.POST, xaB, districtHead)).isEqualTo(SecurityRuleResult.REJECTED);
        assertThat(rule.decide(HttpMethod.GET, xaB, districtHead)).isEqualTo(SecurityRuleResult.REJECTED);
        assertThat(rule.decide(HttpMethod.POST, xaB, province)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide(HttpMethod.GET, xaB, operator)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide(HttpMethod.POST, xaB, operator)).isEqualTo(SecurityRuleResult.REJECTED);
        assertThat(rule.decide(HttpMethod.POST, xaA, null)).isEqualTo(SecurityRuleResult.REJECTED);
        // a key that is not one: the province's only (the controller answers 400)
        assertThat(rule.decide(HttpMethod.POST, "/api/v1/alerts/nonsense/actions", districtHead)).isEqualTo(SecurityRuleResult.REJECTED);
        assertThat(rule.decide(HttpMethod.GET, "/api/v1/alerts/actions", districtHead)).isEqualTo(SecurityRuleResult.REJECTED);
        // the mail link's page is anonymous (its token is the credential); the list is cut by UnitListFilter
        assertThat(rule.decide(HttpMethod.POST, "/actions", null)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide("/api/v1/corrective-actions", districtHead)).isEqualTo(SecurityRuleResult.ALLOWED);
        assertThat(rule.decide("/api/v1/corrective-actions", null)).isEqualTo(SecurityRuleResult.REJECTED);
    }
}
