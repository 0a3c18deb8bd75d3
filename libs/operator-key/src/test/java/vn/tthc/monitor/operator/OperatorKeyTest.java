package vn.tthc.monitor.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The key matches itself only (its configured value stripped of spaces), and nothing while it is unset. */
class OperatorKeyTest {

    @Test
    void theKeyMatchesItselfOnly() {
        final OperatorKey key = new OperatorKey(" s3cret-operator-key\n");
        assertThat(key.matches("s3cret-operator-key")).isTrue();
        assertThat(key.matches("s3cret-operator-ke")).isFalse();
        assertThat(key.matches("s3cret-operator-key ")).isFalse();
        assertThat(key.matches("S3CRET-OPERATOR-KEY")).isFalse();
        assertThat(key.matches("")).isFalse();
    }

    @Test
    void anUnsetKeyMatchesNothing() {
        for (final String unset : new String[] {"", "  "}) {
            assertThat(new OperatorKey(unset).matches("")).isFalse();
            assertThat(new OperatorKey(unset).matches(unset)).isFalse();
        }
    }
}
