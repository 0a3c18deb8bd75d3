package vn.tthc.monitor.gateway.auth;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes an API key for a source system and the entry the gateway stores for it:
 * {@code java -cp ingest-gateway.jar vn.tthc.monitor.gateway.auth.ApiKeyTool new <source>}.
 * The key (256 random bits) is printed once, for the source system; only its hash goes into
 * {@code TTHC_GATEWAY_KEYS} or the keys file. {@code hash <key>} prints the hash of an existing key.
 */
public final class ApiKeyTool {

    private static final int KEY_BYTES = 32;

    private ApiKeyTool() {
    }

    public static void main(final String[] args) {
        if (args.length == 2 && "new".equals(args[0]) && !args[1].isBlank() && !args[1].contains(":")) {
            final String key = newKey(new SecureRandom());
            System.out.println("key (give it to the source system, it is not stored): " + key);
            System.out.println("entry (for TTHC_GATEWAY_KEYS or the keys file): " + args[1] + ":" + ApiKeys.hashHex(key));
        } else if (args.length == 2 && "hash".equals(args[0])) {
            System.out.println(ApiKeys.hashHex(args[1]));
        } else {
            System.err.println("usage: ApiKeyTool new <source>   (source without ':')");
            System.err.println("       ApiKeyTool hash <key>");
            System.exit(2);
        }
    }

    /** A URL-safe key of 256 random bits, prefixed so that it is recognisable in a leaked log. */
    public static String newKey(final SecureRandom random) {
        final byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return "tthc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
