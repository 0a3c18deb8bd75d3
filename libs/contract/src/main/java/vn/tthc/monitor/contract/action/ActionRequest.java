package vn.tthc.monitor.contract.action;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import vn.tthc.monitor.contract.evaluation.VietnameseFormat;
import vn.tthc.monitor.contract.kpi.VietnamTime;

/**
 * What a caller asks to record about an alert, as sent (the API's JSON or the mail link's form), checked by
 * {@link #problems} against the alert's action so far and the time, then made an {@link ActionEvent} by
 * {@link #event}. Texts are stripped and put in Unicode NFC; any script is accepted, control characters are not
 * (line breaks are, in the longer texts).
 *
 * @param type        {@code acknowledge}, {@code record} or {@code complete}
 * @param due         {@code record}: the due date as {@code yyyy-MM-dd}
 */
public record ActionRequest(String type, String cause, String action, String responsible, String due, String note) {

    public static final int MAX_TEXT = 2_000;
    public static final int MAX_NAME = 200;
    /** How far ahead a due date may be set. */
    public static final int MAX_DAYS_AHEAD = 366;

    public ActionRequest {
        cause = clean(cause);
        action = clean(action);
        responsible = clean(responsible);
        due = clean(due);
        note = clean(note);
        type = clean(type);
    }

    /**
     * What is wrong with the request, in Vietnamese, one sentence per problem; empty when it can be recorded.
     *
     * @param current the alert's action so far; null when nothing was recorded
     * @param now     the time it would be recorded at: a due date is a calendar date in Vietnam from that day to
     *                {@value #MAX_DAYS_AHEAD} days ahead (a date already past would make the action overdue as it is recorded)
     */
    public List<String> problems(final CorrectiveAction current, final Instant now) {
        final List<String> problems = new ArrayList<>();
        final ActionEventType kind = eventType();
        if (kind == null) {
            problems.add("Loại thao tác không hợp lệ: chọn một trong acknowledge (tiếp nhận), record (ghi nhận hành động "
                + "khắc phục), complete (hoàn thành).");
            return problems;
        }
        if (current != null && current.events().size() >= CorrectiveAction.MAX_EVENTS) {
            problems.add("Cảnh báo này đã có " + CorrectiveAction.MAX_EVENTS + " bản ghi, số tối đa được lưu.");
        }
        text(problems, "Ghi chú", note, MAX_TEXT, false, true);
        switch (kind) {
            case ACKNOWLEDGED -> {
                if (current != null && current.acknowledgedAt() != null) {
                    problems.add("Cảnh báo đã được " + current.acknowledgedBy() + " tiếp nhận lúc "
                        + VietnameseFormat.dateTime(current.acknowledgedAt()) + ".");
                }
            }
            case RECORDED -> {
                text(problems, "Nguyên nhân", cause, MAX_TEXT, true, true);
                text(problems, "Hành động khắc phục", action, MAX_TEXT, true, true);
                text(problems, "Người chịu trách nhiệm", responsible, MAX_NAME, true, false);
                dueProblems(problems, now);
            }
            case COMPLETED -> {
                if (current == null || !current.recorded()) {
                    problems.add("Chưa ghi nhận hành động khắc phục nào cho cảnh báo này: ghi nhận trước khi báo hoàn thành.");
                } else if (current.completedAt() != null) {
                    problems.add("Hành động khắc phục đã được " + current.completedBy() + " báo hoàn thành lúc "
                        + VietnameseFormat.dateTime(current.completedAt()) + ".");
                }
            }
        }
        return problems;
    }

    /** The event of this request (valid: {@link #problems} is empty), by {@code by}, at {@code now}. */
    public ActionEvent event(final List<String> alertKey, final String by, final ActionChannel channel, final Instant now) {
        final ActionEventType kind = eventType();
        final boolean recorded = kind == ActionEventType.RECORDED;
        return new ActionEvent(alertKey, UUID.randomUUID().toString(), kind, by, channel, now,
            recorded ? cause : null, recorded ? action : null, recorded ? responsible : null,
            recorded ? LocalDate.parse(due) : null, note);
    }

    /**
     * What is wrong with {@code by}, the name of who records (a user's name or an e-mail address), in Vietnamese;
     * empty when it is fine.
     */
    public static List<String> byProblems(final String by) {
        final List<String> problems = new ArrayList<>();
        text(problems, "Người ghi nhận", clean(by), MAX_NAME, true, false);
        return problems;
    }

    private ActionEventType eventType() {
        if (type == null) {
            return null;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "acknowledge" -> ActionEventType.ACKNOWLEDGED;
            case "record" -> ActionEventType.RECORDED;
            case "complete" -> ActionEventType.COMPLETED;
            default -> null;
        };
    }

    private void dueProblems(final List<String> problems, final Instant now) {
        if (due == null) {
            problems.add("Thời hạn hoàn thành là bắt buộc (dạng năm-tháng-ngày, ví dụ 2026-12-31).");
            return;
        }
        final LocalDate date;
        try {
            date = LocalDate.parse(due);
        } catch (final DateTimeParseException e) {
            problems.add("Thời hạn hoàn thành \"" + shortened(due) + "\" không phải là ngày hợp lệ (dạng năm-tháng-ngày, "
                + "ví dụ 2026-12-31).");
            return;
        }
        final LocalDate today = VietnamTime.localDate(now);
        if (date.isBefore(today)) {
            problems.add("Thời hạn hoàn thành " + vietnamese(date) + " đã qua: chọn từ hôm nay (" + vietnamese(today)
                + ") trở đi.");
        } else if (date.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            problems.add("Thời hạn hoàn thành " + vietnamese(date) + " quá xa: chọn trong vòng " + MAX_DAYS_AHEAD
                + " ngày tới (đến " + vietnamese(today.plusDays(MAX_DAYS_AHEAD)) + ").");
        }
    }

    private static void text(final List<String> problems, final String label, final String value, final int max,
                             final boolean required, final boolean multiline) {
        if (value == null) {
            if (required) {
                problems.add(label + " là bắt buộc.");
            }
            return;
        }
        final int length = value.codePointCount(0, value.length());
        if (length > max) {
            problems.add(label + " dài " + length + " ký tự, tối đa " + max + " ký tự.");
        }
        final boolean control = value.codePoints().anyMatch(c -> Character.isISOControl(c)
            && !(multiline && (c == '\n' || c == '\r' || c == '\t')) || c == '\u2028' || c == '\u2029');
        if (control) {
            problems.add(label + " chứa ký tự điều khiển không được phép" + (multiline ? "" : " (kể cả xuống dòng)") + ".");
        }
    }

    /** "31/12/2026". */
    public static String vietnamese(final LocalDate date) {
        return String.format("%02d/%02d/%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    private static String shortened(final String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static String clean(final String value) {
        if (value == null) {
            return null;
        }
        final String stripped = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
