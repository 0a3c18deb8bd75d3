package vn.tthc.monitor.gateway.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One sync message as senders post it: the portal's envelope {@code {"service": "DongBoHoSoMC" |
 * "CapNhatTienDoHoSoMC", "isUpdating": ..., "data": [...]}}, or a plain array of records (or one record object),
 * with {@code isUpdating}, {@code MaDinhDanhDV} and {@code service} possibly in the query string instead.
 *
 * @param service      which message it is
 * @param isUpdating   the sender's flag (an update of records sent before), null when not given; informational:
 *                     every record is mapped whole and its events have stable ids
 * @param maDinhDanhDV the sending unit's code of the message or the query string, null when not given
 * @param items        the records or steps, not read yet
 */
public record SyncMessage(Service service, Boolean isUpdating, String maDinhDanhDV, List<JsonNode> items) {

    public SyncMessage {
        items = List.copyOf(items);
    }

    /** The two portal services, and the plain records this gateway took before them (read as DongBoHoSoMC records). */
    public enum Service {
        RECORDS, DONG_BO_HO_SO_MC, CAP_NHAT_TIEN_DO_HO_SO_MC;

        /** The name on the wire: the portal's service name, or {@code records}. */
        public String wireName() {
            return switch (this) {
                case RECORDS -> "records";
                case DONG_BO_HO_SO_MC -> "DongBoHoSoMC";
                case CAP_NHAT_TIEN_DO_HO_SO_MC -> "CapNhatTienDoHoSoMC";
            };
        }
    }

    /** The query string's values that senders use instead of the envelope's, each null when absent. */
    public record QueryValues(String service, String isUpdating, String maDinhDanhDV) {

        public static final QueryValues NONE = new QueryValues(null, null, null);
    }

    /**
     * The message of a body's JSON and the query string, or an {@link InvalidMessage} (a 400) saying why not.
     * Envelope values win over the query string's.
     */
    public static SyncMessage of(final JsonNode root, final QueryValues query) throws InvalidMessage {
        if (root == null || !(root.isArray() || root.isObject())) {
            throw new InvalidMessage("nội dung phải là một thông điệp đồng bộ (DongBoHoSoMC, CapNhatTienDoHoSoMC), "
                + "một hồ sơ hoặc một mảng hồ sơ");
        }
        final JsonNode serviceNode = root.isObject() ? root.get("service") : null;
        final String serviceName = serviceNode != null && serviceNode.isTextual() ? serviceNode.textValue().strip()
            : query.service();
        if (serviceNode != null && !serviceNode.isNull() && !serviceNode.isTextual()) {
            throw new InvalidMessage("trường 'service' phải là một chuỗi");
        }
        final Service service = service(serviceName);
        final Boolean isUpdating = bool(root.isObject() ? root.get("isUpdating") : null, query.isUpdating());
        final String unit = unitCode(root.isObject() ? root.get("MaDinhDanhDV") : null, query.maDinhDanhDV());
        final List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
        } else if (serviceNode != null && !serviceNode.isNull()) {
            final JsonNode data = root.get("data");
            if (data == null || !data.isArray()) {
                throw new InvalidMessage("thông điệp " + service.wireName() + " phải có trường 'data' là một mảng");
            }
            data.forEach(items::add);
        } else {
            items.add(root);
        }
        return new SyncMessage(service, isUpdating, unit, items);
    }

    private static Service service(final String name) throws InvalidMessage {
        if (name == null || name.isBlank()) {
            return Service.RECORDS;
        }
        for (final Service service : Service.values()) {
            if (service.wireName().equals(name)) {
                return service;
            }
        }
        throw new InvalidMessage("service '" + quoted(name) + "' không được hỗ trợ: chỉ DongBoHoSoMC và "
            + "CapNhatTienDoHoSoMC");
    }

    /** {@code true}/{@code false} as JSON booleans or strings in any case ({@code "True"}), or {@code "1"}/{@code "0"}. */
    private static Boolean bool(final JsonNode node, final String queryValue) throws InvalidMessage {
        if (node != null && node.isBoolean()) {
            return node.booleanValue();
        }
        final String text = node != null && node.isTextual() ? node.textValue()
            : node == null || node.isNull() ? queryValue : node.toString();
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new InvalidMessage("isUpdating phải là true hoặc false, nhận được '" + quoted(text) + "'");
        };
    }

    private static String unitCode(final JsonNode node, final String queryValue) throws InvalidMessage {
        if (node != null && !node.isNull() && !node.isTextual()) {
            throw new InvalidMessage("trường 'MaDinhDanhDV' phải là một chuỗi");
        }
        final String text = node != null && node.isTextual() ? node.textValue() : queryValue;
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** At most 64 characters of a sender's value in a reason. */
    private static String quoted(final String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }

    /** A body that is JSON but no sync message: answered 400 with this reason. */
    public static final class InvalidMessage extends Exception {
        public InvalidMessage(final String reason) {
            super(reason, null, false, false);
        }
    }
}
