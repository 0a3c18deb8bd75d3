package vn.tthc.monitor.contract.event;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.contract.testing.EventLines.minimal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.testing.ExampleFiles;

/**
 * {@code spec/event.schema.json} accepts a line exactly when {@link EventParser} does, on every line of the
 * example files and on hand-made edge lines, apart from what the schema's description lists: the rules
 * it cannot express (a day that does not exist, a repeated key, the UTC year near a bound, NFC, an unpaired
 * surrogate), and the timestamp shapes outside RFC 3339 that the parser tolerates.
 */
class EventSchemaTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
    private static final ObjectMapper JSON_WITHOUT_DUPLICATE_KEYS = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .build();
    private static final Path SCHEMA_FILE = ExampleFiles.specDir().resolve("event.schema.json");
    /** The schema's own timestamp pattern (ECMA-262 and Java agree on it). */
    private static final Pattern TIMESTAMP =
        Pattern.compile(readJson(SCHEMA_FILE).at("/$defs/timestamp/pattern").textValue());
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    /** As most validators read draft 2020-12: {@code format} is an annotation, the pattern is the rule. */
    private static final JsonSchema SCHEMA = schema(false);
    /** With {@code format} asserted, as a validator may be asked to: {@code date-time} also checks the calendar. */
    private static final JsonSchema SCHEMA_ASSERTING_FORMAT = schema(true);

    private static JsonSchema schema(final boolean assertFormats) {
        return FACTORY.getSchema(readJson(SCHEMA_FILE),
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(assertFormats).build());
    }

    private static JsonNode readJson(final Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final List<Line> BASIC = lines(ExampleFiles.lines("basic.events.jsonl"));
    private static final List<Line> MIXED = lines(ExampleFiles.lines("mixed.events.jsonl"));
    private static final List<Line> BOUNDS = lines(ExampleFiles.lines("bounds.events.jsonl"));
    private static final List<String> IDENTIFIERS =
        List.of("eventId", "caseId", "unitId", "fieldId", "procedureId", "feedbackId", "source");

    /** One line, read once: its JSON value ({@code null} unless it is exactly one JSON value) and the parser's verdict. */
    private record Line(String text, JsonNode json, ParseResult parsed) {

        static Line of(final String text) {
            JsonNode json;
            try {
                json = JSON.readTree(text);
            } catch (final JsonProcessingException e) {
                json = null;
            }
            return new Line(text, json, EventParser.parse(text));
        }

        boolean parserAccepts() {
            return parsed instanceof ParseResult.Valid;
        }

        /** A line that is not exactly one JSON value is no instance to validate: the schema side rejects it. */
        boolean schemaAccepts(final JsonSchema schema) {
            return json != null && schema.validate(json).isEmpty();
        }

        /** An object that repeats a key: JSON Schema validates one value per key, the parser rejects the line. */
        boolean repeatsAKey() {
            if (json == null) {
                return false;
            }
            try {
                JSON_WITHOUT_DUPLICATE_KEYS.readTree(text);
                return false;
            } catch (final JsonProcessingException e) {
                return true;
            }
        }

        /** A timestamp that matches the schema's pattern but names a day that does not exist (2026-02-30). */
        boolean namesADayThatDoesNotExist() {
            for (final String field : List.of("occurredAt", "dueAt")) {
                final JsonNode value = json == null ? null : json.get(field);
                if (value != null && value.isTextual() && TIMESTAMP.matcher(value.textValue()).matches()) {
                    try {
                        LocalDate.parse(value.textValue().substring(0, 10));
                    } catch (final DateTimeParseException e) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** A timestamp whose written year is in 2000..2099 while its instant is not, or the other way round. */
        boolean hasAUtcYearOtherThanItsWrittenYear() {
            for (final String field : List.of("occurredAt", "dueAt")) {
                final JsonNode value = json == null ? null : json.get(field);
                if (value != null && value.isTextual() && TIMESTAMP.matcher(value.textValue()).matches()) {
                    try {
                        final int written = Integer.parseInt(value.textValue().substring(0, 4));
                        final int utc = OffsetDateTime.parse(value.textValue()).atZoneSameInstant(ZoneOffset.UTC).getYear();
                        if (written != utc) {
                            return true;
                        }
                    } catch (final DateTimeParseException e) {
                        // a day that does not exist: judged by namesADayThatDoesNotExist
                    }
                }
            }
            return false;
        }

        /** An identifier that is not NFC or holds an unpaired surrogate: rules the schema leaves to the parser. */
        boolean hasAnIdentifierOutsideThePatterns() {
            for (final String field : IDENTIFIERS) {
                final JsonNode value = json == null ? null : json.get(field);
                if (value != null && value.isTextual() && (!Normalizer.isNormalized(value.textValue(), Normalizer.Form.NFC)
                    || value.textValue().codePoints().anyMatch(c -> c <= 0xFFFF && Character.isSurrogate((char) c)))) {
                    return true;
                }
            }
            return false;
        }

        String verdicts(final JsonSchema schema) {
            return "schema " + (schemaAccepts(schema) ? "accepts" : "rejects") + ", parser "
                + (parsed instanceof ParseResult.Rejected rejected ? "rejects (" + rejected.reason() + ")" : "accepts")
                + ": " + text;
        }
    }

    /** The lines of a file to judge: blank lines are skipped, not rejected (EVENTS.md section 1). */
    private static List<Line> lines(final List<String> texts) {
        return texts.stream().filter(text -> !text.isBlank()).map(Line::of).toList();
    }

    /** The lines on which the schema and the parser disagree, each with both verdicts. */
    private static List<String> disagreements(final JsonSchema schema, final List<Line> lines) {
        return lines.stream()
            .filter(line -> line.schemaAccepts(schema) != line.parserAccepts())
            .map(line -> line.verdicts(schema))
            .toList();
    }

    /** The disagreements, leaving out exactly the lines the schema cannot judge (see its description). */
    private static List<String> disagreementsWithinTheSchemasReach(final List<Line> lines) {
        return disagreements(SCHEMA,
            lines.stream().filter(line -> !line.repeatsAKey() && !line.namesADayThatDoesNotExist()
                && !line.hasAUtcYearOtherThanItsWrittenYear() && !line.hasAnIdentifierOutsideThePatterns()).toList());
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() {
        final JsonSchema metaSchema =
            FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(metaSchema.validate(readJson(SCHEMA_FILE))).isEmpty();
    }

    @Test
    void theSchemaAcceptsALineOfTheBasicExampleExactlyWhenTheParserDoes() {
        assertThat(disagreementsWithinTheSchemasReach(BASIC)).isEmpty();
    }

    @Test
    void theSchemaAcceptsALineOfTheMixedExampleExactlyWhenTheParserDoes() {
        assertThat(disagreementsWithinTheSchemasReach(MIXED)).isEmpty();
    }

    @Test
    void theSchemaAcceptsALineOfTheBoundsExampleExactlyWhenTheParserDoesWithinItsReach() {
        assertThat(disagreementsWithinTheSchemasReach(BOUNDS)).isEmpty();
    }

    @Test
    void theBoundsExampleHasLinesOnEachSideOfWhatTheSchemaLeavesToTheParser() {
        // the exclusions above are not vacuous: the bounds example has lines on which only the parser can judge
        assertThat(BOUNDS).anyMatch(Line::hasAUtcYearOtherThanItsWrittenYear);
        assertThat(BOUNDS).anyMatch(Line::hasAnIdentifierOutsideThePatterns);
        assertThat(BOUNDS.stream().filter(line -> !line.hasAUtcYearOtherThanItsWrittenYear()
            && !line.hasAnIdentifierOutsideThePatterns()).filter(line -> !line.parserAccepts())).hasSizeGreaterThan(8);
    }

    @Test
    void withFormatAssertedTheSchemaAgreesWithTheParserOnEveryExampleLine() {
        assertThat(disagreements(SCHEMA_ASSERTING_FORMAT, BASIC)).isEmpty();
        assertThat(disagreements(SCHEMA_ASSERTING_FORMAT, MIXED)).isEmpty();
    }

    @Test
    void theSchemaAcceptsAHandMadeEdgeLineExactlyWhenTheParserDoes() {
        final List<String> edges = List.of(
            minimal("case.received").toString(),
            minimal("case.supplement_received").put("dueAt", "2026-03-12T17:00:00+07:00").toString(),
            minimal("case.supplement_received").putNull("dueAt").toString(),
            minimal("case.supplement_received").put("dueAt", "2026-03-12").toString(),
            minimal("survey.submitted").put("fieldId", "HO_TICH").put("caseId", "C1").toString(),
            minimal("survey.submitted").putNull("fieldId").putNull("source").toString(),
            minimal("survey.submitted").put("fieldId", 3).toString(),
            minimal("case.returned").put("source", 7).toString(),
            minimal("case.returned").put("result", "WHATEVER").put("extra", 1).toString(),
            minimal("case.resolved").putNull("result").toString(),
            minimal("case.resolved").put("result", "approved").toString(),
            minimal("case.received").put("onlineEligible", "true").toString(),
            minimal("feedback.received").put("unitId", 12).toString(),
            minimal("feedback.resolved").put("type", "feedback.closed").toString(),
            minimal("case.returned").put("eventId", "x".repeat(128)).toString(),
            minimal("case.returned").put("eventId", "x".repeat(129)).toString(),
            minimal("case.returned").put("eventId", "\uD83D\uDE00".repeat(128)).toString(),
            minimal("case.returned").put("eventId", "").toString(),
            minimal("case.returned").put("occurredAt", "2026-03-27T19:45:31.929325Z").toString(),
            minimal("case.returned").put("occurredAt", "2026-03-27T19:45:31.123456789-05:00").toString(),
            minimal("case.returned").put("occurredAt", "2026-03-27T19:45:31.1234567891Z").toString(),
            minimal("case.returned").put("occurredAt", "2026-03-02t08:15:00z").toString(),
            minimal("case.returned").put("occurredAt", "2026-03-02T08:15:00+18:00").toString(),
            minimal("case.returned").put("occurredAt", "2026-03-02T08:15:00+18:01").toString(),
            minimal("case.returned").put("occurredAt", "2026-03-02T08:15:00").toString(),
            minimal("case.returned").put("occurredAt", "2026-03-02 08:15:00+07:00").toString(),
            minimal("case.returned").put("occurredAt", "2026-03-02T24:00:00+07:00").toString(),
            minimal("case.returned").put("occurredAt", "2016-12-31T23:59:60Z").toString(),
            minimal("case.returned").put("occurredAt", "2026-03-02T08:15:00+0700").toString(),
            minimal("case.returned").put("occurredAt", "2000-01-01T00:00:00Z").toString(),
            minimal("case.returned").put("occurredAt", "2099-12-31T23:59:59.999999999Z").toString(),
            minimal("case.returned").put("occurredAt", "2100-01-01T00:00:00Z").toString(),
            minimal("case.returned").put("occurredAt", "1999-12-31T23:59:59Z").toString(),
            minimal("case.returned").put("occurredAt", "0001-01-01T00:00:00+07:00").toString(),
            minimal("case.received").put("dueAt", "9999-12-31T23:59:59Z").toString(),
            minimal("case.received").put("unitId", "").toString(),
            minimal("case.received").put("unitId", "U B").toString(),
            minimal("case.received").put("unitId", " U").toString(),
            minimal("case.received").put("unitId", "U\u00A0").toString(),
            minimal("case.received").put("unitId", "\u3000U").toString(),
            minimal("case.received").put("unitId", "U\u200B").toString(),
            minimal("case.received").put("unitId", "U\u0085B").toString(),
            minimal("case.received").put("unitId", "U\u2028B").toString(),
            minimal("case.received").put("unitId", "U\tB").toString(),
            minimal("case.received").put("unitId", "U\n").toString(),
            minimal("case.received").put("unitId", "UBND-PHƯỜNG").toString(),
            minimal("case.received").put("procedureId", "p".repeat(129)).toString(),
            minimal("case.received").put("fieldId", "*").toString(),
            minimal("case.received").put("fieldId", "*A").toString(),
            minimal("survey.submitted").put("fieldId", "*").toString(),
            minimal("survey.submitted").put("caseId", "C1 ").toString(),
            minimal("feedback.resolved").put("feedbackId", "\u0000").toString(),
            minimal("case.returned").put("source", "").toString(),
            minimal("case.returned").put("source", "motcua hcm").toString(),
            "[]",
            "\"case.returned\"",
            "not json",
            minimal("case.returned") + " {}");

        assertThat(disagreements(SCHEMA, lines(edges))).isEmpty();
    }

    @Test
    void aDayThatDoesNotExistIsLeftToFormatAndTheParser() {
        // Excluded above: the pattern cannot check the calendar; format date-time can, when asserted.
        final Line line = Line.of(minimal("case.returned").put("occurredAt", "2026-02-29T08:00:00+07:00").toString());

        assertThat(line.namesADayThatDoesNotExist()).isTrue();
        assertThat(line.schemaAccepts(SCHEMA)).isTrue();
        assertThat(line.schemaAccepts(SCHEMA_ASSERTING_FORMAT)).isFalse();
        assertThat(line.parserAccepts()).isFalse();
    }

    @Test
    void aRepeatedKeyIsLeftToTheParser() {
        // Excluded above: JSON Schema validates the value a JSON reader kept for the key, never sees the repetition.
        final Line line = Line.of(minimal("case.returned").toString().replace("{", "{\"caseId\": \"C2\", "));

        assertThat(line.repeatsAKey()).isTrue();
        assertThat(line.schemaAccepts(SCHEMA)).isTrue();
        assertThat(line.parserAccepts()).isFalse();
    }

    @Test
    void timestampShapesTheParserToleratesAreNotPartOfTheSchema() {
        // Shapes outside RFC 3339 that java.time's ISO parser accepts; the schema, like format date-time, does not.
        for (final String timestamp : List.of("2026-03-02T08:15+07:00", "2026-03-02T08:15:00+07",
            "2026-03-02T08:15:00+07:00:30", "2026-03-02T08:15:00.Z")) {
            final Line line = Line.of(minimal("case.returned").put("occurredAt", timestamp).toString());

            assertThat(line.parserAccepts()).as(timestamp).isTrue();
            assertThat(line.schemaAccepts(SCHEMA)).as(timestamp).isFalse();
        }
    }
}
