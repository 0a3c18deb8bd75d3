package vn.tthc.monitor.kpi.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.net.InetAddress;
import java.net.UnknownHostException;
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

    public SignInSettings(@Value("${tthc.security.required:false}") final boolean required,
                          @Value("${micronaut.server.host:}") final String host) {
        this.required = required;
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
