package vn.tthc.monitor.contract.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * One valid event of the contract (EVENTS.md section 1). Instances only come out of
 * {@link EventParser}, so every required field is present and every value is in range;
 * {@code source} and the optional fields of each type may be {@code null}.
 *
 * <p>The Jackson annotations give the contract's own JSON shape, used on internal topics.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CaseReceived.class, name = "case.received"),
    @JsonSubTypes.Type(value = SupplementRequested.class, name = "case.supplement_requested"),
    @JsonSubTypes.Type(value = SupplementReceived.class, name = "case.supplement_received"),
    @JsonSubTypes.Type(value = CaseExtended.class, name = "case.extended"),
    @JsonSubTypes.Type(value = CaseResolved.class, name = "case.resolved"),
    @JsonSubTypes.Type(value = CaseWithdrawn.class, name = "case.withdrawn"),
    @JsonSubTypes.Type(value = CaseReturned.class, name = "case.returned"),
    @JsonSubTypes.Type(value = SurveySubmitted.class, name = "survey.submitted"),
    @JsonSubTypes.Type(value = FeedbackReceived.class, name = "feedback.received"),
    @JsonSubTypes.Type(value = FeedbackResolved.class, name = "feedback.resolved")
})
public sealed interface Event permits CaseEvent, FeedbackEvent, SurveySubmitted {

    String eventId();

    Instant occurredAt();

    String source();

    EventType type();

    /** The Kafka record key the contract prescribes: caseId, feedbackId or unitId. */
    String key();
}
