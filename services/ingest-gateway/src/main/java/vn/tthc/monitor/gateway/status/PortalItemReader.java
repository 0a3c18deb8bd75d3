package vn.tthc.monitor.gateway.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the items of a sync message as real senders write them: field names as the portal spells them, every
 * value possibly a JSON string ({@code "2"}, {@code "20260302081500"}), an empty string for an unknown value, dates
 * {@code yyyyMMddHHmmss} in Vietnam time. Only the fields the mapping uses are read, never the personal ones;
 * which fields a status needs is {@link NationalStatusMapping}'s business. Reasons are Vietnamese (the sender reads them).
 */
public final class PortalItemReader {

    private static final DateTimeFormatter PORTAL_DATE =
        DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
    /** The contract's years (EVENTS.md section 1): a date outside them makes no valid event. */
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2099;

    private PortalItemReader() {
    }

    /** A record of DongBoHoSoMC (or of the plain array), or an {@link InvalidItem} naming the field that is wrong. */
    public static StatusRecord record(final JsonNode node) throws InvalidItem {
        requireObject(node, "một hồ sơ");
        final int status = requiredCode(node, "TrangThaiHoSo");
        final String maHoSo = requiredText(node, "MaHoSo");
        return new StatusRecord(maHoSo, text(node, "MaTTHC"), text(node, "MaLinhVuc"), text(node, "DonViXuLy"),
            text(node, "MaDinhDanhDV"), date(node, "NgayTiepNhan"), date(node, "NgayHenTra"), status,
            code(node, "KenhThucHien"), date(node, "NgayKetThucXuLy"), date(node, "NgayTra"),
            date(node, "NgayCapNhat"), supplements(node));
    }

    /** A step of CapNhatTienDoHoSoMC, or an {@link InvalidItem}. */
    public static ProgressStep step(final JsonNode node) throws InvalidItem {
        requireObject(node, "một bước xử lý");
        final int status = requiredCode(node, "TrangThai");
        return new ProgressStep(requiredText(node, "MaHoSo"), status, date(node, "ThoiDiemXuLy"));
    }

    /** The text of a date as the portal writes it: {@code "yyyyMMddHHmmss"}. */
    public static String format(final LocalDateTime date) {
        return PORTAL_DATE.format(date);
    }

    private static List<StatusRecord.Supplement> supplements(final JsonNode node) throws InvalidItem {
        final JsonNode list = present(node, "DanhSachHoSoBoSung");
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new InvalidItem("trường 'DanhSachHoSoBoSung' phải là một mảng");
        }
        final List<StatusRecord.Supplement> supplements = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            final JsonNode entry = list.get(i);
            final String where = "DanhSachHoSoBoSung[" + i + "]";
            if (!entry.isObject()) {
                throw new InvalidItem("'" + where + "' phải là một đối tượng JSON");
            }
            supplements.add(new StatusRecord.Supplement(i, date(entry, "NgayBoSung", where),
                date(entry, "NgayTiepNhanBoSung", where), date(entry, "NgayHenTraTruoc", where),
                date(entry, "NgayHenTraMoi", where)));
        }
        return supplements;
    }

    private static void requireObject(final JsonNode node, final String what) throws InvalidItem {
        if (node == null || !node.isObject()) {
            throw new InvalidItem(what + " phải là một đối tượng JSON");
        }
    }

    private static String requiredText(final JsonNode node, final String name) throws InvalidItem {
        final String value = text(node, name);
        if (value == null) {
            throw new InvalidItem("thiếu trường '" + name + "'");
        }
        return value;
    }

    private static int requiredCode(final JsonNode node, final String name) throws InvalidItem {
        final Integer value = code(node, name);
        if (value == null) {
            throw new InvalidItem("thiếu trường '" + name + "'");
        }
        return value;
    }

    /** Absent, {@code null} and strings of white space alone are all "unknown", as senders write it. */
    private static JsonNode present(final JsonNode node, final String name) {
        final JsonNode value = node.get(name);
        return value == null || value.isNull() || value.isTextual() && value.textValue().isBlank() ? null : value;
    }

    private static String text(final JsonNode node, final String name) throws InvalidItem {
        final JsonNode value = present(node, name);
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue().strip();
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        throw new InvalidItem("trường '" + name + "' phải là một chuỗi");
    }

    private static Integer code(final JsonNode node, final String name) throws InvalidItem {
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
        throw new InvalidItem("trường '" + name + "' phải là một số nguyên, nhận được " + value);
    }

    private static LocalDateTime date(final JsonNode node, final String name) throws InvalidItem {
        return date(node, name, null);
    }

    private static LocalDateTime date(final JsonNode node, final String name, final String within) throws InvalidItem {
        final JsonNode value = present(node, name);
        if (value == null) {
            return null;
        }
        final String field = within == null ? name : within + "." + name;
        final String text = value.isTextual() ? value.textValue().strip() : value.asText();
        final LocalDateTime date;
        try {
            date = LocalDateTime.parse(text, PORTAL_DATE);
        } catch (final DateTimeParseException e) {
            throw new InvalidItem("trường '" + field + "' phải là ngày giờ yyyyMMddHHmmss, nhận được '" + text + "'");
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new InvalidItem("trường '" + field + "' nằm ngoài các năm " + FIRST_YEAR + "–" + LAST_YEAR
                + ": '" + text + "'");
        }
        return date;
    }

    /** An item that cannot be read: answered {@code rejected} with this reason. */
    public static final class InvalidItem extends Exception {
        public InvalidItem(final String reason) {
            super(reason, null, false, false);
        }
    }
}
