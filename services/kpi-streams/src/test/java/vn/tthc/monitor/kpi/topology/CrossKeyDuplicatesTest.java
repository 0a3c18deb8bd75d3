package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.contract.testing.TestEvents.vn;

import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.FeedbackReceived;
import vn.tthc.monitor.contract.event.FeedbackResolved;
import vn.tthc.monitor.contract.event.Rating;
import vn.tthc.monitor.contract.event.SurveySubmitted;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.report.KpiReport;
import vn.tthc.monitor.contract.testing.InMemoryKpis;

/**
 * EVENTS.md section 1: an id seen before is a duplicate whatever its content, its key too: the
 * rows end as if it had never come. Sent keyed by entity id (as the gateway does) and without a
 * key (written back under its entity id first). The driver has one partition, so here the
 * duplicate meets its twin in the partition's own store; {@link CrossKeyDuplicatesIT} covers keys
 * in different partitions, where the duplicate is counted first and taken out afterwards.
 */
class CrossKeyDuplicatesTest {

    private static final Instant DUE = vn("2026-03-10T17:00");

    static Stream<Arguments> duplicatesUnderAnotherKey() {
        final CaseReceived c1 = received("r1", "C1", "UNIT-A");
        final CaseReceived c2 = received("r2", "C2", "UNIT-B");
        return Stream.of(
            Arguments.of("a resolution repeated under another case", List.of(c1, c2,
                new CaseResolved("s1", vn("2026-03-04T08:00"), null, "C1", CaseResult.APPROVED)),
                new CaseResolved("s1", vn("2026-03-20T08:00"), null, "C2", CaseResult.DENIED)),
            Arguments.of("a reception repeated as another case of another unit", List.of(c1),
                received("r1", "C3", "UNIT-B")),
            Arguments.of("a survey repeated for another unit", List.of(survey("v1", "UNIT-A")), survey("v1", "UNIT-B")),
            Arguments.of("a feedback's resolution repeated under another feedback",
                List.of(feedback("fr1", "F1"), feedback("fr2", "F2"), new FeedbackResolved("fs1", vn("2026-03-04T08:00"), null, "F1")),
                new FeedbackResolved("fs1", vn("2026-03-04T08:00"), null, "F2")),
            Arguments.of("a survey's id repeated by a case event", List.of(survey("x1", "UNIT-A")),
                received("x1", "C4", "UNIT-A")));
    }

    static Stream<Arguments> keyedAndUnkeyed() {
        return duplicatesUnderAnotherKey().flatMap(arguments -> Stream.of(
            Arguments.of(arguments.get()[0] + ", keyed", arguments.get()[1], arguments.get()[2], keyed()),
            Arguments.of(arguments.get()[0] + ", without key", arguments.get()[1], arguments.get()[2], unkeyed())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyedAndUnkeyed")
    void theDuplicateEndsUncounted(final String name, final List<Event> first, final Event duplicate,
                                   final BiConsumer<PipelineDriver, Event> send) {
        final KpiReport withoutDuplicate = InMemoryKpis.report(lines(first), Targets.sectionThreeDefaults());
        final KpiReport ifItCounted = InMemoryKpis.report(lines(Stream.concat(first.stream(),
            Stream.of(withFreshId(duplicate))).toList()), Targets.sectionThreeDefaults());
        assertThat(ifItCounted.kpis()).as("the duplicate would change the KPIs if it counted").isNotEqualTo(withoutDuplicate.kpis());

        try (PipelineDriver pipeline = new PipelineDriver()) {
            first.forEach(event -> send.accept(pipeline, event));
            send.accept(pipeline, duplicate);

            assertThat(pipeline.report().kpis()).isEqualTo(withoutDuplicate.kpis());
            assertThat(pipeline.duplicateCount()).isEqualTo(1);
            assertThat(pipeline.acceptedCount()).isEqualTo(first.size());
        }
    }

    private static BiConsumer<PipelineDriver, Event> keyed() {
        return PipelineDriver::sendKeyed;
    }

    private static BiConsumer<PipelineDriver, Event> unkeyed() {
        return PipelineDriver::send;
    }

    private static CaseReceived received(final String eventId, final String caseId, final String unitId) {
        return new CaseReceived(eventId, vn("2026-03-02T08:00"), null, caseId, unitId, "HO_TICH", "1.004227",
            Channel.ONLINE, true, DUE);
    }

    private static SurveySubmitted survey(final String eventId, final String unitId) {
        return new SurveySubmitted(eventId, vn("2026-03-05T08:00"), null, unitId, null, null, Rating.DISSATISFIED);
    }

    private static FeedbackReceived feedback(final String eventId, final String feedbackId) {
        return new FeedbackReceived(eventId, vn("2026-03-02T08:00"), null, feedbackId, "UNIT-A", DUE);
    }

    private static Event withFreshId(final Event event) {
        final String json = json(event).replace("\"eventId\":\"" + event.eventId() + "\"", "\"eventId\":\"fresh\"");
        try {
            return ContractJson.mapper().readValue(json, Event.class);
        } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(final List<Event> events) {
        return events.stream().map(CrossKeyDuplicatesTest::json).toList();
    }

    private static String json(final Event event) {
        try {
            return ContractJson.mapper().writeValueAsString(event);
        } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
