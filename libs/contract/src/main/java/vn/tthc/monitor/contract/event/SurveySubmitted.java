package vn.tthc.monitor.contract.event;

import java.time.Instant;

/**
 * {@code survey.submitted} (đánh giá mức độ hài lòng), keyed by {@code unitId}. {@code fieldId} and
 * {@code caseId} are optional; {@code caseId} is informational only.
 */
public record SurveySubmitted(String eventId, Instant occurredAt, String source, String unitId, String fieldId,
                              String caseId, Rating rating) implements Event {

    @Override
    public EventType type() {
        return EventType.SURVEY_SUBMITTED;
    }

    @Override
    public String key() {
        return unitId;
    }
}
