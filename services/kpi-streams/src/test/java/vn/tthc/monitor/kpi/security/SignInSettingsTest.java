package vn.tthc.monitor.kpi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignInSettingsTest {

    @Test
    void withoutSignInTheServiceListensOnLoopbackOnly() {
        assertThat(settings(false, "127.0.0.1").required()).isFalse();
        assertThat(settings(false, "::1").required()).isFalse();
        assertThat(settings(false, "localhost").required()).isFalse();
        for (final String host : new String[] {"0.0.0.0", "", "192.0.2.10", "::"}) {
            assertThatThrownBy(() -> settings(false, host)).as(host)
                .hasMessageContaining("TTHC_SIGN_IN=true").hasMessageContaining("not a loopback address");
        }
    }

    @Test
    void withSignInItListensAnywhere() {
        assertThat(settings(true, "0.0.0.0").required()).isTrue();
        assertThat(settings(true, "127.0.0.1").required()).isTrue();
        assertThat(settings(true, "0.0.0.0").oidcLabel()).isEmpty();
    }

    @Test
    void openIdConnectNeedsSignInAnIssuerAndAClient() {
        assertThat(new SignInSettings(true, "0.0.0.0", true, "https://sso.example.gov.vn/realms/tinh", "tthc",
            "SSO tỉnh").oidcLabel()).contains("SSO tỉnh");
        assertThatThrownBy(() -> new SignInSettings(false, "127.0.0.1", true, "https://sso.example.gov.vn", "tthc", "x"))
            .hasMessageContaining("TTHC_SIGN_IN=true");
        assertThatThrownBy(() -> new SignInSettings(true, "127.0.0.1", true, "", "tthc", "x"))
            .hasMessageContaining("TTHC_OIDC_ISSUER");
        assertThatThrownBy(() -> new SignInSettings(true, "127.0.0.1", true, "https://sso.example.gov.vn", " ", "x"))
            .hasMessageContaining("TTHC_OIDC_CLIENT_ID");
    }

    private static SignInSettings settings(final boolean required, final String host) {
        return new SignInSettings(required, host, false, "", "", "tài khoản của tỉnh");
    }
}
