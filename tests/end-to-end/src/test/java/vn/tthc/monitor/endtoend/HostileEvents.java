package vn.tthc.monitor.endtoend;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hostile events of issue 11, each a well-formed JSON event that breaks the contract in one way (or, for the
 * one above the gateway's size limit, none), with the exact reason the contract gives: the gateway answers it per
 * event, kpi-streams puts it on the dead letter. In: a {@link GoodEvents} for the rest of each event.
 */
final class HostileEvents {

    /** The gateway's largest event (TTHC_GATEWAY_MAX_EVENT_BYTES' default). */
    static final int GATEWAY_MAX_EVENT_BYTES = 65_536;
    private static final String YEARS = "must lie in the years 2000 to 2099 (from 2000-01-01T00:00:00Z,"
        + " before 2100-01-01T00:00:00Z), was ";

    /**
     * One hostile event: {@code reason} is the contract's ({@code null} when the contract accepts it), what the
     * gateway answers unless the event is above its size limit.
     */
    record Hostile(String name, String json, String reason) {

        int bytes() {
            return json.getBytes(StandardCharsets.UTF_8).length;
        }

        /** What the gateway answers for this event: its size first, then the contract. */
        String gatewayReason() {
            return bytes() > GATEWAY_MAX_EVENT_BYTES
                ? "the event has " + bytes() + " bytes, above the limit of " + GATEWAY_MAX_EVENT_BYTES + " bytes per event"
                : reason;
        }
    }

    private HostileEvents() {
    }

    static List<Hostile> all(final GoodEvents good) {
        final OffsetDateTime day = OffsetDateTime.of(2026, 3, 2, 8, 0, 0, 0, ZoneOffset.ofHours(7));
        final List<Hostile> hostile = new ArrayList<>();

        final String hugeUnit = "U".repeat(900_000);
        hostile.add(reception(good, day, "unitId", hugeUnit, "unitId of 900 KB",
            "field 'unitId' must be 1 to 128 characters (code points) long, was 900000: '" + "U".repeat(40)
                + "'… (900000 characters)"));
        for (int i = 0; i < 20; i++) {
            hostile.add(reception(good, day, "occurredAt", "0999-06-01T08:00:00+07:00", "received in 0999",
                "field 'occurredAt' " + YEARS + "'0999-06-01T08:00:00+07:00'"));
            hostile.add(reception(good, day, "occurredAt", "0001-01-01T00:00:00+07:00", "received in 0001",
                "field 'occurredAt' " + YEARS + "'0001-01-01T00:00:00+07:00'"));
        }
        hostile.add(reception(good, day, "dueAt", "+999999999-12-31T23:59:59Z", "due in year 999999999",
            "field 'dueAt' " + YEARS + "'+999999999-12-31T23:59:59Z'"));
        hostile.add(reception(good, day, "dueAt", "9999-12-31T23:59:59+07:00", "due in 9999",
            "field 'dueAt' " + YEARS + "'9999-12-31T23:59:59+07:00'"));
        hostile.add(reception(good, day, "occurredAt", "9999-12-31T23:59:59+07:00", "received in 9999",
            "field 'occurredAt' " + YEARS + "'9999-12-31T23:59:59+07:00'"));
        final Map<String, Object> extended = good.caseEvent("case.extended", good.newId("HS"), day.plusDays(3));
        extended.put("dueAt", "9999-06-01T17:00:00+07:00");
        hostile.add(new Hostile("extended to 9999", JsonText.of(extended),
            "field 'dueAt' " + YEARS + "'9999-06-01T17:00:00+07:00'"));
        final Map<String, Object> supplemented = good.caseEvent("case.supplement_received", good.newId("HS"), day);
        supplemented.put("dueAt", "+999999999-12-31T23:59:59Z");
        hostile.add(new Hostile("optional dueAt in year 999999999", JsonText.of(supplemented),
            "field 'dueAt' " + YEARS + "'+999999999-12-31T23:59:59Z'"));

        hostile.add(reception(good, day, "caseId", "HS-\uD800-1", "unpaired surrogate in caseId",
            "field 'caseId' must not contain the unpaired surrogate U+D800 (at character 4): 'HS-\\uD800-1'"));
        hostile.add(reception(good, day, "caseId", "HS-\uDC00", "unpaired low surrogate in caseId",
            "field 'caseId' must not contain the unpaired surrogate U+DC00 (at character 4): 'HS-\\uDC00'"));
        final String nfd = Normalizer.normalize("UBND-PHƯỜNG-BẾN-NGHÉ", Normalizer.Form.NFD);
        hostile.add(reception(good, day, "unitId", nfd, "unitId in NFD",
            "field 'unitId' must be in Unicode normalisation form NFC: '" + nfd + "'"));
        hostile.add(reception(good, day, "caseId", " HS-2", "caseId with a leading space",
            "field 'caseId' must not start with white space (U+0020): ' HS-2'"));
        hostile.add(reception(good, day, "fieldId", "DAT_DAI ", "fieldId with a trailing space",
            "field 'fieldId' must not end with white space (U+0020): 'DAT_DAI '"));
        hostile.add(reception(good, day, "unitId", "\u3000SO-TNMT", "unitId with a leading ideographic space",
            "field 'unitId' must not start with white space (U+3000): '\\u3000SO-TNMT'"));
        hostile.add(reception(good, day, "caseId", "HS-\u0007-3", "control character in caseId",
            "field 'caseId' must not contain the control character U+0007 (at character 4): 'HS-\\u0007-3'"));
        hostile.add(reception(good, day, "caseId", "HS-4\r\nKHẨN: đăng nhập lại tại http://dvc.example", "CRLF in caseId",
            "field 'caseId' must not contain the control character U+000D (at character 5):"
                + " 'HS-4\\u000D\\u000AKHẨN: đăng nhập lại tại http://dvc'… (48 characters)"));
        hostile.add(reception(good, day, "fieldId", "DAT_DAI\r\nhttp://dvc.example", "CRLF in fieldId",
            "field 'fieldId' must not contain the control character U+000D (at character 8):"
                + " 'DAT_DAI\\u000D\\u000Ahttp://dvc.example'"));
        hostile.add(reception(good, day, "caseId", "HS-5\u2028KHẨN", "line separator in caseId",
            "field 'caseId' must not contain the line separator U+2028 (at character 5): 'HS-5\\u2028KHẨN'"));
        hostile.add(reception(good, day, "fieldId", "*", "fieldId '*'",
            "field 'fieldId' must not be '*' (that names the all-fields row)"));
        hostile.add(reception(good, day, "caseId", "", "empty caseId", "field 'caseId' must not be empty: ''"));

        // valid by the contract, which ignores unknown fields, but above the gateway's limit per event
        final Map<String, Object> padded = good.reception(good.newId("HS"), day);
        padded.put("ghiChu", "Hồ sơ đất đai ".repeat(5_000));
        hostile.add(new Hostile("70 KB event", JsonText.of(padded), null));
        return hostile;
    }

    private static Hostile reception(final GoodEvents good, final OffsetDateTime day, final String field,
                                     final String value, final String name, final String reason) {
        final Map<String, Object> event = good.reception(good.newId("HS"), day);
        event.put(field, value);
        return new Hostile(name, JsonText.of(event), reason);
    }
}
