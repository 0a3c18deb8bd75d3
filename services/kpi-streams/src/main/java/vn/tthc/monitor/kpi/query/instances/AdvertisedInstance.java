package vn.tthc.monitor.kpi.query.instances;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the other instances reach this one's query API ({@code tthc.instance.advertised-url}, env
 * {@code TTHC_ADVERTISED_URL}, e.g. {@code http://kpi-streams-1:8080}), given to Kafka Streams as
 * {@code application.server} so that its metadata names the instance that holds each key. Unset, it is derived from
 * the HTTP host and port ({@code TTHC_HTTP_HOST:TTHC_HTTP_PORT}); it is required when the host is a wildcard such as
 * {@code 0.0.0.0} (no other instance could reach that), and the service refuses to start without it. With a random
 * port ({@code micronaut.server.port} -1 or 0, tests and tools) and no URL, the instance is not advertised and
 * answers from its own stores only: one instance alone.
 */
@Singleton
public class AdvertisedInstance {

    private static final Logger LOG = LoggerFactory.getLogger(AdvertisedInstance.class);
    private static final Set<String> WILDCARDS = Set.of("", "0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0");

    private final URI url;
    private final HostInfo host;

    public AdvertisedInstance(@Value("${tthc.instance.advertised-url:}") final String advertisedUrl,
                              @Value("${micronaut.server.host:}") final String httpHost,
                              @Value("${micronaut.server.port:8080}") final int httpPort) {
        this.url = url(advertisedUrl, httpHost, httpPort);
        this.host = url == null ? null : new HostInfo(url.getHost(), url.getPort());
        if (url == null) {
            LOG.info("no advertised URL and a random HTTP port: this instance answers queries from its own stores only");
        } else {
            LOG.info("advertised to the other instances as {}", url);
        }
    }

    static URI url(final String advertisedUrl, final String httpHost, final int httpPort) {
        if (advertisedUrl != null && !advertisedUrl.isBlank()) {
            final URI url = URI.create(advertisedUrl.strip().replaceAll("/+$", ""));
            if (url.getScheme() == null || url.getHost() == null || url.getPort() <= 0) {
                throw new IllegalStateException("TTHC_ADVERTISED_URL '" + advertisedUrl + "' is not scheme://host:port"
                    + " (e.g. http://kpi-streams-1:8080). Không khởi động: TTHC_ADVERTISED_URL phải có dạng"
                    + " http://máy:cổng.");
            }
            return url;
        }
        if (httpPort <= 0) {
            return null;
        }
        final String host = httpHost == null ? "" : httpHost.strip();
        if (WILDCARDS.contains(host)) {
            throw new IllegalStateException("TTHC_HTTP_HOST '" + host + "' listens on every interface: set"
                + " TTHC_ADVERTISED_URL to the address the other instances reach this one at (e.g."
                + " http://kpi-streams-1:8080). Không khởi động: dịch vụ nghe trên mọi địa chỉ nên cần"
                + " TTHC_ADVERTISED_URL để các phiên bản khác gọi được.");
        }
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + httpPort);
    }

    /** Sets {@code application.server} in the Kafka Streams configuration, when this instance is advertised. */
    public void configure(final Properties streamsConfig) {
        if (host != null) {
            streamsConfig.put(StreamsConfig.APPLICATION_SERVER_CONFIG, host.host() + ":" + host.port());
        }
    }

    /** This instance's host in Kafka Streams' metadata; empty when it is not advertised (one instance alone). */
    public Optional<HostInfo> host() {
        return Optional.ofNullable(host);
    }

    /** The base URL of the instance at {@code other}, with this instance's scheme. */
    URI urlOf(final HostInfo other) {
        return URI.create(url.getScheme() + "://" + (other.host().contains(":") ? "[" + other.host() + "]" : other.host())
            + ":" + other.port());
    }
}
