package vn.tthc.monitor.kpi.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.security.authentication.Authentication;
import vn.tthc.monitor.kpi.query.CaseView;

/**
 * {@code /api/v1/cases/{caseId}}: a case is read by its unit, known once it is looked up; a caller who does not see
 * that unit ({@link UnitAccess}) gets the same 403 as for the unit's own endpoints instead of the case.
 */
@ServerFilter("/api/v1/cases/**")
@Requires(property = "tthc.security.required", value = "true")
public class CaseUnitFilter {

    private final UnitAccess access;

    public CaseUnitFilter(final UnitAccess access) {
        this.access = access;
    }

    @ResponseFilter
    public MutableHttpResponse<?> byCaseUnit(final HttpRequest<?> request, final MutableHttpResponse<?> response) {
        if (response.body() instanceof CaseView view) {
            final Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
            if (!access.sees(authentication, view.unitId())) {
                return SignInRefusals.forbidden();
            }
        }
        return response;
    }
}
