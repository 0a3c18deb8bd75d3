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
import vn.tthc.monitor.contract.event.Identifiers;
import vn.tthc.monitor.contract.kpi.VietnamTime;

/**
 * Turns the national portal's items into the canonical events of EVENTS.md section 1. A DongBoHoSoMC record
 * is the whole dossier, so it implies all its events at once:
 *
 * <pre>
 * reception (status 2 and later, not 1 or 3) → case.received            at NgayTiepNhan
 * each DanhSachHoSoBoSung entry              → case.supplement_requested at NgayBoSung,
 *                                              case.supplement_received  at NgayTiepNhanBoSung (dueAt NgayHenTraMoi
 *                                              when it differs from NgayHenTraTruoc)
 * 9, 10                                      → case.resolved (APPROVED)  at NgayKetThucXuLy
 * 10                                         → case.returned             at NgayTra
 * 7                                          → case.withdrawn            at NgayKetThucXuLy
 * </pre>
 *
 * A CapNhatTienDoHoSoMC step gives the event of its TrangThai (5, 4 after a 5, 9, 10, 7) at ThoiDiemXuLy. The
 * gateway's own NgayCapNhat, when present, times a 5, a 4 after a 5, a 7 or a 9 that the record cannot time.
 * Each eventId is {@code dvcqg:<source>:<MaHoSo>:<status of the event>:<yyyyMMddHHmmss>}, so a re-sent item
 * gives the same events. The unit comes from the {@link UnitDirectory}, the field from the {@link FieldTable},
 * and what no item says (channel without KenhThucHien, online eligibility) from the {@link ReceptionDefaults}.
 */
public final class NationalStatusMapping {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CONTRACT_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final int MAX_EVENT_ID_LENGTH = 128;
    private static final Map<Integer, String> STATUS_NAMES = Map.of(
        1, "mới đăng ký", 2, "được tiếp nhận", 3, "không được tiếp nhận", 4, "đang xử lý",
        5, "yêu cầu bổ sung", 6, "yêu cầu thực hiện nghĩa vụ tài chính", 7, "công dân rút hồ sơ",
        8, "dừng xử lý", 9, "đã xử lý xong", 10, "đã trả kết quả");

    private final UnitDirectory units;
    private final FieldTable fields;
    private final ReceptionDefaults reception;

    public NationalStatusMapping(final UnitDirectory units, final FieldTable fields, final ReceptionDefaults reception) {
        this.units = units;
        this.fields = fields;
        this.reception = reception;
    }

    /**
     * Maps one item of {@code source}'s case, given what is known of the case.
     *
     * @param messageUnit the message's MaDinhDanhDV (envelope or query string), or null
     */
    public StatusMapping map(final PortalItem item, final String source, final String messageUnit,
                             final Optional<CaseStatusMemory.CaseState> previous) {
        if (!STATUS_NAMES.containsKey(item.status())) {
            return new StatusMapping.Rejected(statusField(item) + " phải từ 1 đến 10, nhận được " + item.status());
        }
        try {
            return item instanceof StatusRecord record ? record(record, source, messageUnit, previous)
                : step((ProgressStep) item, source, previous);
        } catch (final Unmappable e) {
            return e.rejection;
        }
    }

    private StatusMapping record(final StatusRecord record, final String source, final String messageUnit,
                                 final Optional<CaseStatusMemory.CaseState> previous) {
        final int status = record.trangThaiHoSo();
        if (status == 1 || status == 3) {
            return new StatusMapping.Ignored(statusText(record) + " chưa được tiếp nhận: không có sự kiện");
        }
        final List<StatusMapping.MappedEvent> events = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        reception(record, source, messageUnit, events, warnings);
        supplements(record, source, events, warnings);
        String statusReason = null;
        switch (status) {
            case 2 -> {
                // the reception above is the status's own event
            }
            case 4 -> {
                final boolean afterRequest = previous.map(p -> p.status() == 5).orElse(true);
                if (record.supplements().isEmpty() && record.ngayCapNhat() != null && afterRequest) {
                    events.add(legacySupplementReceived(record, source, previous));
                } else {
                    statusReason = statusText(record) + " không có sự kiện riêng (không sau một yêu cầu bổ sung)";
                }
            }
            case 5 -> {
                if (record.supplements().stream().noneMatch(s -> s.ngayBoSung() != null && s.ngayTiepNhanBoSung() == null)) {
                    events.add(event(source, record.maHoSo(), 5, "case.supplement_requested", required(
                        record.ngayCapNhat(), statusText(record) + " cần thời điểm yêu cầu: một mục DanhSachHoSoBoSung "
                            + "có NgayBoSung và chưa có NgayTiepNhanBoSung (hoặc NgayCapNhat)")));
                }
            }
            case 9 -> events.add(resolved(source, record.maHoSo(), required(firstOf(record.ngayKetThucXuLy(),
                record.ngayCapNhat()), statusText(record) + " cần NgayKetThucXuLy")));
            case 10 -> {
                if (record.ngayKetThucXuLy() != null) {
                    events.add(resolved(source, record.maHoSo(), record.ngayKetThucXuLy()));
                } else {
                    warnings.add("không có sự kiện giải quyết (case.resolved): thiếu NgayKetThucXuLy");
                }
                events.add(event(source, record.maHoSo(), 10, "case.returned", required(firstOf(record.ngayTra(),
                    record.ngayCapNhat()), statusText(record) + " cần NgayTra")));
            }
            case 7 -> events.add(event(source, record.maHoSo(), 7, "case.withdrawn", required(firstOf(
                record.ngayKetThucXuLy(), record.ngayCapNhat()), statusText(record)
                + " cần thời điểm rút: NgayKetThucXuLy (hoặc NgayCapNhat)")));
            default -> statusReason = statusText(record) + " không có sự kiện tương ứng";
        }
        if (events.isEmpty() && warnings.isEmpty()) {
            return new StatusMapping.Ignored(statusReason);
        }
        return new StatusMapping.Mapped(events, warnings, statusReason);
    }

    private StatusMapping step(final ProgressStep step, final String source,
                               final Optional<CaseStatusMemory.CaseState> previous) {
        final int status = step.trangThai();
        final String type = switch (status) {
            case 5 -> "case.supplement_requested";
            case 4 -> previous.map(p -> p.status() == 5).orElse(true) ? "case.supplement_received" : null;
            case 9 -> "case.resolved";
            case 10 -> "case.returned";
            case 7 -> "case.withdrawn";
            default -> null;
        };
        if (type == null) {
            return new StatusMapping.Ignored(statusText(step) + (status == 4 ? " không sau một yêu cầu bổ sung"
                : " không có sự kiện tương ứng (việc tiếp nhận đến từ DongBoHoSoMC)"));
        }
        final LocalDateTime at = required(step.thoiDiemXuLy(), statusText(step) + " cần ThoiDiemXuLy");
        final StatusMapping.MappedEvent event = status == 9 ? resolved(source, step.maHoSo(), at)
            : event(source, step.maHoSo(), status, type, at);
        return new StatusMapping.Mapped(List.of(event), List.of(), null);
    }

    /** The reception the record implies, when it carries what a reception needs; its unit must match. */
    private void reception(final StatusRecord record, final String source, final String messageUnit,
                           final List<StatusMapping.MappedEvent> events, final List<String> warnings) {
        final String unitValue = firstOf(record.donViXuLy(), firstOf(record.maDinhDanhDV(), messageUnit));
        final String unitId = unitValue == null ? null : unitId(unitValue, record);
        final List<String> missing = new ArrayList<>();
        addIfNull(missing, unitId, "DonViXuLy");
        addIfNull(missing, record.maLinhVuc(), "MaLinhVuc");
        addIfNull(missing, record.maTthc(), "MaTTHC");
        addIfNull(missing, record.ngayTiepNhan(), "NgayTiepNhan");
        addIfNull(missing, record.ngayHenTra(), "NgayHenTra");
        if (!missing.isEmpty()) {
            final String reason = "thiếu " + String.join(", ", missing) + " cần cho việc tiếp nhận (case.received)";
            if (record.trangThaiHoSo() == 2) {
                throw new Unmappable(new StatusMapping.Rejected(reason));
            }
            warnings.add("không có sự kiện tiếp nhận: " + reason);
            return;
        }
        final List<String> assumed = new ArrayList<>();
        final ReceptionDefaults.Reception defaults = reception.of(source, record.maTthc());
        final String channel;
        if (record.kenhThucHien() == null) {
            channel = defaults.channel().name();
            assumed.add("channel");
        } else {
            channel = channel(record.kenhThucHien());
        }
        if (!defaults.onlineEligibleNamed()) {
            assumed.add("onlineEligible");
        }
        final ObjectNode event = base(source, record.maHoSo(), 2, "case.received", record.ngayTiepNhan());
        event.put("unitId", unitId);
        event.put("fieldId", fieldId(record.maLinhVuc()));
        event.put("procedureId", record.maTthc());
        event.put("channel", channel);
        event.put("onlineEligible", defaults.onlineEligible());
        event.put("dueAt", contractTime(record.ngayHenTra()));
        events.add(mapped(event, assumed));
    }

    private String unitId(final String value, final StatusRecord record) {
        final String field = record.donViXuLy() != null ? "DonViXuLy" : "MaDinhDanhDV";
        final UnitDirectory.Resolution resolution = units.resolve(value);
        if (resolution instanceof UnitDirectory.Found found) {
            return found.unitId();
        }
        if (resolution instanceof UnitDirectory.Ambiguous ambiguous) {
            throw new Unmappable(new StatusMapping.Rejected(field + " " + Identifiers.quote(value)
                + " khớp nhiều đơn vị: " + String.join(", ", ambiguous.unitIds()), true));
        }
        throw new Unmappable(new StatusMapping.Rejected(field + " " + Identifiers.quote(value) + (units.matchesUnits()
            ? " không khớp đơn vị nào của tệp tổ chức (mã, tên, tên khác, mã định danh)"
            : " không dùng được làm mã đơn vị (unitId)"), true));
    }

    private String fieldId(final String maLinhVuc) {
        final Optional<String> listed = fields.fieldId(maLinhVuc);
        if (listed.isPresent()) {
            return listed.get();
        }
        if (Identifiers.problem(maLinhVuc) != null || "*".equals(maLinhVuc)) {
            throw new Unmappable(new StatusMapping.Rejected("MaLinhVuc " + Identifiers.quote(maLinhVuc)
                + " không có trong bảng lĩnh vực và không dùng được làm fieldId"));
        }
        return maLinhVuc;
    }

    /** Each entry of DanhSachHoSoBoSung: its request and, once the citizen answered, its answer. */
    private static void supplements(final StatusRecord record, final String source,
                                    final List<StatusMapping.MappedEvent> events, final List<String> warnings) {
        for (final StatusRecord.Supplement supplement : record.supplements()) {
            if (supplement.ngayBoSung() == null) {
                warnings.add("DanhSachHoSoBoSung[" + supplement.index() + "] không có NgayBoSung: bỏ qua");
                continue;
            }
            events.add(event(source, record.maHoSo(), 5, "case.supplement_requested", supplement.ngayBoSung()));
            if (supplement.ngayTiepNhanBoSung() != null) {
                final ObjectNode received = base(source, record.maHoSo(), 4, "case.supplement_received",
                    supplement.ngayTiepNhanBoSung());
                final LocalDateTime newDue = supplement.ngayHenTraMoi();
                if (newDue != null && !newDue.equals(supplement.ngayHenTraTruoc())) {
                    received.put("dueAt", contractTime(newDue));
                }
                events.add(mapped(received, List.of()));
            }
        }
    }

    /**
     * A status 4 timed by NgayCapNhat: it carries {@code dueAt} only when NgayHenTra changed since the 5 (the case
     * system restarted the clock); otherwise the contract moves the due time by the length of the pause.
     */
    private static StatusMapping.MappedEvent legacySupplementReceived(final StatusRecord record, final String source,
                                                                    final Optional<CaseStatusMemory.CaseState> previous) {
        final ObjectNode event = base(source, record.maHoSo(), 4, "case.supplement_received", record.ngayCapNhat());
        final boolean appointmentChanged = record.ngayHenTra() != null && previous
            .map(p -> p.ngayHenTra() != null && !p.ngayHenTra().equals(record.ngayHenTra())).orElse(false);
        if (appointmentChanged) {
            event.put("dueAt", contractTime(record.ngayHenTra()));
        }
        return mapped(event, List.of());
    }

    private static StatusMapping.MappedEvent resolved(final String source, final String maHoSo, final LocalDateTime at) {
        final ObjectNode event = base(source, maHoSo, 9, "case.resolved", at);
        event.put("result", "APPROVED");
        return mapped(event, List.of());
    }

    private static StatusMapping.MappedEvent event(final String source, final String maHoSo, final int status,
                                                   final String type, final LocalDateTime at) {
        return mapped(base(source, maHoSo, status, type, at), List.of());
    }

    private static ObjectNode base(final String source, final String maHoSo, final int status, final String type,
                                   final LocalDateTime at) {
        final ObjectNode event = JSON.createObjectNode();
        event.put("eventId", eventId(source, maHoSo, status, at));
        event.put("type", type);
        event.put("occurredAt", contractTime(at));
        event.put("source", source);
        event.put("caseId", maHoSo);
        return event;
    }

    private static StatusMapping.MappedEvent mapped(final ObjectNode event, final List<String> assumed) {
        try {
            return new StatusMapping.MappedEvent(event.get("eventId").textValue(), event.get("type").textValue(),
                JSON.writeValueAsBytes(event), assumed);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON object node", e);
        }
    }

    /**
     * {@code dvcqg:<source>:<MaHoSo>:<status>:<yyyyMMddHHmmss>}; past 128 characters, the same text's
     * SHA-256 after {@code dvcqg:}.
     */
    static String eventId(final String source, final String maHoSo, final int status, final LocalDateTime at) {
        final String id = "dvcqg:" + source + ":" + maHoSo + ":" + status + ":" + PortalItemReader.format(at);
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
            default -> throw new Unmappable(new StatusMapping.Rejected(
                "KenhThucHien phải là 1, 2 hoặc 3, nhận được " + kenhThucHien));
        };
    }

    private static String statusField(final PortalItem item) {
        return item instanceof StatusRecord ? "TrangThaiHoSo" : "TrangThai";
    }

    private static String statusText(final PortalItem item) {
        return statusField(item) + " " + item.status() + " (" + STATUS_NAMES.get(item.status()) + ")";
    }

    /** Portal dates are Vietnam local time; the contract wants an offset. */
    private static String contractTime(final LocalDateTime local) {
        return CONTRACT_TIME.format(local.atZone(VietnamTime.ZONE).toOffsetDateTime());
    }

    private static <T> T firstOf(final T first, final T second) {
        return first != null ? first : second;
    }

    private static void addIfNull(final List<String> missing, final Object value, final String field) {
        if (value == null) {
            missing.add(field);
        }
    }

    private static <T> T required(final T value, final String reason) {
        if (value == null) {
            throw new Unmappable(new StatusMapping.Rejected(reason));
        }
        return value;
    }

    /** Ends the mapping of an item with its rejection. */
    private static final class Unmappable extends RuntimeException {
        private final transient StatusMapping.Rejected rejection;

        Unmappable(final StatusMapping.Rejected rejection) {
            super(rejection.reason(), null, false, false);
            this.rejection = rejection;
        }
    }
}
