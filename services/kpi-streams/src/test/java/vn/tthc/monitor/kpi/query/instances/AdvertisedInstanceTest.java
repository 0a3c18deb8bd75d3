package vn.tthc.monitor.kpi.query.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class AdvertisedInstanceTest {

    @Test
    void theUrlIsDerivedFromTheHttpHostAndPortWhenUnset() {
        assertThat(AdvertisedInstance.url("", "127.0.0.1", 8080)).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(AdvertisedInstance.url(null, "kpi-1.local", 9000)).isEqualTo(URI.create("http://kpi-1.local:9000"));
    }

    @Test
    void aWildcardHostNeedsTheAdvertisedUrlAndSaysSo() {
        for (final String wildcard : new String[] {"0.0.0.0", "::", ""}) {
            assertThatThrownBy(() -> AdvertisedInstance.url("", wildcard, 8080))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TTHC_ADVERTISED_URL")
                .hasMessageContaining("Không khởi động");
        }
        assertThat(AdvertisedInstance.url("http://kpi-streams-2:8080/", "0.0.0.0", 8080))
            .isEqualTo(URI.create("http://kpi-streams-2:8080"));
    }

    @Test
    void anAdvertisedUrlWithoutPortIsRefused() {
        assertThatThrownBy(() -> AdvertisedInstance.url("kpi-streams-2", "0.0.0.0", 8080))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("scheme://host:port");
    }

    @Test
    void aRandomPortWithoutUrlRunsAloneAndSetsNoApplicationServer() {
        final AdvertisedInstance alone = new AdvertisedInstance("", "127.0.0.1", -1);
        final Properties config = new Properties();
        alone.configure(config);
        assertThat(alone.host()).isEmpty();
        assertThat(config).doesNotContainKey(StreamsConfig.APPLICATION_SERVER_CONFIG);

        final AdvertisedInstance advertised = new AdvertisedInstance("http://10.0.0.5:8081", "0.0.0.0", 8080);
        advertised.configure(config);
        assertThat(config.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG)).isEqualTo("10.0.0.5:8081");
        assertThat(advertised.host()).contains(new HostInfo("10.0.0.5", 8081));
        assertThat(advertised.urlOf(new HostInfo("10.0.0.6", 8082))).isEqualTo(URI.create("http://10.0.0.6:8082"));
    }
}
