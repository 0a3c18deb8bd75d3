package vn.tthc.monitor.kpi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignInSettingsTest {

    @Test
    void withoutSignInTheServiceListensOnLoopbackOnly() {
        assertThat(new SignInSettings(false, "127.0.0.1").required()).isFalse();
        assertThat(new SignInSettings(false, "::1").required()).isFalse();
        assertThat(new SignInSettings(false, "localhost").required()).isFalse();
        for (final String host : new String[] {"0.0.0.0", "", "192.0.2.10", "::"}) {
            assertThatThrownBy(() -> new SignInSettings(false, host)).as(host)
                .hasMessageContaining("TTHC_SIGN_IN=true").hasMessageContaining("not a loopback address");
        }
    }

    @Test
    void withSignInItListensAnywhere() {
        assertThat(new SignInSettings(true, "0.0.0.0").required()).isTrue();
        assertThat(new SignInSettings(true, "127.0.0.1").required()).isTrue();
    }
}
