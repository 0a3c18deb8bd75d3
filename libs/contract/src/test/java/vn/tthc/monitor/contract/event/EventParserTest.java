package vn.tthc.monitor.contract.event;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.contract.testing.EventLines.minimal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.tthc.monitor.contract.testing.EventLines;

/** EVENTS.md section 1: what is a valid event, and why anything else is rejected. */
class EventParserTest {

    private static Event valid(final String line) {
        final ParseResult result = EventParser.parse(line);
        assertThat(result).as(line).isInstanceOf(ParseResult.Valid.class);
        return ((ParseResult.Valid) result).event();
    }

    private static Event valid(final ObjectNode line) {
        return valid(line.toString());
    }

    private static ParseResult.Rejected rejected(final String line) {
        final ParseResult result = EventParser.parse(line);
        assertThat(result).as(line).isInstanceOf(ParseResult.Rejected.class);
        return (ParseResult.Rejected) result;
    }

    /** The reason a line is rejected. */
    private static String reason(final ObjectNode line) {
        return rejected(line.toString()).reason();
    }

    static Stream<Arguments> requiredFields() {
        return EventLines.REQUIRED.entrySet().stream().flatMap(type -> Stream.concat(
            Stream.of("eventId", "type", "occurredAt"), type.getValue().stream())
            .map(field -> Arguments.of(type.getKey(), field)));
    }

    static Stream<String> types() {
        return EventLines.REQUIRED.keySet().stream().sorted();
    }

    @Nested
    class ValidEvents {

        @ParameterizedTest(name = "{0}")
        @MethodSource("vn.tthc.monitor.contract.event.EventParserTest#types")
        void theSmallestLineOfEachTypeIsAnEventOfThatType(final String type) {
            assertThat(valid(minimal(type)).type().wireName()).isEqualTo(type);
        }

        @Test
        void aReceptionCarriesEveryFieldOfTheLine() {
            final ObjectNode line = minimal("case.received").put("source", "motcua-hcm").put("channel", "POSTAL");

            assertThat(valid(line)).isEqualTo(new CaseReceived("e1", Instant.parse("2026-03-02T01:15:00Z"), "motcua-hcm",
                "C1", "UBND-P-VTS", "HO_TICH", "1.004227", Channel.POSTAL, true, Instant.parse("2026-03-05T10:00:00Z")));
        }

        @Test
        void aSupplementWithoutDueAtHasNoNewDue() {
            assertThat(((SupplementReceived) valid(minimal("case.supplement_received"))).dueAt()).isNull();
        }

        @Test
        void aSupplementWithDueAtCarriesTheRecomputedDue() {
            final ObjectNode line = minimal("case.supplement_received").put("dueAt", "2026-03-12T17:00:00+07:00");

            assertThat(((SupplementReceived) valid(line)).dueAt()).isEqualTo(Instant.parse("2026-03-12T10:00:00Z"));
        }

        @Test
        void aSurveyWithoutFieldAndCaseHasNeither() {
            final SurveySubmitted survey = (SurveySubmitted) valid(minimal("survey.submitted"));

            assertThat(survey.fieldId()).isNull();
            assertThat(survey.caseId()).isNull();
        }

        @Test
        void aSurveyWithFieldAndCaseCarriesBoth() {
            final ObjectNode line = minimal("survey.submitted").put("fieldId", "HO_TICH").put("caseId", "C1");

            final SurveySubmitted survey = (SurveySubmitted) valid(line);

            assertThat(survey.fieldId()).isEqualTo("HO_TICH");
            assertThat(survey.caseId()).isEqualTo("C1");
        }

        @Test
        void eachEventIsKeyedAsTheContractSays() {
            assertThat(valid(minimal("case.resolved")).key()).isEqualTo("C1");
            assertThat(valid(minimal("survey.submitted")).key()).isEqualTo("UBND-P-VTS");
            assertThat(valid(minimal("feedback.resolved")).key()).isEqualTo("F1");
        }

        @Test
        void fieldsTheContractDoesNotNameAreIgnored() {
            final ObjectNode line = minimal("case.resolved").put("priority", 3).put("TrangThaiHoSo", "9");
            line.putObject("extra").put("nested", true);

            assertThat(valid(line)).isEqualTo(valid(minimal("case.resolved")));
        }

        @Test
        void aFieldOfAnotherTypeIsIgnoredEvenWhenItsValueWouldBeInvalidThere() {
            final ObjectNode line = minimal("case.returned").put("result", "WHATEVER").put("dueAt", "tomorrow");

            assertThat(valid(line)).isInstanceOf(CaseReturned.class);
        }

        @Test
        void aNullSourceCountsAsAbsent() {
            assertThat(valid(minimal("case.returned").putNull("source")).source()).isNull();
        }

        @Test
        void aNullOptionalDueAtCountsAsAbsent() {
            final ObjectNode line = minimal("case.supplement_received").putNull("dueAt");

            assertThat(((SupplementReceived) valid(line)).dueAt()).isNull();
        }

        @Test
        void aNullOptionalFieldIdOfASurveyCountsAsAbsent() {
            assertThat(((SurveySubmitted) valid(minimal("survey.submitted").putNull("fieldId"))).fieldId()).isNull();
        }

        @Test
        void anEventIdOf128CharactersIsAccepted() {
            assertThat(valid(minimal("case.returned").put("eventId", "x".repeat(128))).eventId()).hasSize(128);
        }

        @Test
        void anEventIdOfOneCharacterIsAccepted() {
            assertThat(valid(minimal("case.returned").put("eventId", "x")).eventId()).isEqualTo("x");
        }

        @Test
        void aTimestampWithMicrosecondsKeepsThem() {
            final ObjectNode line = minimal("case.returned").put("occurredAt", "2026-03-27T19:45:31.929325Z");

            assertThat(valid(line).occurredAt()).isEqualTo(Instant.parse("2026-03-27T19:45:31.929325Z"));
        }

        @Test
        void aTimestampWithNanosecondsKeepsThem() {
            final ObjectNode line = minimal("case.returned").put("occurredAt", "2026-03-27T19:45:31.123456789+07:00");

            assertThat(valid(line).occurredAt()).isEqualTo(Instant.parse("2026-03-27T12:45:31.123456789Z"));
        }

        @Test
        void aTimestampWithANegativeOffsetIsTheSameInstantInUtc() {
            final ObjectNode line = minimal("case.returned").put("occurredAt", "2026-01-09T10:51:37-05:00");

            assertThat(valid(line).occurredAt()).isEqualTo(Instant.parse("2026-01-09T15:51:37Z"));
        }

        @Test
        void aTimestampInUtcWithZIsAccepted() {
            assertThat(valid(minimal("case.returned").put("occurredAt", "2026-03-31T18:00:00Z")).occurredAt())
                .isEqualTo(Instant.parse("2026-03-31T18:00:00Z"));
        }

        @Test
        void aLeapDayIsAValidDate() {
            assertThat(valid(minimal("case.returned").put("occurredAt", "2028-02-29T08:00:00+07:00")).occurredAt())
                .isEqualTo(Instant.parse("2028-02-29T01:00:00Z"));
        }
    }

    @Nested
    class Rejections {

        @Test
        void aLineThatIsNotJsonIsRejected() {
            assertThat(rejected("{\"eventId\": \"x1\", \"type\": \"case.received\"").reason())
                .startsWith("not valid JSON");
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "\"case.received\"", "42", "true", "null"})
        void aJsonValueThatIsNotAnObjectIsRejected(final String line) {
            assertThat(rejected(line).reason()).startsWith("not a JSON object");
        }

        @Test
        void anEmptyRecordIsRejected() {
            assertThat(rejected("").reason()).contains("empty record");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32"})
        void aValidEventInAnotherEncodingThanUtf8IsRejectedAtItsFirstNulByte(final String encoding) {
            final byte[] value = minimal("case.returned").toString().getBytes(java.nio.charset.Charset.forName(encoding));
            int firstNul = 0;
            while (value[firstNul] != 0) {
                firstNul++;
            }

            final ParseResult result = EventParser.parse(value);

            assertThat(result).isEqualTo(new ParseResult.Rejected("not UTF-8 JSON: NUL byte at byte " + firstNul, null, null));
        }

        @Test
        void aNulByteAfterAValidEventIsRejected() {
            final byte[] line = (minimal("case.returned") + " ").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            line[line.length - 1] = 0;

            assertThat(EventParser.parse(line))
                .isEqualTo(new ParseResult.Rejected("not UTF-8 JSON: NUL byte at byte " + (line.length - 1), null, null));
        }

        @Test
        void aSecondJsonValueOnTheLineIsRejected() {
            assertThat(rejected(minimal("case.returned") + " {}").reason()).startsWith("not valid JSON");
        }

        @Test
        void aSecondJsonValueIsRejectedInTheJsonReadersWords() {
            assertThat(rejected(minimal("case.returned") + " 3").reason()).isEqualTo("not valid JSON: 'Trailing token"
                + " (of type VALUE_NUMBER_INT) found after value (bound as `com.fasterxml.jackson.databind.JsonNode`):"
                + " not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`'");
        }

        @Test
        void brokenJsonAnywhereIsTheReasonEvenAfterAnInvalidField() {
            final String line = minimal("case.returned").put("eventId", 7).toString().replace("}", ", \"extra\": [1, 2");

            assertThat(rejected(line).reason()).startsWith("not valid JSON: 'Unexpected end-of-input");
        }

        @Test
        void aDuplicatedKeyInsideAFieldTheContractDoesNotNameIsRejected() {
            final ObjectNode line = minimal("case.returned");
            line.putObject("extra").put("a", 1);

            assertThat(rejected(line.toString().replace("{\"a\":1}", "{\"a\":1,\"a\":2}")).reason())
                .isEqualTo("not valid JSON: 'Duplicate field 'a''");
        }

        @Test
        void aDuplicatedKeyIsRejected() {
            final String line = minimal("case.returned").toString().replace("{", "{\"caseId\": \"C2\", ");

            assertThat(rejected(line).reason()).contains("caseId");
        }

        @ParameterizedTest(name = "{0} without {1}")
        @MethodSource("vn.tthc.monitor.contract.event.EventParserTest#requiredFields")
        void aLineWithoutARequiredFieldIsRejectedNamingIt(final String type, final String field) {
            final ObjectNode line = minimal(type);
            line.remove(field);

            assertThat(reason(line)).isEqualTo("missing required field '" + field + "'");
        }

        @ParameterizedTest(name = "{0} with {1} null")
        @MethodSource("vn.tthc.monitor.contract.event.EventParserTest#requiredFields")
        void aRequiredFieldThatIsNullCountsAsMissing(final String type, final String field) {
            assertThat(reason(minimal(type).putNull(field))).isEqualTo("missing required field '" + field + "'");
        }

        @Test
        void anUnknownTypeIsRejectedNamingIt() {
            assertThat(reason(minimal("case.returned").put("type", "case.archived")))
                .contains("type").contains("'case.archived'");
        }

        @Test
        void aTypeIsMatchedExactly() {
            assertThat(reason(minimal("case.returned").put("type", "CASE.RETURNED"))).contains("type");
        }

        @Test
        void aTimestampWithoutOffsetIsRejectedNamingTheField() {
            assertThat(reason(minimal("case.resolved").put("occurredAt", "2026-03-05T10:00:00")))
                .contains("'occurredAt'");
        }

        @Test
        void aDueAtWithoutOffsetIsRejectedNamingTheField() {
            assertThat(reason(minimal("case.received").put("dueAt", "2026-03-05T17:00:00"))).contains("'dueAt'");
        }

        @Test
        void aDateWithoutTimeIsRejected() {
            assertThat(reason(minimal("case.extended").put("dueAt", "2026-03-13"))).contains("'dueAt'");
        }

        @Test
        void aDayThatIsNotInTheCalendarIsRejected() {
            assertThat(reason(minimal("case.returned").put("occurredAt", "2026-02-30T08:00:00+07:00")))
                .contains("'occurredAt'");
        }

        @Test
        void februaryTheTwentyNinthOfACommonYearIsRejected() {
            assertThat(reason(minimal("case.returned").put("occurredAt", "2026-02-29T08:00:00+07:00")))
                .contains("'occurredAt'");
        }

        @Test
        void anHourOf24IsRejected() {
            assertThat(reason(minimal("case.returned").put("occurredAt", "2026-03-02T24:00:00+07:00")))
                .contains("'occurredAt'");
        }

        @Test
        void aTimestampThatIsNotADateIsRejected() {
            assertThat(reason(minimal("case.returned").put("occurredAt", "yesterday"))).contains("'occurredAt'");
        }

        @Test
        void aTimestampAsEpochNumberIsRejectedAsTheWrongJsonType() {
            assertThat(reason(minimal("case.returned").put("occurredAt", 1772414100L)))
                .isEqualTo("field 'occurredAt' must be a string, was a JSON number");
        }

        @Test
        void aBooleanWrittenAsTextIsRejectedAsTheWrongJsonType() {
            assertThat(reason(minimal("case.received").put("onlineEligible", "true")))
                .isEqualTo("field 'onlineEligible' must be a boolean, was a JSON string");
        }

        @Test
        void anIdWrittenAsANumberIsRejectedAsTheWrongJsonType() {
            assertThat(reason(minimal("case.resolved").put("caseId", 17)))
                .isEqualTo("field 'caseId' must be a string, was a JSON number");
        }

        @Test
        void anEventIdWrittenAsANumberIsRejectedAsTheWrongJsonType() {
            assertThat(reason(minimal("case.resolved").put("eventId", 17))).contains("'eventId'");
        }

        @Test
        void anObjectWhereTextIsExpectedIsRejectedAsTheWrongJsonType() {
            final ObjectNode line = minimal("feedback.received");
            line.putObject("unitId").put("id", "U1");

            assertThat(reason(line)).isEqualTo("field 'unitId' must be a string, was a JSON object");
        }

        @Test
        void aChannelOutsideItsEnumerationIsRejectedNamingIt() {
            assertThat(reason(minimal("case.received").put("channel", "KIOSK")))
                .isEqualTo("field 'channel' must be one of COUNTER, ONLINE, POSTAL, was 'KIOSK'");
        }

        @Test
        void anEnumerationIsMatchedWithItsCase() {
            assertThat(reason(minimal("case.received").put("channel", "online"))).contains("'channel'");
        }

        @Test
        void aResultOutsideItsEnumerationIsRejectedNamingIt() {
            assertThat(reason(minimal("case.resolved").put("result", "PENDING"))).contains("'result'");
        }

        @Test
        void aRatingOutsideItsEnumerationIsRejectedNamingIt() {
            assertThat(reason(minimal("survey.submitted").put("rating", "OK"))).contains("'rating'");
        }

        @Test
        void anInvalidOptionalSourceRejectsTheEvent() {
            assertThat(reason(minimal("case.returned").put("source", 7))).contains("'source'");
        }

        @Test
        void anInvalidOptionalDueAtRejectsTheSupplement() {
            assertThat(reason(minimal("case.supplement_received").put("dueAt", "2026-03-12T17:00:00")))
                .contains("'dueAt'");
        }

        @Test
        void anInvalidOptionalFieldIdRejectsTheSurvey() {
            assertThat(reason(minimal("survey.submitted").put("fieldId", false))).contains("'fieldId'");
        }

        @Test
        void anInvalidOptionalCaseIdRejectsTheSurvey() {
            assertThat(reason(minimal("survey.submitted").put("caseId", 12))).contains("'caseId'");
        }

        @Test
        void anEventIdOf129CharactersIsRejectedNamingIt() {
            assertThat(reason(minimal("case.returned").put("eventId", "x".repeat(129))))
                .isEqualTo("field 'eventId' must be 1 to 128 characters (code points) long, was 129: '"
                    + "x".repeat(40) + "'… (129 characters)");
        }

        @Test
        void anEmptyEventIdIsRejectedNamingIt() {
            assertThat(reason(minimal("case.returned").put("eventId", ""))).contains("'eventId'");
        }

        @Test
        void aRejectionKeepsTheEventIdAndSourceItCouldReadForTheDeadLetter() {
            final ParseResult.Rejected rejection = rejected(
                minimal("case.resolved").put("result", "PENDING").put("source", "motcua-hcm").toString());

            assertThat(rejection.eventId()).isEqualTo("e1");
            assertThat(rejection.source()).isEqualTo("motcua-hcm");
        }
    }

    /** Section 1, v2: the bounds of identifiers and timestamps. */
    @Nested
    class Bounds {

        /** Each identifier field, with a type of event that carries it. */
        static Stream<Arguments> identifierFields() {
            return Stream.of(Arguments.of("case.received", "eventId"), Arguments.of("case.received", "caseId"),
                Arguments.of("case.received", "unitId"), Arguments.of("case.received", "fieldId"),
                Arguments.of("case.received", "procedureId"), Arguments.of("feedback.received", "feedbackId"),
                Arguments.of("case.returned", "source"), Arguments.of("survey.submitted", "fieldId"),
                Arguments.of("survey.submitted", "caseId"));
        }

        private static String reasonWith(final String type, final String field, final String value) {
            return reason(minimal(type).put(field, value));
        }

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("identifierFields")
        void anEmptyIdentifierIsRejectedNamingTheField(final String type, final String field) {
            assertThat(reasonWith(type, field, "")).isEqualTo("field '" + field + "' must not be empty: ''");
        }

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("identifierFields")
        void anIdentifierOf129CharactersIsRejectedAndOf128Accepted(final String type, final String field) {
            assertThat(reasonWith(type, field, "a".repeat(129))).startsWith("field '" + field + "' must be 1 to 128");
            valid(minimal(type).put(field, "a".repeat(128)));
        }

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("identifierFields")
        void anIdentifierWithTrailingSpaceIsRejected(final String type, final String field) {
            assertThat(reasonWith(type, field, "B10 "))
                .isEqualTo("field '" + field + "' must not end with white space (U+0020): 'B10 '");
        }

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("identifierFields")
        void anIdentifierWithANewlineIsRejectedAndTheNewlineEscapedInTheReason(final String type, final String field) {
            assertThat(reasonWith(type, field, "B12\nKHẨN"))
                .isEqualTo("field '" + field + "' must not contain the control character U+000A (at character 4): "
                    + "'B12\\u000AKHẨN'");
        }

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("identifierFields")
        void anIdentifierInNfdIsRejected(final String type, final String field) {
            assertThat(reasonWith(type, field, "UBND-PHU\u031bO\u031bNG"))
                .startsWith("field '" + field + "' must be in Unicode normalisation form NFC");
        }

        @Test
        void aVietnameseIdentifierInNfcIsAccepted() {
            assertThat(((CaseReceived) valid(minimal("case.received").put("unitId", "UBND-PHƯỜNG-BÀN-CỜ"))).unitId())
                .isEqualTo("UBND-PHƯỜNG-BÀN-CỜ");
        }

        @Test
        void anUnpairedSurrogateDecodedFromAnEscapeIsRejected() {
            final String line = minimal("case.returned").toString().replace("\"e1\"", "\"e1\\ud800\"");

            assertThat(rejected(line).reason())
                .isEqualTo("field 'eventId' must not contain the unpaired surrogate U+D800 (at character 3): 'e1\\uD800'");
        }

        @Test
        void aLowSurrogateAloneAndAReversedPairAreRejected() {
            assertThat(reasonWith("case.returned", "caseId", "C\uDC00")).contains("unpaired surrogate U+DC00");
            assertThat(reasonWith("case.returned", "caseId", "C\uDE00\uD83D")).contains("unpaired surrogate U+DE00");
        }

        @Test
        void astralCharactersCountAsOneCharacterEach() {
            final String emoji = "\uD83D\uDE00";

            assertThat(((CaseReturned) valid(minimal("case.returned").put("caseId", emoji.repeat(128)))).caseId())
                .hasSize(256);
            assertThat(reasonWith("case.returned", "caseId", emoji.repeat(129))).contains("was 129");
            assertThat(reasonWith("case.returned", "caseId", emoji.repeat(127) + "ab")).contains("was 129");
        }

        @Test
        void aCombiningSequenceThatHasNoPrecomposedFormIsNfcAndAccepted() {
            // q + combining dot below has no precomposed character: NFC leaves it as it is
            valid(minimal("case.returned").put("caseId", "q\u0323"));
        }

        @Test
        void aDecomposedCombiningSequenceWithAPrecomposedFormIsRejected() {
            assertThat(reasonWith("case.returned", "caseId", "e\u0301")).contains("NFC");
            valid(minimal("case.returned").put("caseId", "\u00e9"));
        }

        @Test
        void aLeadingCombiningMarkIsNfcAndAccepted() {
            valid(minimal("case.returned").put("caseId", "\u0301x"));
        }

        @ParameterizedTest(name = "U+{0}")
        @ValueSource(strings = {"0000", "0009", "001F", "007F", "0085", "009F"})
        void aControlCharacterAnywhereIsRejected(final String hex) {
            final String control = Character.toString(Integer.parseInt(hex, 16));

            assertThat(reasonWith("case.returned", "caseId", "C" + control + "1"))
                .startsWith("field 'caseId' must not contain the control character U+" + hex);
        }

        @ParameterizedTest(name = "U+{0}")
        @ValueSource(strings = {"2028", "2029"})
        void aLineOrParagraphSeparatorAnywhereIsRejected(final String hex) {
            final String separator = Character.toString(Integer.parseInt(hex, 16));

            assertThat(reasonWith("case.received", "unitId", "U-B" + separator + "KHẨN"))
                .contains("separator U+" + hex);
        }

        @ParameterizedTest(name = "U+{0}")
        @ValueSource(strings = {"00A0", "1680", "2002", "2007", "200A", "202F", "205F", "3000"})
        void unicodeWhiteSpaceAtEitherEndIsRejectedAndInsideAccepted(final String hex) {
            final String space = Character.toString(Integer.parseInt(hex, 16));

            assertThat(reasonWith("case.returned", "caseId", space + "C1"))
                .startsWith("field 'caseId' must not start with white space (U+" + hex + ")");
            assertThat(reasonWith("case.returned", "caseId", "C1" + space))
                .startsWith("field 'caseId' must not end with white space (U+" + hex + ")");
            valid(minimal("case.returned").put("caseId", "C" + space + "1"));
        }

        @Test
        void anEnQuadInsideIsNotNfc() {
            // U+2000 decomposes canonically to U+2002: NFC has no U+2000 at all
            assertThat(reasonWith("case.returned", "caseId", "C\u20001")).contains("NFC");
        }

        @Test
        void aSpaceInsideAnIdentifierIsAccepted() {
            valid(minimal("case.received").put("unitId", "UBND phường 1"));
        }

        @Test
        void formatCharactersAreNotWhiteSpace() {
            valid(minimal("case.returned").put("caseId", "\u200BC1\uFEFF"));
        }

        @Test
        void aFieldIdOfStarIsRejectedInAReceptionAndASurvey() {
            assertThat(reason(minimal("case.received").put("fieldId", "*")))
                .isEqualTo("field 'fieldId' must not be '*' (that names the all-fields row)");
            assertThat(reason(minimal("survey.submitted").put("fieldId", "*"))).contains("'fieldId'");
            valid(minimal("case.received").put("fieldId", "**"));
        }

        @Test
        void aHugeIdentifierIsQuotedShortInTheReason() {
            final String reason = reasonWith("case.received", "unitId", "U".repeat(900_000));

            assertThat(reason).hasSizeLessThan(200).endsWith("… (900000 characters)");
        }

        @Test
        void aRejectionDoesNotCarryAnEventIdOrSourceThatBreaksTheRule() {
            final ParseResult.Rejected rejection = rejected(minimal("case.resolved").put("result", "PENDING")
                .put("eventId", "e1 ").put("source", "x".repeat(129)).toString());

            assertThat(rejection.eventId()).isNull();
            assertThat(rejection.source()).isNull();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"2000-01-01T00:00:00Z", "2000-01-01T07:00:00+07:00", "1999-12-31T23:00:00-01:00",
            "2099-12-31T23:59:59.999999999Z", "2099-12-31T23:59:59Z", "2100-01-01T06:59:59+07:00"})
        void aTimestampAtTheEdgesOfTheYearsIsAccepted(final String timestamp) {
            valid(minimal("case.returned").put("occurredAt", timestamp));
            valid(minimal("case.received").put("dueAt", timestamp));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1999-12-31T23:59:59.999999999Z", "2000-01-01T06:59:59+07:00", "2100-01-01T00:00:00Z",
            "2099-12-31T23:00:00-01:00", "0001-01-01T00:00:00+07:00", "0999-06-01T08:00:00+07:00",
            "9999-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z"})
        void aTimestampOutsideTheYearsIsRejectedNamingTheFieldAndTheRule(final String timestamp) {
            assertThat(reason(minimal("case.returned").put("occurredAt", timestamp)))
                .isEqualTo("field 'occurredAt' must lie in the years 2000 to 2099 (from 2000-01-01T00:00:00Z,"
                    + " before 2100-01-01T00:00:00Z), was '" + timestamp + "'");
            assertThat(reason(minimal("case.received").put("dueAt", timestamp))).startsWith("field 'dueAt' must lie");
            assertThat(reason(minimal("case.supplement_received").put("dueAt", timestamp)))
                .startsWith("field 'dueAt' must lie");
        }

        @Test
        void anUnknownTypeIsQuotedShortAndEscaped() {
            assertThat(reason(minimal("case.returned").put("type", "case.\n" + "x".repeat(100))))
                .startsWith("unknown type 'case.\\u000Axxx").endsWith("… (106 characters)");
        }
    }
}
