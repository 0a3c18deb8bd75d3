package vn.tthc.monitor.kpi.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether sign-in is required ({@code tthc.security.required}, env {@code TTHC_SIGN_IN}), checked at start-up against
 * the HTTP host ({@code micronaut.server.host}, env {@code TTHC_HTTP_HOST}): the service refuses to start when it
 * listens beyond the loopback address with sign-in off, and says it is open when it starts on loopback without it.
 */
@Context
public class SignInSettings {

    private static final Logger LOG = LoggerFactory.getLogger(SignInSettings.class);

    private final boolean required;
    private final String oidcLabel;

    public SignInSettings(@Value("${tthc.security.required:false}") final boolean required,
                          @Value("${micronaut.server.host:}") final String host,
                          @Value("${tthc.security.oidc.enabled:false}") final boolean oidc,
                          @Value("${tthc.security.oidc.issuer:}") final String oidcIssuer,
                          @Value("${tthc.security.oidc.client-id:}") final String oidcClientId,
                          @Value("${tthc.security.oidc.label:tài khoản của tỉnh}") final String oidcLabel) {
        this.required = required;
        this.oidcLabel = oidc ? oidcLabel : null;
        if (oidc && (!required || oidcIssuer.isBlank() || oidcClientId.isBlank())) {
            throw new IllegalStateException("OpenID Connect (TTHC_OIDC=true) needs TTHC_SIGN_IN=true, TTHC_OIDC_ISSUER"
                + " and TTHC_OIDC_CLIENT_ID (docs/SECURITY.md). Không khởi động: cấu hình OpenID Connect chưa đủ.");
        }
        if (oidc) {
            LOG.info("Sign-in through the OpenID Connect provider {} as well (client {})", oidcIssuer, oidcClientId);
        }
        if (!required && !isLoopback(host)) {
            throw new IllegalStateException("Sign-in is off (TTHC_SIGN_IN=false) but the HTTP host '" + host
                + "' (TTHC_HTTP_HOST) is not a loopback address: set TTHC_SIGN_IN=true and TTHC_USERS_FILE"
                + " (docs/SECURITY.md), or listen on 127.0.0.1. Không khởi động: đăng nhập đang tắt mà dịch vụ"
                + " nghe ngoài địa chỉ loopback.");
        }
        if (required) {
            LOG.info("Sign-in required: every endpoint but /api/v1/public/**, /health and the login page asks for a"
                + " user or the operator key (docs/SECURITY.md)");
        } else {
            LOG.warn("Đăng nhập đang tắt: mọi người truy cập được {} đều xem được toàn bộ số liệu."
                + " Sign-in is off: anyone who reaches {} reads everything (TTHC_SIGN_IN=true to require it)", host, host);
        }
    }

    public boolean required() {
        return required;
    }

    /** The login page's label of the OpenID Connect provider, when there is one. */
    public Optional<String> oidcLabel() {
        return Optional.ofNullable(oidcLabel);
    }

    /** Whether {@code host} names the loopback interface only; blank (every interface) is not loopback. */
    static boolean isLoopback(final String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            for (final InetAddress address : InetAddress.getAllByName(host.strip())) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (final UnknownHostException e) {
            return false;
        }
    }
}
