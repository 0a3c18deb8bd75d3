package vn.tthc.monitor.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The API keys of the source systems, one per source, held only as SHA-256 hashes. A presented
 * key is hashed and compared with every stored hash in constant time, so neither the comparison
 * nor the position of the match leaks through timing.
 */
public final class ApiKeys {

    private final List<Entry> entries;

    private ApiKeys(final List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    private record Entry(String source, byte[] hash) {
    }

    /**
     * Reads {@code source:sha256hex} entries separated by commas or line breaks; blank entries and
     * lines starting with {@code #} are skipped.
     *
     * @throws IllegalArgumentException naming the entry that is not of that form
     */
    public static ApiKeys parse(final String text) {
        final List<Entry> entries = new ArrayList<>();
        for (final String raw : text.split("[,\\r\\n]+")) {
            final String entry = raw.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            final int colon = entry.lastIndexOf(':');
            final String source = colon > 0 ? entry.substring(0, colon).strip() : "";
            final String hex = colon > 0 ? entry.substring(colon + 1).strip().toLowerCase(Locale.ROOT) : "";
            if (source.isEmpty() || !hex.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("API key entry must be source:sha256hex (64 hex digits), was '"
                    + (colon > 0 ? entry.substring(0, colon) + ":…" : "…") + "'");
            }
            entries.add(new Entry(source, HexFormat.of().parseHex(hex)));
        }
        return new ApiKeys(entries);
    }

    public static ApiKeys of(final ApiKeys first, final ApiKeys second) {
        final List<Entry> all = new ArrayList<>(first.entries);
        all.addAll(second.entries);
        return new ApiKeys(all);
    }

    public int size() {
        return entries.size();
    }

    /** The source of the presented key, or empty when no stored hash matches. */
    public Optional<String> sourceOf(final String presentedKey) {
        final byte[] hash = sha256(presentedKey);
        String match = null;
        for (final Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash) && match == null) {
                match = entry.source();
            }
        }
        return Optional.ofNullable(match);
    }

    /** The lowercase hex SHA-256 of a key's UTF-8 bytes: what the configuration stores. */
    public static String hashHex(final String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(final String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
