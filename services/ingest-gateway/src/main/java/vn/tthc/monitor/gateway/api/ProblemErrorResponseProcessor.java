package vn.tthc.monitor.gateway.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/**
 * The errors Micronaut answers by itself (413, 415, 404, ...) as problem+json, like the gateway's
 * own. A 5xx never carries the exception's text (Micronaut logs it): its detail is a fixed sentence.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<byte[]> {

    @Override
    public MutableHttpResponse<byte[]> processResponse(final ErrorContext context, final MutableHttpResponse<?> base) {
        final HttpStatus status = base.getStatus();
        final String detail = status.getCode() >= 500 ? "internal error of the gateway; it is logged"
            : context.hasErrors()
            ? context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "))
            : status.getReason();
        final MutableHttpResponse<byte[]> problem = Problems.of(status, Problems.typeOf(status), detail);
        base.getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name) && !"Content-Length".equalsIgnoreCase(name)) {
                values.forEach(value -> problem.header(name, value));
            }
        });
        return problem;
    }
}
