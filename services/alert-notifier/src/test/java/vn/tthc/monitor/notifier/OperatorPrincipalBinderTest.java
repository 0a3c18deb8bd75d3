package vn.tthc.monitor.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only the Bearer operator key makes a caller the operator, and nobody is while no key is set. */
class OperatorPrincipalBinderTest {

    private final OperatorPrincipalBinder binder = new OperatorPrincipalBinder("s3cret-operator-key");

    @Test
    void theOperatorKeyAsBearerIsTheOperator() {
        assertThat(binder.isOperator("Bearer s3cret-operator-key")).isTrue();
        assertThat(binder.isOperator("bearer s3cret-operator-key")).isTrue();
    }

    @Test
    void anyOtherAuthorizationIsAnonymous() {
        assertThat(binder.isOperator(null)).isFalse();
        assertThat(binder.isOperator("Bearer s3cret-operator-ke")).isFalse();
        assertThat(binder.isOperator("Bearer s3cret-operator-key ")).isFalse();
        assertThat(binder.isOperator("Basic s3cret-operator-key")).isFalse();
        assertThat(binder.isOperator("s3cret-operator-key")).isFalse();
    }

    @Test
    void withoutAKeyNobodyIsTheOperator() {
        final OperatorPrincipalBinder unset = new OperatorPrincipalBinder("");
        assertThat(unset.isOperator("Bearer ")).isFalse();
        assertThat(unset.isOperator("Bearer")).isFalse();
    }
}
