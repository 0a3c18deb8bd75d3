package vn.tthc.monitor.operator;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.security.Principal;

/**
 * Binds a {@link Principal} argument (the health endpoint's) to the request's principal, which
 * {@link OperatorKeyFilter} sets; micronaut-security would do this, but the services need no more of it.
 */
@Singleton
public class PrincipalArgumentBinder implements TypedRequestArgumentBinder<Principal> {

    @Override
    public Argument<Principal> argumentType() {
        return Argument.of(Principal.class);
    }

    @Override
    public BindingResult<Principal> bind(final ArgumentConversionContext<Principal> context,
                                         final HttpRequest<?> source) {
        return source::getUserPrincipal;
    }
}
