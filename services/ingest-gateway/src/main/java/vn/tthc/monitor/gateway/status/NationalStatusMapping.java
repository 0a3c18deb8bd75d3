package vn.tthc.monitor.gateway.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import vn.tthc.monitor.contract.kpi.VietnamTime;

/**
 * Turns the national portal's status records (TrangThaiHoSo) into the canonical events of
 * EVENTS.md section 1:
 *
 * <pre>
 * 2  được tiếp nhận              → case.received            at NgayTiepNhan
 * 5  yêu cầu bổ sung             → case.supplement_requested at NgayCapNhat
 * 4  đang xử lý, after a 5       → case.supplement_received  at NgayCapNhat
 * 9  đã xử lý xong               → case.resolved (APPROVED)  at NgayKetThucXuLy
 * 10 đã trả kết quả              → case.returned             at NgayTra
 * 7  công dân rút hồ sơ          → case.withdrawn            at NgayCapNhat
 * 1, 3, 6, 8, 4 not after a 5    → nothing (ignored)
 * </pre>
 *
 * The eventId is derived from source, MaHoSo, status and the status time, so a re-sent record
 * gives the same event, a duplicate. When the previous status of the case is unknown (never seen,
 * forgotten, or the gateway restarted), a 4 gives a supplement_received anyway (the contract
 * ignores one with no open pause), and a later status also gives the case.received its record
 * implies, with the same id as the status 2 would have given, so a missed reception is recovered
 * and a seen one is a duplicate.
 */
public final class NationalStatusMapping {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CONTRACT_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final int MAX_EVENT_ID_LENGTH = 128;
    private static final Map<Integer, String> STATUS_NAMES = Map.of(
        1, "mới đăng ký", 2, "được tiếp nhận", 3, "không được tiếp nhận", 4, "đang xử lý",
        5, "yêu cầu bổ sung", 6, "yêu cầu thực hiện nghĩa vụ tài chính", 7, "công dân rút hồ sơ",
        8, "dừng xử lý", 9, "đã xử lý xong", 10, "đã trả kết quả");

    private final Predicate<String> onlineEligibleProcedure;

    /** @param onlineEligibleProcedure whether a procedure code (MaTTHC) is offered as full-process online service */
    public NationalStatusMapping(final Predicate<String> onlineEligibleProcedure) {
        this.onlineEligibleProcedure = onlineEligibleProcedure;
    }

    /**
     * Maps one record of {@code source}'s case, given the case's previous status if known.
     */
    public StatusMapping map(final StatusRecord record, final String source,
                             final Optional<CaseStatusMemory.LastStatus> previous) {
        final int status = record.trangThaiHoSo();
        if (!STATUS_NAMES.containsKey(status)) {
            return new StatusMapping.Rejected("TrangThaiHoSo must be 1 to 10, was " + status);
        }
        try {
            final List<StatusMapping.MappedEvent> events = new ArrayList<>();
            final boolean caseUnknown = previous.isEmpty();
            switch (status) {
                case 2 -> events.add(received(record, source));
                case 5 -> {
                    addReceptionIfUnknown(events, caseUnknown, record, source);
                    events.add(event(record, source, "case.supplement_requested", required(record.ngayCapNhat(),
                        "NgayCapNhat")));
                }
                case 4 -> {
                    final boolean afterSupplementRequest = previous.map(p -> p.status() == 5).orElse(true);
                    if (!afterSupplementRequest) {
                        return ignored(status, "not after a supplement request (5)");
                    }
                    addReceptionIfUnknown(events, caseUnknown, record, source);
                    events.add(supplementReceived(record, source, previous));
                }
                case 9 -> {
                    addReceptionIfUnknown(events, caseUnknown, record, source);
                    final ObjectNode resolved = base(record, source, "case.resolved",
                        required(record.ngayKetThucXuLy(), "NgayKetThucXuLy"));
                    resolved.put("result", "APPROVED");
                    events.add(mapped(resolved));
                }
                case 10 -> {
                    addReceptionIfUnknown(events, caseUnknown, record, source);
                    events.add(event(record, source, "case.returned", required(record.ngayTra(), "NgayTra")));
                }
                case 7 -> {
                    addReceptionIfUnknown(events, caseUnknown, record, source);
                    events.add(event(record, source, "case.withdrawn", required(record.ngayCapNhat(), "NgayCapNhat")));
                }
                default -> {
                    return ignored(status, "has no canonical event");
                }
            }
            return new StatusMapping.Mapped(events);
        } catch (final MissingField e) {
            return new StatusMapping.Rejected(e.getMessage());
        }
    }

    private static StatusMapping ignored(final int status, final String why) {
        return new StatusMapping.Ignored("TrangThaiHoSo " + status + " (" + STATUS_NAMES.get(status) + ") " + why);
    }

    private void addReceptionIfUnknown(final List<StatusMapping.MappedEvent> events, final boolean caseUnknown,
                                       final StatusRecord record, final String source) {
        if (caseUnknown && hasReceptionFields(record)) {
            events.add(received(record, source));
        }
    }

    private static boolean hasReceptionFields(final StatusRecord record) {
        return record.donViXuLy() != null && record.maLinhVuc() != null && record.maTthc() != null
            && record.kenhThucHien() != null && record.kenhThucHien() >= 1 && record.kenhThucHien() <= 3
            && record.ngayTiepNhan() != null && record.ngayHenTra() != null;
    }

    private StatusMapping.MappedEvent received(final StatusRecord record, final String source) {
        final LocalDateTime at = required(record.ngayTiepNhan(), "NgayTiepNhan");
        final ObjectNode event = JSON.createObjectNode();
        event.put("eventId", eventId(source, record.maHoSo(), 2, at));
        event.put("type", "case.received");
        event.put("occurredAt", contractTime(at));
        event.put("source", source);
        event.put("caseId", record.maHoSo());
        event.put("unitId", required(record.donViXuLy(), "DonViXuLy"));
        event.put("fieldId", required(record.maLinhVuc(), "MaLinhVuc"));
        event.put("procedureId", required(record.maTthc(), "MaTTHC"));
        event.put("channel", channel(required(record.kenhThucHien(), "KenhThucHien")));
        event.put("onlineEligible", onlineEligibleProcedure.test(record.maTthc()));
        event.put("dueAt", contractTime(required(record.ngayHenTra(), "NgayHenTra")));
        return mapped(event);
    }

    /**
     * A supplement received carries {@code dueAt} only when the appointment changed since the
     * supplement request (the case system restarted the statutory clock); otherwise the contract
     * moves the due time by the length of the pause.
     */
    private static StatusMapping.MappedEvent supplementReceived(final StatusRecord record, final String source,
                                                              final Optional<CaseStatusMemory.LastStatus> previous) {
        final ObjectNode event = base(record, source, "case.supplement_received",
            required(record.ngayCapNhat(), "NgayCapNhat"));
        final boolean appointmentChanged = record.ngayHenTra() != null && previous
            .map(p -> p.ngayHenTra() != null && !p.ngayHenTra().equals(record.ngayHenTra())).orElse(false);
        if (appointmentChanged) {
            event.put("dueAt", contractTime(record.ngayHenTra()));
        }
        return mapped(event);
    }

    private static StatusMapping.MappedEvent event(final StatusRecord record, final String source, final String type,
                                                   final LocalDateTime at) {
        return mapped(base(record, source, type, at));
    }

    private static ObjectNode base(final StatusRecord record, final String source, final String type,
                                   final LocalDateTime at) {
        final ObjectNode event = JSON.createObjectNode();
        event.put("eventId", eventId(source, record.maHoSo(), record.trangThaiHoSo(), at));
        event.put("type", type);
        event.put("occurredAt", contractTime(at));
        event.put("source", source);
        event.put("caseId", record.maHoSo());
        return event;
    }

    private static StatusMapping.MappedEvent mapped(final ObjectNode event) {
        try {
            return new StatusMapping.MappedEvent(event.get("eventId").textValue(), event.get("type").textValue(),
                JSON.writeValueAsBytes(event));
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON object node", e);
        }
    }

    /**
     * {@code dvcqg:<source>:<MaHoSo>:<status>:<yyyyMMddHHmmss>}; past 128 characters, the same text's
     * SHA-256 after {@code dvcqg:}.
     */
    static String eventId(final String source, final String maHoSo, final int status, final LocalDateTime at) {
        final String id = "dvcqg:" + source + ":" + maHoSo + ":" + status + ":" + StatusRecordReader.format(at);
        if (id.codePointCount(0, id.length()) <= MAX_EVENT_ID_LENGTH) {
            return id;
        }
        try {
            return "dvcqg:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static String channel(final int kenhThucHien) {
        return switch (kenhThucHien) {
            case 1 -> "COUNTER";
            case 2 -> "ONLINE";
            case 3 -> "POSTAL";
            default -> throw new MissingField("KenhThucHien must be 1, 2 or 3, was " + kenhThucHien);
        };
    }

    /** Portal dates are Vietnam local time; the contract wants an offset. */
    private static String contractTime(final LocalDateTime local) {
        return CONTRACT_TIME.format(local.atZone(VietnamTime.ZONE).toOffsetDateTime());
    }

    private static <T> T required(final T value, final String field) {
        if (value == null) {
            throw new MissingField("missing field '" + field + "', needed for this TrangThaiHoSo");
        }
        return value;
    }

    private static final class MissingField extends RuntimeException {
        MissingField(final String reason) {
            super(reason, null, false, false);
        }
    }
}
