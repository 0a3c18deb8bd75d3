package vn.tthc.monitor.ingest.client.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.event.CaseExtended;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseReturned;
import vn.tthc.monitor.contract.event.CaseWithdrawn;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.FeedbackReceived;
import vn.tthc.monitor.contract.event.FeedbackResolved;
import vn.tthc.monitor.contract.event.ParseResult;
import vn.tthc.monitor.contract.event.SupplementReceived;
import vn.tthc.monitor.contract.event.SupplementRequested;
import vn.tthc.monitor.contract.event.SurveySubmitted;

/** Every builder makes an event the contract's parser accepts, with the values it was given. */
class EventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 3, 2, 8, 15, 0, 0, VIETNAM);
    private static final OffsetDateTime DUE = AT.plusDays(5);
    private static final String SOURCE = "motcua-tinh";

    @Test
    void caseReceivedIsParsedWithEveryField() {
        final IngestEvent event = Events.caseReceived("e-1", AT).source(SOURCE).caseId("HS-1").unitId("UBND-P-VTS")
            .fieldId("HO_TICH").procedureId("1.001193").channel(Channel.ONLINE).onlineEligible(true).dueAt(DUE).build();

        assertThat(parsed(event)).isEqualTo(new CaseReceived("e-1", AT.toInstant(), SOURCE, "HS-1", "UBND-P-VTS",
            "HO_TICH", "1.001193", vn.tthc.monitor.contract.event.Channel.ONLINE, true, DUE.toInstant()));
        assertThat(event.key()).isEqualTo("HS-1");
    }

    @Test
    void timestampsKeepTheirOffset() {
        final IngestEvent event = Events.caseReturned("e-1", AT).caseId("HS-1").build();

        assertThat(event.fields()).containsEntry("occurredAt", "2026-03-02T08:15:00+07:00");
        assertThat(Events.caseReturned("e-2", AT.toInstant()).caseId("HS-1").build().fields())
            .containsEntry("occurredAt", "2026-03-02T01:15:00Z");
    }

    @Test
    void fieldsAreWrittenCommonFieldsFirstInTheContractsOrder() throws Exception {
        final IngestEvent event = Events.caseResolved("e-1", AT).result(CaseResult.DENIED).caseId("HS-1").source(SOURCE).build();

        assertThat(JSON.writeValueAsString(event.fields())).isEqualTo("{\"eventId\":\"e-1\",\"type\":\"case.resolved\","
            + "\"occurredAt\":\"2026-03-02T08:15:00+07:00\",\"source\":\"motcua-tinh\",\"caseId\":\"HS-1\",\"result\":\"DENIED\"}");
    }

    @Test
    void caseEventsOfEveryOtherTypeAreParsed() {
        assertThat(parsed(Events.supplementRequested("e-2", AT).source(SOURCE).caseId("HS-1").build()))
            .isEqualTo(new SupplementRequested("e-2", AT.toInstant(), SOURCE, "HS-1"));
        assertThat(parsed(Events.supplementReceived("e-3", AT).caseId("HS-1").build()))
            .isEqualTo(new SupplementReceived("e-3", AT.toInstant(), null, "HS-1", null));
        assertThat(parsed(Events.supplementReceived("e-4", AT).caseId("HS-1").dueAt(DUE).build()))
            .isEqualTo(new SupplementReceived("e-4", AT.toInstant(), null, "HS-1", DUE.toInstant()));
        assertThat(parsed(Events.caseExtended("e-5", AT).caseId("HS-1").dueAt(DUE).build()))
            .isEqualTo(new CaseExtended("e-5", AT.toInstant(), null, "HS-1", DUE.toInstant()));
        assertThat(parsed(Events.caseResolved("e-6", AT).caseId("HS-1").result(CaseResult.APPROVED).build()))
            .isEqualTo(new CaseResolved("e-6", AT.toInstant(), null, "HS-1", vn.tthc.monitor.contract.event.CaseResult.APPROVED));
        assertThat(parsed(Events.caseReturned("e-7", AT).caseId("HS-1").build()))
            .isEqualTo(new CaseReturned("e-7", AT.toInstant(), null, "HS-1"));
        assertThat(parsed(Events.caseWithdrawn("e-8", AT).caseId("HS-1").build()))
            .isEqualTo(new CaseWithdrawn("e-8", AT.toInstant(), null, "HS-1"));
    }

    @Test
    void surveysAreParsedWithAndWithoutTheirOptionalFields() {
        final IngestEvent full = Events.surveySubmitted("e-9", AT).unitId("UBND-P-VTS").fieldId("HO_TICH").caseId("HS-1")
            .rating(Rating.VERY_SATISFIED).build();
        final IngestEvent bare = Events.surveySubmitted("e-10", AT).unitId("UBND-P-VTS").rating(Rating.DISSATISFIED).build();

        assertThat(parsed(full)).isEqualTo(new SurveySubmitted("e-9", AT.toInstant(), null, "UBND-P-VTS", "HO_TICH", "HS-1",
            vn.tthc.monitor.contract.event.Rating.VERY_SATISFIED));
        assertThat(parsed(bare)).isEqualTo(new SurveySubmitted("e-10", AT.toInstant(), null, "UBND-P-VTS", null, null,
            vn.tthc.monitor.contract.event.Rating.DISSATISFIED));
        assertThat(full.key()).isEqualTo("UBND-P-VTS");
    }

    @Test
    void feedbackIsParsed() {
        final IngestEvent received = Events.feedbackReceived("e-11", AT).feedbackId("PA-1").unitId("SO-TNMT").dueAt(DUE).build();

        assertThat(parsed(received)).isEqualTo(new FeedbackReceived("e-11", AT.toInstant(), null, "PA-1", "SO-TNMT",
            DUE.toInstant()));
        assertThat(parsed(Events.feedbackResolved("e-12", AT).feedbackId("PA-1").build()))
            .isEqualTo(new FeedbackResolved("e-12", AT.toInstant(), null, "PA-1"));
        assertThat(received.key()).isEqualTo("PA-1");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        assertThatThrownBy(() -> Events.caseReceived("e-1", AT).caseId("HS-1").unitId("U").fieldId("F").procedureId("P")
            .channel(Channel.COUNTER).dueAt(DUE).build())
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("case.received: missing required field 'onlineEligible'");
        assertThatThrownBy(() -> Events.caseResolved("e-1", (Instant) null).caseId("HS-1").result(CaseResult.APPROVED).build())
            .hasMessage("case.resolved: missing required field 'occurredAt'");
    }

    @Test
    void anEventIdLongerThan128CharactersIsRefused() {
        assertThatThrownBy(() -> Events.caseReturned("x".repeat(129), AT).caseId("HS-1").build())
            .hasMessageStartingWith("case.returned: field 'eventId' must be 1 to 128 characters (code points) long, was 129");
    }

    private static Event parsed(final IngestEvent event) {
        try {
            final ParseResult result = EventParser.parse(JSON.writeValueAsBytes(event.fields()));
            assertThat(result).isInstanceOf(ParseResult.Valid.class);
            final Event parsed = ((ParseResult.Valid) result).event();
            assertThat(parsed.type().wireName()).isEqualTo(event.type());
            assertThat(parsed.key()).isEqualTo(event.key());
            return parsed;
        } catch (final Exception e) {
            throw new AssertionError(e);
        }
    }
}
