package vn.tthc.monitor.contract.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import vn.tthc.monitor.contract.testing.EventLines;

/**
 * Properties of {@link EventParser} over generated input (EVENTS.md section 1, v2): no input makes it
 * throw, and an identifier or a timestamp is rejected exactly when an oracle written here from the
 * wording of section 1, independently of the parser's code, says it breaks the rule.
 */
class EventParserPropertyTest {

    /** The identifier fields, each with a type of event that carries it. */
    private static final List<Tuple.Tuple2<String, String>> IDENTIFIER_FIELDS = List.of(
        Tuple.of("case.received", "eventId"), Tuple.of("case.received", "caseId"), Tuple.of("case.received", "unitId"),
        Tuple.of("case.received", "fieldId"), Tuple.of("case.received", "procedureId"),
        Tuple.of("feedback.received", "feedbackId"), Tuple.of("case.returned", "source"),
        Tuple.of("survey.submitted", "fieldId"), Tuple.of("survey.submitted", "caseId"));

    private static final List<String> CONTRACT_FIELDS = List.of("eventId", "type", "occurredAt", "source", "caseId",
        "unitId", "fieldId", "procedureId", "channel", "onlineEligible", "dueAt", "result", "rating", "feedbackId");

    // (a) nothing escapes

    @Property(tries = 2000)
    void anyBytesAreValidOrRejected(@ForAll final byte[] bytes) {
        assertThat(EventParser.parse(bytes)).isNotNull();
    }

    @Property(tries = 2000)
    void anyTextIsValidOrRejectedAsTextAndAsUtf8(@ForAll("anyText") final String text) {
        assertThat(EventParser.parse(text)).isNotNull();
        assertThat(EventParser.parse(text.getBytes(StandardCharsets.UTF_8))).isNotNull();
    }

    @Property(tries = 2000)
    void anyJsonShapeIsValidOrRejected(@ForAll("jsonValues") final String json) {
        final ParseResult result = EventParser.parse(json);

        assertThat(result).isNotNull();
        if (result instanceof ParseResult.Rejected rejected) {
            assertThat(rejected.reason()).isNotBlank().hasSizeLessThan(400).doesNotContain("\n", "\r");
        }
    }

    @Property(tries = 2000)
    void anEventShapedObjectWithAnyValuesIsValidOrRejectedWithAShortOneLineReason(
        @ForAll("eventShapedObjects") final String json) {
        final ParseResult result = EventParser.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(result).isNotNull();
        if (result instanceof ParseResult.Rejected rejected) {
            assertThat(rejected.reason()).isNotBlank().hasSizeLessThan(400)
                .doesNotContain("\n", "\r", "\u2028", "\u2029", "\u0085");
        }
    }

    // (b) identifiers

    @Property(tries = 3000)
    void anIdentifierIsRejectedExactlyWhenItBreaksSectionOne(@ForAll("identifiers") final String identifier,
                                                              @ForAll("identifierFields") final Tuple.Tuple2<String, String> at) {
        final String line = withField(at.get1(), at.get2(), jsonString(identifier));

        final ParseResult result = EventParser.parse(line.getBytes(StandardCharsets.UTF_8));

        final boolean valid = SectionOne.isIdentifier(identifier) && !(at.get2().equals("fieldId") && identifier.equals("*"));
        assertThat(result).as("%s = %s", at.get2(), jsonString(identifier))
            .isInstanceOf(valid ? ParseResult.Valid.class : ParseResult.Rejected.class);
        if (result instanceof ParseResult.Rejected rejected) {
            assertThat(rejected.reason()).startsWith("field '" + at.get2() + "' must");
        }
    }

    // (c) timestamps

    @Property(tries = 3000)
    void aTimestampIsRejectedExactlyWhenItLiesOutsideTheYears2000To2099(@ForAll("timestamps") final Timestamp timestamp,
                                                                       @ForAll boolean asDueAt) {
        final String line = asDueAt
            ? withField("case.received", "dueAt", jsonString(timestamp.text()))
            : withField("case.returned", "occurredAt", jsonString(timestamp.text()));

        final ParseResult result = EventParser.parse(line);

        final Instant instant = timestamp.instant();
        final boolean valid = instant != null && !instant.isBefore(Instant.parse("2000-01-01T00:00:00Z"))
            && instant.isBefore(Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(result).as(timestamp.text()).isInstanceOf(valid ? ParseResult.Valid.class : ParseResult.Rejected.class);
        if (valid) {
            final Event event = ((ParseResult.Valid) result).event();
            assertThat(asDueAt ? ((CaseReceived) event).dueAt() : event.occurredAt()).isEqualTo(instant);
        } else {
            assertThat(((ParseResult.Rejected) result).reason()).startsWith("field '" + (asDueAt ? "dueAt" : "occurredAt") + "' must");
        }
    }

    /** Section 1's identifier rule, read from its wording; white space as docs/CONTRACT-NOTES.md defines it. */
    static final class SectionOne {

        static boolean isIdentifier(final String text) {
            int codePoints = 0;
            for (int i = 0; i < text.length(); i++) {
                final char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isHighSurrogate(c) || Character.isLowSurrogate(c)) {
                    return false; // an unpaired surrogate
                } else if (c <= 0x1F || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029) {
                    return false; // a control character, a line or paragraph separator
                }
                codePoints++;
            }
            return codePoints >= 1 && codePoints <= 128
                && !isWhiteSpace(text.codePointAt(0)) && !isWhiteSpace(text.codePointBefore(text.length()))
                && Normalizer.normalize(text, Normalizer.Form.NFC).equals(text);
        }

        /** The Unicode space, line and paragraph separators, and the white-space controls Java names. */
        static boolean isWhiteSpace(final int c) {
            final int type = Character.getType(c);
            return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
        }
    }

    /** A generated timestamp: its text, and the instant it names ({@code null} when the date does not exist). */
    record Timestamp(String text, Instant instant) {
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, String>> identifierFields() {
        return Arbitraries.of(IDENTIFIER_FIELDS);
    }

    /** Strings of 0 to 200 UTF-16 units mixing the characters the rule is about. */
    @Provide
    Arbitrary<String> identifiers() {
        final Arbitrary<String> piece = Arbitraries.frequencyOf(
            Tuple.of(30, Arbitraries.chars().range('!', '~').map(String::valueOf)),
            Tuple.of(10, Arbitraries.of("Ư", "Ờ", "À", "Đ", "ệ", "ạ", "\u00e9", "\u1ea0", "*", " ").map(String::valueOf)),
            Tuple.of(6, Arbitraries.chars().range('\u0300', '\u036f').map(String::valueOf)),
            Tuple.of(3, Arbitraries.chars().range('\u0000', '\u001f').map(String::valueOf)),
            Tuple.of(3, Arbitraries.chars().range('\u007f', '\u00a0').map(String::valueOf)),
            Tuple.of(4, Arbitraries.of("\u2028", "\u2029", "\u00a0", "\u1680", "\u2000", "\u2002", "\u2007", "\u200a",
                "\u202f", "\u205f", "\u3000", "\u200b", "\ufeff", "\u0085", "\t")),
            Tuple.of(3, Arbitraries.chars().range('\ud800', '\udfff').map(String::valueOf)),
            Tuple.of(4, Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString)),
            Tuple.of(4, Arbitraries.chars().range('\u00a1', '\uffff').filter(c -> !Character.isSurrogate(c))
                .map(String::valueOf)));
        final Arbitrary<String> mixed = piece.list().ofMaxSize(200).map(pieces -> String.join("", pieces))
            .filter(s -> s.length() <= 200);
        final Arbitrary<String> nearTheLimit = Arbitraries.integers().between(120, 135).flatMap(n ->
            Arbitraries.of("a", "Ư", "\ud83d\ude00", "e\u0301").map(unit -> unit.repeat(n)));
        return Arbitraries.frequencyOf(Tuple.of(8, mixed), Tuple.of(1, nearTheLimit), Tuple.of(1, Arbitraries.just("*")));
    }

    /** Timestamps around both bounds and far outside, with every kind of offset, some on days that do not exist. */
    @Provide
    Arbitrary<Timestamp> timestamps() {
        final Arbitrary<Integer> year = Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.of(1999, 2000, 2099, 2100)),
            Tuple.of(3, Arbitraries.integers().between(1, 9999)),
            Tuple.of(1, Arbitraries.integers().between(10_000, 999_999_999)),
            Tuple.of(1, Arbitraries.integers().between(-999_999_999, 0)));
        final Arbitrary<Integer> month = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(1, 12)),
            Tuple.of(1, Arbitraries.integers().between(1, 12)));
        final Arbitrary<Integer> day = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(1, 31)),
            Tuple.of(2, Arbitraries.integers().between(1, 31)));
        final Arbitrary<Integer> hour = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(0, 23)),
            Tuple.of(1, Arbitraries.integers().between(0, 23)));
        final Arbitrary<Integer> second = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(0, 59)),
            Tuple.of(1, Arbitraries.integers().between(0, 59)));
        final Arbitrary<Integer> nanos = Arbitraries.of(-1, 0, 999_999_999, 500_000);
        final Arbitrary<Integer> offsetMinutes = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(0, 420, -60, 60)),
            Tuple.of(1, Arbitraries.of(-18 * 60, 18 * 60)), Tuple.of(1, Arbitraries.integers().between(-18 * 60, 18 * 60)));
        return Combinators.combine(year, month, day, hour, second, nanos, offsetMinutes, Arbitraries.of(true, false))
            .as(EventParserPropertyTest::timestamp);
    }

    private static Timestamp timestamp(final int year, final int month, final int day, final int hour, final int second,
                                       final int nanos, final int offsetMinutes, final boolean zulu) {
        final String yearText = year >= 0 && year <= 9999 ? String.format("%04d", year)
            : (year < 0 ? "-" : "+") + String.format("%04d", Math.abs(year));
        final ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
        final String offsetText = zulu && offsetMinutes == 0 ? "Z" : offsetMinutes == 0 ? "+00:00" : offset.getId();
        final String text = yearText + String.format("-%02d-%02dT%02d:59:%02d", month, day, hour, second)
            + (nanos < 0 ? "" : String.format(".%09d", nanos)) + offsetText;
        Instant instant;
        try {
            instant = LocalDateTime.of(year, month, day, hour, 59, second, Math.max(nanos, 0)).toInstant(offset);
        } catch (final DateTimeException e) {
            instant = null;
        }
        return new Timestamp(text, instant);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(300);
    }

    /** Any JSON value, nested up to a few levels: the shapes a careless producer sends. */
    @Provide
    Arbitrary<String> jsonValues() {
        return jsonValue(4);
    }

    /** Objects with the contract's field names (and others), each holding any JSON value or a plausible one. */
    @Provide
    Arbitrary<String> eventShapedObjects() {
        final Arbitrary<String> name = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(CONTRACT_FIELDS)),
            Tuple.of(1, Arbitraries.strings().ofMaxLength(5)));
        final Arbitrary<String> value = Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.of("case.received", "case.resolved", "survey.submitted", "feedback.received",
                "case.supplement_received", "ONLINE", "APPROVED", "SATISFIED", "2026-03-02T08:15:00+07:00",
                "0001-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "C1", "*", "").map(EventParserPropertyTest::jsonString)),
            Tuple.of(2, identifiers().map(EventParserPropertyTest::jsonString)),
            Tuple.of(2, jsonValue(2)));
        return Combinators.combine(name, value).as((n, v) -> jsonString(n) + ":" + v).list().ofMaxSize(14)
            .map(members -> "{" + String.join(",", members) + "}");
    }

    private static Arbitrary<String> jsonValue(final int depth) {
        final Arbitrary<String> scalar = Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.strings().all().ofMaxLength(20).map(EventParserPropertyTest::jsonString)),
            Tuple.of(1, Arbitraries.of("null", "true", "false", "0", "-0", "1e309", "-1.5E-400", "123456789012345678901234567890",
                "\"\\ud800\"", "\"\\udc00x\"", "[", "{", "}", "\"", "01", "NaN", "'x'", "\"\\u0000\"", "1.")),
            Tuple.of(1, Arbitraries.longs().map(String::valueOf)));
        if (depth == 0) {
            return scalar;
        }
        final Arbitrary<String> array = Arbitraries.lazy(() -> jsonValue(depth - 1)).list().ofMaxSize(4)
            .map(items -> "[" + String.join(",", items) + "]");
        final Arbitrary<String> object = Combinators.combine(Arbitraries.of(CONTRACT_FIELDS), Arbitraries.lazy(() -> jsonValue(depth - 1)))
            .as((n, v) -> jsonString(n) + ":" + v).list().ofMaxSize(4).map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(1, array), Tuple.of(2, object));
    }

    /** The smallest valid line of {@code type} with {@code field} set to the JSON text {@code value}. */
    private static String withField(final String type, final String field, final String value) {
        final String placeholder = "\"placeholder-of-the-property\"";
        return EventLines.minimal(type).put(field, "placeholder-of-the-property").toString().replace(placeholder, value);
    }

    /** {@code text} as a JSON string in ASCII: every other UTF-16 unit escaped, lone surrogates included. */
    static String jsonString(final String text) {
        final StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

}
