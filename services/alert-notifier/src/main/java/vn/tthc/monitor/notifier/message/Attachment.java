package vn.tthc.monitor.notifier.message;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file sent with a mail (the evaluation report of a verdict mail).
 *
 * @param fileName    the attachment's file name, ASCII letters, digits, dots and dashes only
 *                    ({@code bao-cao-muc-tieu-chat-luong-UBND-P-BAN-CO-2026-Q3.pdf})
 * @param contentType its MIME type ({@code application/pdf})
 * @param content     its bytes, sent as they are
 */
public record Attachment(String fileName, String contentType, byte[] content) {

    /** The hex SHA-256 of the content, for the webhook (which carries it instead of the bytes). */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
