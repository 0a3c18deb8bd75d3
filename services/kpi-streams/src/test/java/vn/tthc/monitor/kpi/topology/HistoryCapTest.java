package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.contract.testing.TestEvents.vn;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.cases.CaseHistory;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.FeedbackReceived;
import vn.tthc.monitor.contract.event.FeedbackResolved;
import vn.tthc.monitor.contract.event.SupplementRequested;
import vn.tthc.monitor.contract.feedback.FeedbackHistory;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.testing.InMemoryKpis;
import vn.tthc.monitor.kpi.deadletter.DeadLetterKind;
import vn.tthc.monitor.kpi.deadletter.DeadLetters;
import vn.tthc.monitor.kpi.topology.intake.RejectionHeaders;

/**
 * docs/CONTRACT-NOTES.md, "Bounded histories": the distinct events of a case past
 * {@link CaseHistory#MAX_EVENTS} (of a feedback past {@link FeedbackHistory#MAX_EVENTS}) go to the
 * dead-letter topic as they were sent, with the reason, are counted in {@code rejected}, and the
 * pipeline goes on counting other cases.
 */
class HistoryCapTest {

    private static final Instant DUE = vn("2026-03-10T17:00");

    @Test
    void threeHundredDistinctEventsOfACaseCountTheFirstSixtyFourAndDeadLetterTheRest() {
        final List<Event> flood = new ArrayList<>();
        flood.add(received("flood-r", "FLOOD"));
        for (int i = 1; i < 299; i++) {
            flood.add(new SupplementRequested("flood-q" + i, vn("2026-03-02T09:00").plusSeconds(i), null, "FLOOD"));
        }
        flood.add(new CaseResolved("flood-s", vn("2026-03-04T08:00"), null, "FLOOD", CaseResult.APPROVED));
        final List<Event> later = List.of(received("next-r", "NEXT"),
            new CaseResolved("next-s", vn("2026-03-03T08:00"), null, "NEXT", CaseResult.APPROVED));
        final List<Event> all = new ArrayList<>(flood);
        all.addAll(later);
        final long deadLetteredBefore = DeadLetters.count(DeadLetterKind.HISTORY_FULL);

        try (PipelineDriver pipeline = new PipelineDriver()) {
            all.forEach(pipeline::sendKeyed);

            final int refused = 300 - CaseHistory.MAX_EVENTS;
            final List<TestRecord<byte[], byte[]>> deadLetters = pipeline.rejectedRecords();
            assertThat(deadLetters).hasSize(refused);
            assertThat(deadLetters).extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .as("the records as they were sent, in arrival order: the events past the first 64")
                .containsExactlyElementsOf(flood.subList(CaseHistory.MAX_EVENTS, 300).stream().map(HistoryCapTest::json).toList());
            assertThat(deadLetters).allSatisfy(record -> {
                assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("FLOOD");
                assertThat(header(record, RejectionHeaders.KIND)).isEqualTo("history_full");
                assertThat(header(record, RejectionHeaders.REASON))
                    .startsWith("case FLOOD holds 64 distinct events, the most a history may hold: event flood-");
                assertThat(header(record, RejectionHeaders.PROCESSOR)).isEqualTo("track-case");
                assertThat(header(record, RejectionHeaders.EXCEPTION)).isEqualTo("vn.tthc.monitor.contract.HistoryFullException");
                assertThat(header(record, RejectionHeaders.SOURCE_TOPIC)).isEqualTo(PipelineDriver.TOPICS.events().name());
            });
            assertThat(header(deadLetters.get(0), RejectionHeaders.SOURCE_OFFSET)).isEqualTo("64");
            assertThat(pipeline.rejectedCount()).isEqualTo(refused);
            assertThat(pipeline.acceptedCount()).isEqualTo(CaseHistory.MAX_EVENTS + later.size());
            assertThat(DeadLetters.count(DeadLetterKind.HISTORY_FULL) - deadLetteredBefore).isEqualTo(refused);
            assertThat(pipeline.report()).as("the reference model applies the same bound")
                .isEqualTo(InMemoryKpis.report(all.stream().map(HistoryCapTest::json).toList(), Targets.sectionThreeDefaults()));
            assertThat(pipeline.report().kpis()).anySatisfy(row -> assertThat(row.counters().resolved())
                .as("the later case is counted; the flood's resolution came past the bound").isEqualTo(1));
        }
    }

    @Test
    void aFeedbackPastItsBoundIsDeadLetteredAndCountedRejected() {
        final List<Event> events = new ArrayList<>();
        events.add(new FeedbackReceived("fb-r", vn("2026-03-02T08:00"), null, "FB", "UNIT-A", DUE));
        for (int i = 1; i <= FeedbackHistory.MAX_EVENTS; i++) {
            events.add(new FeedbackResolved("fb-s" + i, vn("2026-03-03T08:00").plusSeconds(i), null, "FB"));
        }

        try (PipelineDriver pipeline = new PipelineDriver()) {
            events.forEach(pipeline::sendKeyed);

            assertThat(pipeline.rejectedRecords()).singleElement().satisfies(record -> {
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(json(events.get(events.size() - 1)));
                assertThat(header(record, RejectionHeaders.PROCESSOR)).isEqualTo("track-feedback");
            });
            assertThat(pipeline.rejectedCount()).isEqualTo(1);
            assertThat(pipeline.acceptedCount()).isEqualTo(FeedbackHistory.MAX_EVENTS);
        }
    }

    private static CaseReceived received(final String eventId, final String caseId) {
        return new CaseReceived(eventId, vn("2026-03-02T08:00"), null, caseId, "UNIT-A", "HO_TICH", "1.1", Channel.ONLINE,
            true, DUE);
    }

    private static String json(final Event event) {
        try {
            return ContractJson.mapper().writeValueAsString(event);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(final TestRecord<byte[], byte[]> record, final String name) {
        return RejectionHeaders.read(record.headers(), name);
    }
}
