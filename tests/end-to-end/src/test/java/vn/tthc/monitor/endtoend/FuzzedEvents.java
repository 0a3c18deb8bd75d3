package vn.tthc.monitor.endtoend;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.ParseResult;

/**
 * A seeded corpus of events a careless or hostile producer sends: the events of {@link GoodEvents}, most of them
 * changed in one or two ways (identifiers of random Unicode, timestamps from year 1 to 999999999 with and without
 * offsets, values of the wrong JSON type or outside their enumeration, fields missing, null or repeated, unknown
 * fields of random shape and size) or replaced by another JSON value; for the topic also random and mutated bytes,
 * other encodings, empty values, nesting and sizes the gateway refuses, and any key. Whether each is valid is for the
 * contract's parser to say: the corpus only makes the inputs.
 */
final class FuzzedEvents {

    private static final String[] IDENTIFIERS = {"eventId", "caseId", "unitId", "fieldId", "procedureId", "feedbackId"};
    private static final String[] TIMESTAMPS = {"occurredAt", "dueAt"};
    private static final String[] ENUMS = {"channel", "result", "rating", "type"};
    private static final String[] TYPES = {"case.received", "case.supplement_requested", "case.supplement_received",
        "case.extended", "case.resolved", "case.returned", "case.withdrawn", "survey.submitted", "feedback.received",
        "feedback.resolved", "case.reopened", "CASE.RECEIVED", "", "case.received "};
    private static final String[] ENUM_VALUES = {"ONLINE", "online", "Online", "FAX", "", "APPROVED", "DENIED",
        "REJECTED", "SATISFIED", "VERY_SATISFIED", "HÀI_LÒNG", "COUNTER\u0000", "POSTAL "};
    private static final String[] ODD_TIMESTAMPS = {"0001-01-01T00:00:00+07:00", "0999-06-01T08:00:00+07:00",
        "1999-12-31T23:59:59.999999999Z", "2000-01-01T00:00:00Z", "2000-01-01T06:59:59+07:00",
        "2099-12-31T23:59:59.999999999Z", "2100-01-01T00:00:00Z", "2100-01-01T06:59:59+07:00",
        "9999-12-31T23:59:59+07:00", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
        "2026-03-02T08:15:00", "2026-03-02", "2026-02-30T08:00:00Z", "2026-03-02T24:00:00Z", "2026-06-30T23:59:60Z",
        "2026-03-02t08:15:00z", "2026-03-02T08:15:00+25:00", "2026-03-02T08:15:00+07:00:30", "20260302T081500Z",
        "", " 2026-03-02T08:15:00Z", "2026-03-02T08:15:00Z ", "２０２６-03-02T08:15:00Z", "2026-03-02T08:15:00.1234567891Z",
        "2026-03-02T08:15:00+07:00[Asia/Ho_Chi_Minh]", "2026-W10-1T08:00:00Z", "1772414100"};
    private static final ZoneOffset[] OFFSETS = {ZoneOffset.UTC, ZoneOffset.ofHours(7), ZoneOffset.ofHours(-12),
        ZoneOffset.ofHours(14), ZoneOffset.ofHoursMinutes(5, 45), ZoneOffset.ofHours(-3)};
    private static final String VIETNAMESE = "ĐƯỜNGHỒSƠỦYBANNHÂNDÂNPHƯỜNGBẾNNGHÉđườnghồsơủybannhândân";
    private static final int[] WHITE_SPACE = {0x20, 0x09, 0xA0, 0x3000, 0x2003, 0x1680, 0x202F, 0x0B};
    private static final int[] SPECIALS = {0x2028, 0x2029, 0xFEFF, 0x200B, 0x202E, 0xFFFD, '*', '"', '\\', '/', 0xFFFF};

    private final Random random;
    private final GoodEvents gatewayBase;
    private final GoodEvents topicBase;
    private final Deque<Map<String, Object>> gatewayQueue = new ArrayDeque<>();
    private final Deque<Map<String, Object>> topicQueue = new ArrayDeque<>();
    private int unique;

    FuzzedEvents(final long seed) {
        this.random = new Random(seed);
        this.gatewayBase = new GoodEvents("fzg", seed + 1);
        this.topicBase = new GoodEvents("fzt", seed + 2);
    }

    /**
     * One element of a gateway request's JSON array: within the gateway's JSON limits (so that its request is not a
     * 400), and naming no source but the key's (another refuses the request, 403: a test of its own), anything else.
     */
    String forGateway() {
        while (true) {
            final Map<String, Object> event = next(gatewayQueue, gatewayBase);
            final String json = random.nextInt(25) == 0 ? JsonText.of(randomJson(3, 30))
                : text(mutated(event, true, 40), random.nextInt(10) == 0);
            if (!namesAnotherSource(json)) {
                return json;
            }
        }
    }

    /** Whether the gateway would read another source than its key's in the event, which refuses the whole request. */
    private static boolean namesAnotherSource(final String json) {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > HostileEvents.GATEWAY_MAX_EVENT_BYTES) {
            return false;
        }
        final String source = EventParser.parse(bytes) instanceof ParseResult.Valid valid ? valid.event().source()
            : ((ParseResult.Rejected) EventParser.parse(bytes)).source();
        return source != null && !source.equals(GatewayProcess.SOURCE);
    }

    /** One record of the events topic: any bytes under any key. */
    EventsTopicWriter.Record forTopic() {
        final Map<String, Object> event = next(topicQueue, topicBase);
        final String key = key(event);
        final int shape = random.nextInt(100);
        if (shape < 2) {
            final byte[] noise = new byte[random.nextInt(300)];
            random.nextBytes(noise);
            return new EventsTopicWriter.Record(key, noise);
        }
        if (shape < 3) {
            return new EventsTopicWriter.Record(key, null);
        }
        if (shape < 5) {
            return new EventsTopicWriter.Record(key, JsonText.of(event).getBytes(random.nextBoolean()
                ? StandardCharsets.UTF_16 : StandardCharsets.UTF_16LE));
        }
        final String json = shape < 8 ? JsonText.of(randomJson(4, 1_500)) : text(mutated(event, false, 1_500),
            random.nextInt(10) == 0);
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (shape < 12) {
            return new EventsTopicWriter.Record(key, mutatedBytes(bytes));
        }
        return new EventsTopicWriter.Record(key, bytes);
    }

    /** The record's key: the entity's id as the contract says mostly, else none, another id or junk. */
    private String key(final Map<String, Object> event) {
        final Object entity = event.containsKey("caseId") ? event.get("caseId")
            : event.containsKey("feedbackId") ? event.get("feedbackId") : event.get("unitId");
        return switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> randomId();
            case 2 -> GoodEvents.UNITS[random.nextInt(GoodEvents.UNITS.length)];
            default -> String.valueOf(entity);
        };
    }

    private Map<String, Object> next(final Deque<Map<String, Object>> queue, final GoodEvents base) {
        if (queue.isEmpty()) {
            queue.addAll(base.nextEntity());
        }
        return new LinkedHashMap<>(queue.poll());
    }

    /** The event unchanged (3 in 10), or changed in one or two ways. */
    private Map<String, Object> mutated(final Map<String, Object> event, final boolean forGateway, final int maxDepth) {
        final int changes = random.nextInt(10) < 3 ? 0 : 1 + random.nextInt(2);
        for (int i = 0; i < changes; i++) {
            mutate(event, forGateway, maxDepth);
        }
        return event;
    }

    private void mutate(final Map<String, Object> event, final boolean forGateway, final int maxDepth) {
        switch (random.nextInt(14)) {
            case 0, 1 -> {
                final String field = IDENTIFIERS[random.nextInt(IDENTIFIERS.length)];
                event.put(field, field.equals("eventId") ? randomId() + "~" + ++unique + tail() : randomId());
            }
            case 2 -> event.put("source", randomId());
            case 3, 4 -> event.put(TIMESTAMPS[random.nextInt(TIMESTAMPS.length)], randomTimestamp());
            case 5 -> event.put(anyField(event), randomJson(2, 3));
            case 6 -> event.remove(anyField(event));
            case 7 -> event.put(anyField(event), null);
            case 8 -> {
                final String field = ENUMS[random.nextInt(ENUMS.length)];
                event.put(field, field.equals("type") ? TYPES[random.nextInt(TYPES.length)]
                    : ENUM_VALUES[random.nextInt(ENUM_VALUES.length)]);
            }
            case 9 -> event.put("x" + random.nextInt(5), randomJson(random.nextInt(maxDepth) / 4 + 1, maxDepth));
            case 10 -> event.put("ghiChu", filler(forGateway ? 60_000 + random.nextInt(10_000) : 100_000 + random.nextInt(300_000)));
            case 11 -> event.put("onlineEligible", random.nextBoolean() ? "true" : 1);
            case 12 -> event.put(anyField(event), new JsonText.Raw(JsonText.of(event.get(anyField(event))) + ","
                + JsonText.of(anyField(event)) + ":" + JsonText.of(randomId())));
            default -> event.put("n", new JsonText.Raw(new BigInteger(random.nextInt(4_000) + 1, random).toString()
                + (random.nextBoolean() ? ".5e-7" : "")));
        }
        if (forGateway && event.get("n") instanceof JsonText.Raw number && number.json().length() > 900) {
            // the gateway refuses a number of more than 1,000 characters for the whole request: a separate test
            event.put("n", new JsonText.Raw(number.json().substring(0, 900)));
        }
    }

    private String anyField(final Map<String, Object> event) {
        final List<String> fields = new ArrayList<>(event.keySet());
        return fields.isEmpty() ? "eventId" : fields.get(random.nextInt(fields.size()));
    }

    private String text(final Map<String, Object> event, final boolean escapeNonAscii) {
        return JsonText.of(event, escapeNonAscii);
    }

    /** An identifier, valid mostly: 1 to 16 code points, now and then none or about 128, of many scripts and traps. */
    private String randomId() {
        final int length = switch (random.nextInt(12)) {
            case 0 -> 0;
            case 1 -> 120 + random.nextInt(20);
            default -> 1 + random.nextInt(16);
        };
        final boolean plain = random.nextInt(3) == 0;
        final StringBuilder id = new StringBuilder();
        for (int i = 0; i < length; i++) {
            id.appendCodePoint(plain ? 'A' + random.nextInt(26) : randomCodePoint());
        }
        return id.toString();
    }

    private String tail() {
        return random.nextInt(4) == 0 ? randomId() : "";
    }

    private int randomCodePoint() {
        return switch (random.nextInt(24)) {
            case 0 -> random.nextBoolean() ? random.nextInt(0x20) : 0x7F + random.nextInt(0x21);
            case 1 -> 0xD800 + random.nextInt(0x800);
            case 2 -> WHITE_SPACE[random.nextInt(WHITE_SPACE.length)];
            case 3 -> 0x300 + random.nextInt(0x70);
            case 4 -> random.nextBoolean() ? 0x1F600 + random.nextInt(0x50) : 0x20000 + random.nextInt(0x1000);
            case 5 -> SPECIALS[random.nextInt(SPECIALS.length)];
            case 6, 7, 8 -> VIETNAMESE.codePointAt(random.nextInt(VIETNAMESE.length()));
            default -> "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:".charAt(random.nextInt(66));
        };
    }

    private Object randomTimestamp() {
        if (random.nextInt(3) == 0) {
            return ODD_TIMESTAMPS[random.nextInt(ODD_TIMESTAMPS.length)];
        }
        final Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L));
        final String pattern = random.nextBoolean() ? "uuuu-MM-dd'T'HH:mm:ssXXX" : "uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX";
        return DateTimeFormatter.ofPattern(pattern).format(instant.atOffset(OFFSETS[random.nextInt(OFFSETS.length)]));
    }

    /** Any JSON value: containers down to {@code depth}, now and then one chain of arrays {@code maxDepth} deep. */
    private Object randomJson(final int depth, final int maxDepth) {
        if (random.nextInt(50) == 0) {
            final int chain = random.nextInt(maxDepth) + 1;
            return new JsonText.Raw("[".repeat(chain) + "]".repeat(chain));
        }
        final int kind = depth <= 0 ? random.nextInt(5) : random.nextInt(7);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt(3) == 0 ? (Object) random.nextDouble() : (Object) random.nextLong();
            case 3, 4 -> randomId();
            case 5 -> {
                final List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomJson(depth - 1, maxDepth));
                }
                yield list;
            }
            default -> {
                final Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(randomId(), randomJson(depth - 1, maxDepth));
                }
                yield map;
            }
        };
    }

    /** Text of about {@code bytes} UTF-8 bytes, mostly ASCII. */
    private String filler(final int bytes) {
        final StringBuilder text = new StringBuilder(bytes);
        int length = 0;
        while (length < bytes) {
            final int c = random.nextInt(4) == 0 ? randomCodePoint() : 'a' + random.nextInt(26);
            text.appendCodePoint(c);
            length += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        }
        return text.toString();
    }

    /** The bytes with one to three changed (a random byte, a JSON delimiter, a space, a flipped bit), maybe cut short. */
    private byte[] mutatedBytes(final byte[] bytes) {
        final byte[] copy = bytes.clone();
        for (int i = 1 + random.nextInt(3); i > 0 && copy.length > 0; i--) {
            final int at = random.nextInt(copy.length);
            copy[at] = switch (random.nextInt(4)) {
                case 0 -> (byte) random.nextInt(256);
                case 1 -> (byte) "{}[]\",:\\".charAt(random.nextInt(8));
                case 2 -> (byte) ' ';
                default -> (byte) (copy[at] ^ (1 << random.nextInt(8)));
            };
        }
        return random.nextInt(4) == 0 && copy.length > 0 ? Arrays.copyOf(copy, random.nextInt(copy.length)) : copy;
    }
}
