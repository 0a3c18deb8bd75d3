package vn.tthc.monitor.gateway.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Reads a {@link StatusRecord} from the portal's JSON: field names as the portal spells them,
 * dates as {@code yyyyMMddHHmmss}, codes as numbers or numeric strings. Which fields a status
 * needs is {@link NationalStatusMapping}'s business; this only checks types and formats.
 */
public final class StatusRecordReader {

    private static final DateTimeFormatter PORTAL_DATE =
        DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    private StatusRecordReader() {
    }

    /** The record, or a {@link InvalidStatusRecord} naming the field that is wrong. */
    public static StatusRecord read(final JsonNode node) throws InvalidStatusRecord {
        if (node == null || !node.isObject()) {
            throw new InvalidStatusRecord("a status record must be a JSON object");
        }
        final Integer status = code(node, "TrangThaiHoSo");
        if (status == null) {
            throw new InvalidStatusRecord("missing field 'TrangThaiHoSo'");
        }
        final String maHoSo = text(node, "MaHoSo");
        if (maHoSo == null || maHoSo.isBlank()) {
            throw new InvalidStatusRecord("missing field 'MaHoSo'");
        }
        return new StatusRecord(maHoSo, text(node, "MaTTHC"), text(node, "MaLinhVuc"), text(node, "DonViXuLy"),
            date(node, "NgayTiepNhan"), date(node, "NgayHenTra"), status, code(node, "KenhThucHien"),
            date(node, "NgayKetThucXuLy"), date(node, "NgayTra"), date(node, "NgayCapNhat"));
    }

    /** The text of a field as the portal gives it: {@code "yyyyMMddHHmmss"}. */
    public static String format(final LocalDateTime date) {
        return PORTAL_DATE.format(date);
    }

    private static JsonNode present(final JsonNode node, final String name) {
        final JsonNode value = node.get(name);
        return value == null || value.isNull() || value.isTextual() && value.textValue().isBlank() ? null : value;
    }

    private static String text(final JsonNode node, final String name) throws InvalidStatusRecord {
        final JsonNode value = present(node, name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidStatusRecord("field '" + name + "' must be a string");
        }
        return value.textValue().strip();
    }

    private static Integer code(final JsonNode node, final String name) throws InvalidStatusRecord {
        final JsonNode value = present(node, name);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual() && value.textValue().strip().matches("\\d{1,3}")) {
            return Integer.parseInt(value.textValue().strip());
        }
        throw new InvalidStatusRecord("field '" + name + "' must be a whole number, was " + value);
    }

    private static LocalDateTime date(final JsonNode node, final String name) throws InvalidStatusRecord {
        final String text = text(node, name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, PORTAL_DATE);
        } catch (final DateTimeParseException e) {
            throw new InvalidStatusRecord("field '" + name + "' must be a date yyyyMMddHHmmss, was '" + text + "'");
        }
    }

    /** A status record that cannot be read: answered {@code rejected} with this reason. */
    public static final class InvalidStatusRecord extends Exception {
        public InvalidStatusRecord(final String reason) {
            super(reason, null, false, false);
        }
    }
}
