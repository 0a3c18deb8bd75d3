package vn.tthc.monitor.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedLinksTest {

    private static final String KEY = "a-link-key-of-at-least-32-characters!";
    private static final String ALERT = "[\"UBND-P-VTS\",\"*\",\"2026-12\",\"onTimeRate\"]";
    private static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");
    private static final Instant EXPIRY = NOW.plusSeconds(7 * 86_400);

    private final SignedLinks links = new SignedLinks(KEY);

    @Test
    void aTokenIsValidUntilItExpiresAndNamesItsAlertAndRecipient() {
        final String token = links.sign(ALERT, "truong.phuong@vts.gov.vn", EXPIRY);
        assertThat(token).matches("[A-Za-z0-9_.-]+");
        assertThat(links.check(token, NOW))
            .isEqualTo(new SignedLinks.Valid(ALERT, "truong.phuong@vts.gov.vn", EXPIRY));
        assertThat(links.check(token, EXPIRY.minusSeconds(1))).isInstanceOf(SignedLinks.Valid.class);
        assertThat(links.check(token, EXPIRY)).isEqualTo(new SignedLinks.Expired(ALERT, "truong.phuong@vts.gov.vn", EXPIRY));
    }

    @Test
    void anyChangedPartOrAnotherKeyIsInvalid() {
        final String token = links.sign(ALERT, "truong.phuong@vts.gov.vn", EXPIRY);
        final String[] parts = token.split("\\.");
        final String otherRecipient = Base64.getUrlEncoder().withoutPadding()
            .encodeToString("ke-gian@example.com".getBytes(StandardCharsets.UTF_8));
        final String otherAlert = Base64.getUrlEncoder().withoutPadding()
            .encodeToString(ALERT.replace("UBND-P-VTS", "SO-TNMT").getBytes(StandardCharsets.UTF_8));
        for (final String tampered : new String[] {
            parts[0] + "." + otherRecipient + "." + parts[2] + "." + parts[3],
            otherAlert + "." + parts[1] + "." + parts[2] + "." + parts[3],
            parts[0] + "." + parts[1] + "." + (EXPIRY.getEpochSecond() + 86_400) + "." + parts[3],
            parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3].substring(1),
            parts[0] + "." + parts[1] + "." + parts[2], "", "a.b.c.d", "x.y.notanumber.z", null}) {
            assertThat(links.check(tampered, NOW)).as(String.valueOf(tampered)).isInstanceOf(SignedLinks.Invalid.class);
        }
        assertThat(new SignedLinks(SignedLinks.randomKey()).check(token, NOW)).isInstanceOf(SignedLinks.Invalid.class);
        // an expired token that was tampered with is invalid, not expired
        assertThat(links.check(parts[0] + "." + otherRecipient + "." + parts[2] + "." + parts[3], EXPIRY.plusSeconds(1)))
            .isInstanceOf(SignedLinks.Invalid.class);
    }

    @Test
    void shortKeysAreRefused() {
        assertThatThrownBy(() -> new SignedLinks("short")).hasMessageContaining("TTHC_LINK_KEY");
        assertThat(SignedLinks.randomKey()).hasSizeGreaterThanOrEqualTo(SignedLinks.MIN_KEY_LENGTH);
    }
}
