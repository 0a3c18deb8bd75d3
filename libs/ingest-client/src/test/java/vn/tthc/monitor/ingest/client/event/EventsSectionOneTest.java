package vn.tthc.monitor.ingest.client.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.ParseResult;

/**
 * The builders follow EVENTS.md section 1 (v2) exactly: an event is built if and only if the contract's
 * parser (the one the gateway and kpi-streams share) accepts it, and a refusal gives the parser's reason.
 */
class EventsSectionOneTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 3, 2, 8, 15, 0, 0, ZoneOffset.ofHours(7));

    @Test
    void identifiersBreakingSectionOneAreRefusedWithTheRuleTheyBreak() {
        assertThatThrownBy(() -> Events.caseReturned("e-1", AT).caseId(" HS-1").build())
            .hasMessage("case.returned: field 'caseId' must not start with white space (U+0020): ' HS-1'");
        assertThatThrownBy(() -> Events.caseReturned("e-1", AT).caseId("HS-1\u00A0").build())
            .hasMessage("case.returned: field 'caseId' must not end with white space (U+00A0): 'HS-1\\u00A0'");
        assertThatThrownBy(() -> Events.caseReturned("e-1", AT).caseId("HS-1\r\nKHẨN").build())
            .hasMessage("case.returned: field 'caseId' must not contain the control character U+000D (at character 5):"
                + " 'HS-1\\u000D\\u000AKHẨN'");
        assertThatThrownBy(() -> Events.caseReturned("e-1", AT).caseId("HS-\uD800").build())
            .hasMessage("case.returned: field 'caseId' must not contain the unpaired surrogate U+D800 (at character 4):"
                + " 'HS-\\uD800'");
        assertThatThrownBy(() -> Events.caseReturned("e-1", AT).caseId("Phu\u031Bo\u031Bng").build())
            .hasMessageStartingWith("case.returned: field 'caseId' must be in Unicode normalisation form NFC");
        assertThatThrownBy(() -> Events.caseReturned("e-1", AT).caseId("").build())
            .hasMessage("case.returned: field 'caseId' must not be empty: ''");
        assertThatThrownBy(() -> Events.surveySubmitted("e-1", AT).unitId("U").fieldId("*").rating(Rating.SATISFIED).build())
            .hasMessage("survey.submitted: field 'fieldId' must not be '*' (that names the all-fields row)");
    }

    @Test
    void anIdentifierOf128CodePointsOutsideTheBasicPlaneIsAccepted() {
        final String id = "𝔸".repeat(128);
        assertThat(Events.caseReturned(id, AT).caseId("HS-1").build().eventId()).isEqualTo(id);
    }

    @Test
    void timestampsOutsideTheYears2000To2099AreRefused() {
        assertThatThrownBy(() -> Events.caseReturned("e-1", Instant.parse("1999-12-31T23:59:59.999999999Z")).caseId("HS-1").build())
            .hasMessage("case.returned: field 'occurredAt' must lie in the years 2000 to 2099 (from 2000-01-01T00:00:00Z,"
                + " before 2100-01-01T00:00:00Z), was '1999-12-31T23:59:59.999999999Z'");
        // 07:00 in Vietnam on 1 January 2000 is the contract's first instant; 06:59 is the year before
        assertThat(Events.caseReturned("e-1", OffsetDateTime.parse("2000-01-01T07:00:00+07:00")).caseId("HS-1").build()).isNotNull();
        assertThatThrownBy(() -> Events.caseReturned("e-1", OffsetDateTime.parse("2000-01-01T06:59:59+07:00")).caseId("HS-1").build())
            .hasMessageContaining("field 'occurredAt' must lie in the years 2000 to 2099");
        assertThatThrownBy(() -> Events.caseExtended("e-1", AT).caseId("HS-1").dueAt(Instant.parse("2100-01-01T00:00:00Z")).build())
            .hasMessageContaining("field 'dueAt' must lie in the years 2000 to 2099");
        assertThat(Events.caseExtended("e-1", AT).caseId("HS-1").dueAt(Instant.parse("2099-12-31T23:59:59.999999999Z")).build())
            .isNotNull();
    }

    @Property(tries = 1500)
    void anEventIsBuiltIfAndOnlyIfTheContractsParserAcceptsIt(@ForAll("identifiers") final String caseId,
                                                               @ForAll("identifiers") final String unitId,
                                                               @ForAll("identifiers") final String fieldId,
                                                               @ForAll("times") final OffsetDateTime occurredAt,
                                                               @ForAll("times") final OffsetDateTime dueAt)
        throws JsonProcessingException {
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", "e-1");
        json.put("type", "case.received");
        json.put("occurredAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(occurredAt));
        json.put("caseId", caseId);
        json.put("unitId", unitId);
        json.put("fieldId", fieldId);
        json.put("procedureId", "1.001193");
        json.put("channel", "ONLINE");
        json.put("onlineEligible", true);
        json.put("dueAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dueAt));
        final ParseResult parsed = EventParser.parse(JSON.writeValueAsString(json));

        final Events.CaseReceivedBuilder builder = Events.caseReceived("e-1", occurredAt).caseId(caseId).unitId(unitId)
            .fieldId(fieldId).procedureId("1.001193").channel(Channel.ONLINE).onlineEligible(true).dueAt(dueAt);

        if (parsed instanceof ParseResult.Rejected rejected) {
            assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessage("case.received: " + rejected.reason());
        } else {
            assertThat(builder.build().fields()).isEqualTo(json);
        }
    }

    /** Identifiers near and across every limit of section 1, and plain ones. */
    @Provide
    Arbitrary<String> identifiers() {
        final Arbitrary<String> plain = Arbitraries.strings().alpha().numeric().withChars('-', '.', '_').ofMinLength(1).ofMaxLength(20);
        final Arbitrary<String> anyChars = Arbitraries.strings().all().ofMinLength(0).ofMaxLength(12);
        final Arbitrary<String> tricky = Arbitraries.strings().withChars(' ', '\u00A0', '\u3000', '\t', '\u0085', '\u2028',
            '\u200B', '\uFEFF', '\uD800', '\uDC00', 'e', '\u0301', 'é', 'Ư', '*').ofMinLength(0).ofMaxLength(6);
        final Arbitrary<String> edges = Combinators.combine(Arbitraries.of("", " ", "\u00A0", "\uDBFF"), plain,
            Arbitraries.of("", " ", "\u3000", "\uD83D")).as((before, middle, after) -> before + middle + after);
        final Arbitrary<String> lengths = Combinators.combine(Arbitraries.integers().between(126, 130),
            Arbitraries.of("x", "𝔸", "ệ")).as((count, unit) -> unit.repeat(count));
        return Arbitraries.oneOf(plain, anyChars, tricky, edges, lengths, Arbitraries.of("*"));
    }

    /** Timestamps around the contract's years, at several offsets. */
    @Provide
    Arbitrary<OffsetDateTime> times() {
        final Arbitrary<Instant> instants = Arbitraries.oneOf(
            Arbitraries.of(EventParser.EARLIEST, EventParser.EARLIEST.minusNanos(1), EventParser.END, EventParser.END.minusNanos(1)),
            Arbitraries.longs().between(Instant.parse("1990-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2110-01-01T00:00:00Z").getEpochSecond()).map(Instant::ofEpochSecond));
        return Combinators.combine(instants, Arbitraries.of(ZoneOffset.UTC, ZoneOffset.ofHours(7), ZoneOffset.ofHours(-12)))
            .as(OffsetDateTime::ofInstant);
    }
}
