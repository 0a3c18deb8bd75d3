package vn.tthc.monitor.gateway.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Locale;

/**
 * Every request whose {@code Content-Type} names a charset other than UTF-8 (UTF-16, an unknown
 * name) is answered 415 before anything reads the body; without a charset a body is read as UTF-8.
 * The header is read as text, so an unknown charset name never reaches {@code Charset.forName}.
 */
@ServerFilter("/**")
@Order(-100)
public class CharsetFilter {

    @RequestFilter
    @Nullable
    public HttpResponse<?> requireUtf8(final HttpRequest<?> request) {
        final String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        final String charset = contentType == null ? null : charsetOf(contentType);
        if (charset == null || "utf-8".equals(charset) || "utf8".equals(charset)) {
            return null;
        }
        return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
            "the body must be UTF-8; charset '" + printable(charset) + "' is not accepted");
    }

    /** The charset parameter, lower case and unquoted, or {@code null} when there is none. */
    static String charsetOf(final String contentType) {
        for (final String parameter : contentType.split(";")) {
            final int equals = parameter.indexOf('=');
            if (equals > 0 && "charset".equals(parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT))) {
                return parameter.substring(equals + 1).strip().replace("\"", "").toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** At most 40 visible ASCII characters of a name the sender chose: it goes back into the answer. */
    private static String printable(final String name) {
        final String visible = name.replaceAll("[^\\x21-\\x7e]", "?");
        return visible.length() > 40 ? visible.substring(0, 40) + "…" : visible;
    }
}
