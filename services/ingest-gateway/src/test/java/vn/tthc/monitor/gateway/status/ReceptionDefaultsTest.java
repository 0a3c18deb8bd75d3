package vn.tthc.monitor.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tthc.monitor.contract.event.Channel;

/** Channel and online eligibility resolved key by key: source+procedure, source, procedure, defaults. */
class ReceptionDefaultsTest {

    @TempDir
    Path dir;

    private ReceptionDefaults load(final String yaml) throws IOException {
        final Path file = dir.resolve("reception.yaml");
        Files.writeString(file, yaml);
        return ReceptionDefaults.load(file, List.of("1.000003"));
    }

    @Test
    void the_most_specific_entry_that_sets_a_key_wins() throws IOException {
        final ReceptionDefaults defaults = load("""
            defaults: {channel: POSTAL}
            procedures:
              "1.000001": {channel: COUNTER, onlineEligible: true}
            sources:
              motcua-online:
                channel: ONLINE
                procedures:
                  "1.000002": {onlineEligible: true}
            """);
        assertThat(defaults.of("motcua-online", "1.000001"))
            .isEqualTo(new ReceptionDefaults.Reception(Channel.ONLINE, true, true));
        assertThat(defaults.of("motcua-online", "1.000002"))
            .isEqualTo(new ReceptionDefaults.Reception(Channel.ONLINE, true, true));
        assertThat(defaults.of("other", "1.000001")).isEqualTo(new ReceptionDefaults.Reception(Channel.COUNTER, true, true));
        assertThat(defaults.of("other", "1.000003")).as("TTHC_GATEWAY_ONLINE_ELIGIBLE_PROCEDURES")
            .isEqualTo(new ReceptionDefaults.Reception(Channel.POSTAL, true, true));
        assertThat(defaults.of("other", "1.000009")).isEqualTo(new ReceptionDefaults.Reception(Channel.POSTAL, false, false));
    }

    @Test
    void an_unknown_key_or_channel_is_refused_at_start() {
        assertThatThrownBy(() -> load("defaults: {chanel: ONLINE}")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("reception.yaml").hasMessageContaining("chanel");
        assertThatThrownBy(() -> load("defaults: {channel: FAX}")).isInstanceOf(IllegalArgumentException.class);
    }
}
