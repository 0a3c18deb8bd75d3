package vn.tthc.monitor.gateway.operator;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import vn.tthc.monitor.gateway.config.GatewayConfiguration;

/**
 * The operator key ({@code TTHC_OPERATOR_KEY}, from the environment), held as its SHA-256 and
 * compared in constant time (equal-length digests, {@link MessageDigest#isEqual}); when unset,
 * no presented key matches.
 */
@Singleton
public class OperatorKey {

    private final byte[] hash;

    public OperatorKey(final GatewayConfiguration config) {
        this.hash = config.operatorKey() == null || config.operatorKey().isBlank() ? null
            : sha256(config.operatorKey().strip());
    }

    public boolean matches(final String presented) {
        return hash != null && MessageDigest.isEqual(hash, sha256(presented));
    }

    private static byte[] sha256(final String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
