package vn.tthc.monitor.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void a_key_is_recognised_by_its_hash_and_names_its_source() {
        final String first = ApiKeyTool.newKey(new SecureRandom());
        final String second = ApiKeyTool.newKey(new SecureRandom());
        final ApiKeys keys = ApiKeys.parse("so-tnmt:" + ApiKeys.hashHex(first) + ",\n# comment\nubnd-q1:"
            + ApiKeys.hashHex(second).toUpperCase(java.util.Locale.ROOT));
        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.sourceOf(first)).hasValue("so-tnmt");
        assertThat(keys.sourceOf(second)).hasValue("ubnd-q1");
        assertThat(keys.sourceOf(first + "x")).isEmpty();
        assertThat(keys.sourceOf(ApiKeys.hashHex(first))).as("the hash is not the key").isEmpty();
    }

    @Test
    void generated_keys_carry_256_random_bits() {
        final String key = ApiKeyTool.newKey(new SecureRandom());
        assertThat(key).startsWith("tthc_").hasSize(5 + 43);
        assertThat(key).isNotEqualTo(ApiKeyTool.newKey(new SecureRandom()));
    }

    @Test
    void an_entry_that_is_not_source_colon_sha256_is_refused_without_echoing_the_secret_part() {
        assertThatThrownBy(() -> ApiKeys.parse("so-tnmt:plaintext-key"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageNotContaining("plaintext-key");
        assertThatThrownBy(() -> ApiKeys.parse(":" + ApiKeys.hashHex("k"))).isInstanceOf(IllegalArgumentException.class);
    }
}
