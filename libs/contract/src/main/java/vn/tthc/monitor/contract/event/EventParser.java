package vn.tthc.monitor.contract.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parses and validates one event exactly as EVENTS.md section 1 (v2) says: a JSON object with every
 * required field, a known {@code type}, identifiers by {@link Identifiers}, timestamps with an offset in
 * the years 2000 to 2099, values of the right JSON type and inside their enumerations. {@code null}
 * counts as absent, and an invalid optional field rejects the event too. Fields the contract does not
 * name are ignored.
 *
 * <p>Every rejection carries a short reason that names the field and the rule; a value it quotes is cut
 * to 40 characters with control characters escaped ({@link Identifiers#quote}).
 *
 * <p>The JSON is read as a stream of tokens, all of it before any field is judged, so that broken JSON anywhere
 * is what a record is rejected for. Strings, booleans and {@code null} are taken from the stream; any other value
 * (a number, object or array: in a field the contract does not name, or of the wrong type) is read into a JSON
 * tree, by the same reader and its limits. An event of strings and booleans alone builds no tree.
 */
public final class EventParser {

    /** The first instant of the contract's years, 2000-01-01T00:00:00Z. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** The first instant after them, 2100-01-01T00:00:00Z. */
    public static final Instant END = Instant.parse("2100-01-01T00:00:00Z");
    /** How many characters of a JSON reader's message a reason keeps. */
    private static final int MAX_JSON_MESSAGE_LENGTH = 200;
    private static final String EMPTY_RECORD = "empty record: expected a JSON object";
    /**
     * The reason for a second JSON value after the first, worded as the JSON tree reader with
     * {@code FAIL_ON_TRAILING_TOKENS} that this parser replaced worded it, so that no reason changed.
     */
    private static final String TRAILING_TOKEN = "Trailing token (of type %s) found after value (bound as"
        + " `com.fasterxml.jackson.databind.JsonNode`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`";

    /** The fields section 1 names, each with its place in {@link Fields}; any other field is read and dropped. */
    private static final Map<String, Integer> CONTRACT_FIELDS = indexes("eventId", "type", "occurredAt", "source",
        "caseId", "unitId", "fieldId", "procedureId", "channel", "onlineEligible", "dueAt", "result", "rating", "feedbackId");

    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .build();

    private EventParser() {
    }

    /**
     * Parses one record value or file line (UTF-8 JSON); {@code null} is an empty record. A NUL byte rejects it:
     * UTF-8 JSON never holds one, and the JSON reader would take it for UTF-16 or UTF-32 text and read that.
     */
    public static ParseResult parse(final byte[] json) {
        if (json == null) {
            return new ParseResult.Rejected(EMPTY_RECORD, null, null);
        }
        for (int i = 0; i < json.length; i++) {
            if (json[i] == 0) {
                return new ParseResult.Rejected("not UTF-8 JSON: NUL byte at byte " + i, null, null);
            }
        }
        try (JsonParser parser = STRICT_JSON.createParser(json)) {
            return parse(parser);
        } catch (final JsonProcessingException e) {
            return new ParseResult.Rejected("not valid JSON: " + jsonMessage(e.getOriginalMessage()), null, null);
        } catch (final IOException e) {
            return new ParseResult.Rejected("not valid JSON: " + jsonMessage(e.getMessage()), null, null);
        }
    }

    /** Parses one line already decoded; read as it is, so that an unpaired surrogate is seen, not turned into '?'. */
    public static ParseResult parse(final String json) {
        if (json == null) {
            return new ParseResult.Rejected(EMPTY_RECORD, null, null);
        }
        try (JsonParser parser = STRICT_JSON.createParser(json)) {
            return parse(parser);
        } catch (final JsonProcessingException e) {
            return new ParseResult.Rejected("not valid JSON: " + jsonMessage(e.getOriginalMessage()), null, null);
        } catch (final IOException e) {
            return new ParseResult.Rejected("not valid JSON: " + jsonMessage(e.getMessage()), null, null);
        }
    }

    /** Reads the one JSON value of the input, then judges it; a JSON error throws. */
    private static ParseResult parse(final JsonParser parser) throws IOException {
        final JsonToken first = parser.nextToken();
        if (first == null) {
            return new ParseResult.Rejected(EMPTY_RECORD, null, null);
        }
        final Fields fields = first == JsonToken.START_OBJECT ? objectFields(parser) : null;
        final JsonNode other = fields == null ? STRICT_JSON.readTree(parser) : null;
        final JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            return new ParseResult.Rejected("not valid JSON: " + jsonMessage(String.format(TRAILING_TOKEN, trailing)),
                null, null);
        }
        if (fields == null) {
            return new ParseResult.Rejected("not a JSON object but a JSON " + jsonType(other), null, null);
        }
        try {
            return new ParseResult.Valid(event(fields));
        } catch (final InvalidField e) {
            return new ParseResult.Rejected(e.getMessage(), fields.usableId("eventId"), fields.usableId("source"));
        }
    }

    /**
     * The contract's fields of the object the parser is at the start of, read to its end: a string's value as a
     * {@link String}, a boolean's as a {@link Boolean}, any other's as a {@link JsonNode}, {@code null} as absent.
     */
    private static Fields objectFields(final JsonParser parser) throws IOException {
        final Object[] values = new Object[CONTRACT_FIELDS.size()];
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            final Object value = switch (parser.nextToken()) {
                case VALUE_STRING -> parser.getText();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> STRICT_JSON.readTree(parser);
            };
            final Integer index = CONTRACT_FIELDS.get(name);
            if (index != null) {
                values[index] = value;
            }
        }
        return new Fields(values);
    }

    private static Map<String, Integer> indexes(final String... names) {
        final Map<String, Integer> indexes = new HashMap<>();
        for (final String name : names) {
            indexes.put(name, indexes.size());
        }
        return Map.copyOf(indexes);
    }

    private static Event event(final Fields f) {
        final String eventId = f.requiredId("eventId");
        final String typeName = f.requiredText("type");
        final EventType type = EventType.fromWireName(typeName)
            .orElseThrow(() -> new InvalidField("unknown type " + Identifiers.quote(typeName)));
        final Instant occurredAt = f.requiredTimestamp("occurredAt");
        final String source = f.optionalId("source");
        return switch (type) {
            case CASE_RECEIVED -> new CaseReceived(eventId, occurredAt, source, f.requiredId("caseId"),
                f.requiredId("unitId"), f.fieldId(f.requiredId("fieldId")), f.requiredId("procedureId"),
                f.requiredEnum("channel", Channel.class), f.requiredBoolean("onlineEligible"),
                f.requiredTimestamp("dueAt"));
            case CASE_SUPPLEMENT_REQUESTED -> new SupplementRequested(eventId, occurredAt, source, f.requiredId("caseId"));
            case CASE_SUPPLEMENT_RECEIVED -> new SupplementReceived(eventId, occurredAt, source, f.requiredId("caseId"),
                f.optionalTimestamp("dueAt"));
            case CASE_EXTENDED -> new CaseExtended(eventId, occurredAt, source, f.requiredId("caseId"),
                f.requiredTimestamp("dueAt"));
            case CASE_RESOLVED -> new CaseResolved(eventId, occurredAt, source, f.requiredId("caseId"),
                f.requiredEnum("result", CaseResult.class));
            case CASE_WITHDRAWN -> new CaseWithdrawn(eventId, occurredAt, source, f.requiredId("caseId"));
            case CASE_RETURNED -> new CaseReturned(eventId, occurredAt, source, f.requiredId("caseId"));
            case SURVEY_SUBMITTED -> new SurveySubmitted(eventId, occurredAt, source, f.requiredId("unitId"),
                f.fieldId(f.optionalId("fieldId")), f.optionalId("caseId"), f.requiredEnum("rating", Rating.class));
            case FEEDBACK_RECEIVED -> new FeedbackReceived(eventId, occurredAt, source, f.requiredId("feedbackId"),
                f.requiredId("unitId"), f.requiredTimestamp("dueAt"));
            case FEEDBACK_RESOLVED -> new FeedbackResolved(eventId, occurredAt, source, f.requiredId("feedbackId"));
        };
    }

    /** A JSON reader's message, short and on one line. */
    private static String jsonMessage(final String message) {
        return message == null ? "unreadable input" : Identifiers.quote(message, MAX_JSON_MESSAGE_LENGTH);
    }

    /** The JSON type of a value as {@link #objectFields} keeps it. */
    private static String jsonType(final Object value) {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        final JsonNode node = (JsonNode) value;
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case BOOLEAN -> "boolean";
            case NUMBER -> "number";
            case STRING -> "string";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * The contract's fields of one JSON object as {@link #objectFields} keeps them, read with the contract's rules;
     * a violation throws {@link InvalidField}.
     */
    private record Fields(Object[] values) {

        /** The field's value, or {@code null} when it is absent or {@code null}. */
        Object present(final String name) {
            return values[CONTRACT_FIELDS.get(name)];
        }

        String requiredId(final String name) {
            final String id = optionalId(name);
            if (id == null) {
                throw missing(name);
            }
            return id;
        }

        /** An identifier of section 1, or {@code null} when absent. */
        String optionalId(final String name) {
            final String id = optionalText(name);
            if (id == null) {
                return null;
            }
            final String problem = Identifiers.problem(id);
            if (problem != null) {
                throw new InvalidField("field '" + name + "' " + problem + ": " + Identifiers.quote(id));
            }
            return id;
        }

        /** A {@code fieldId} is never {@code *}, the name of a unit's row over all fields. */
        String fieldId(final String id) {
            if ("*".equals(id)) {
                throw new InvalidField("field 'fieldId' must not be '*' (that names the all-fields row)");
            }
            return id;
        }

        String requiredText(final String name) {
            final String text = optionalText(name);
            if (text == null) {
                throw missing(name);
            }
            return text;
        }

        String optionalText(final String name) {
            final Object value = present(name);
            if (value == null) {
                return null;
            }
            if (!(value instanceof String text)) {
                throw wrongType(name, "a string", value);
            }
            return text;
        }

        /** An identifier for the rejection record, or {@code null} when the field holds none by the rule. */
        String usableId(final String name) {
            return present(name) instanceof String id && Identifiers.problem(id) == null ? id : null;
        }

        boolean requiredBoolean(final String name) {
            final Object value = present(name);
            if (value == null) {
                throw missing(name);
            }
            if (!(value instanceof Boolean bool)) {
                throw wrongType(name, "a boolean", value);
            }
            return bool;
        }

        <E extends Enum<E>> E requiredEnum(final String name, final Class<E> type) {
            final String text = requiredText(name);
            try {
                return Enum.valueOf(type, text);
            } catch (final IllegalArgumentException e) {
                // not one of the constants: the reason below lists them
            }
            final String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", "));
            throw new InvalidField("field '" + name + "' must be one of " + allowed + ", was " + Identifiers.quote(text));
        }

        Instant requiredTimestamp(final String name) {
            final Instant instant = optionalTimestamp(name);
            if (instant == null) {
                throw missing(name);
            }
            return instant;
        }

        Instant optionalTimestamp(final String name) {
            final String text = optionalText(name);
            if (text == null) {
                return null;
            }
            final Instant instant;
            try {
                instant = OffsetTimestamp.parse(text);
            } catch (final DateTimeParseException e) {
                throw new InvalidField("field '" + name + "' must be an ISO-8601 timestamp with offset"
                    + " (e.g. 2026-03-02T08:15:00+07:00), was " + Identifiers.quote(text));
            }
            if (instant.isBefore(EARLIEST) || !instant.isBefore(END)) {
                throw new InvalidField("field '" + name + "' must lie in the years 2000 to 2099"
                    + " (from 2000-01-01T00:00:00Z, before 2100-01-01T00:00:00Z), was " + Identifiers.quote(text));
            }
            return instant;
        }

        private static InvalidField missing(final String name) {
            return new InvalidField("missing required field '" + name + "'");
        }

        private static InvalidField wrongType(final String name, final String expected, final Object value) {
            return new InvalidField("field '" + name + "' must be " + expected + ", was a JSON " + jsonType(value));
        }
    }

    private static final class InvalidField extends RuntimeException {
        InvalidField(final String reason) {
            super(reason, null, false, false);
        }
    }
}
