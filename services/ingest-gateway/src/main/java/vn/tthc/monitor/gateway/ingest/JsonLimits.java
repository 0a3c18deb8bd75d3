package vn.tthc.monitor.gateway.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The limits the gateway's JSON reading puts on a request body, stated here rather than left to
 * Jackson's defaults, and the short reason a body that breaks JSON or a limit is answered with:
 * a position and what is wrong, never the parser's own text.
 */
public final class JsonLimits {

    /** Array, event object and the nesting of fields the contract does not name: far below Jackson's 1,000. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Digits of one number (Jackson's default, explicit): no contract field is a number. */
    public static final int MAX_NUMBER_LENGTH = 1_000;
    /**
     * Characters of one string: as many as the largest body holds, so a long string inside an
     * event makes that event too large (rejected alone), not the whole body malformed.
     */
    public static final int MAX_STRING_LENGTH = 20_000_000;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxNumberLength(MAX_NUMBER_LENGTH)
        .maxStringLength(MAX_STRING_LENGTH)
        .build();

    /**
     * Splits bodies token by token. A repeated field name is no error here: the event that has one is
     * {@code EventParser}'s to reject, alone.
     */
    public static final JsonFactory FACTORY = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();

    /**
     * Reads whole documents (status records): duplicate fields and trailing content are errors. On a
     * factory of its own: enabling a parser feature on a mapper enables it on the mapper's factory.
     */
    public static final ObjectMapper STRICT_MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(CONSTRAINTS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    private JsonLimits() {
    }

    /**
     * What is wrong with the JSON, where: {@code "not valid JSON at byte 14 (the body ends early)"},
     * {@code "nested deeper than 64 levels at byte 64"}.
     *
     * @param parser the parser that failed, for the position of a limit (whose exception carries none)
     */
    public static String reason(final JsonProcessingException e, final JsonParser parser) {
        final JsonLocation location = e.getLocation() != null ? e.getLocation()
            : parser != null ? parser.currentLocation() : null;
        final String at = location == null || location.getByteOffset() < 0 ? ""
            : " at byte " + location.getByteOffset();
        if (e instanceof StreamConstraintsException) {
            final String message = String.valueOf(e.getOriginalMessage());
            if (message.contains("nesting depth")) {
                return "nested deeper than " + MAX_NESTING_DEPTH + " levels" + at;
            }
            if (message.contains("Number value length")) {
                return "a number longer than " + MAX_NUMBER_LENGTH + " characters" + at;
            }
            if (message.contains("String value length")) {
                return "a string longer than " + MAX_STRING_LENGTH + " characters" + at;
            }
            return "above a limit of the JSON reader" + at;
        }
        final String message = String.valueOf(e.getOriginalMessage());
        return message.contains("end-of-input") ? "not valid JSON" + at + " (the JSON ends early)"
            : "not valid JSON" + at;
    }
}
