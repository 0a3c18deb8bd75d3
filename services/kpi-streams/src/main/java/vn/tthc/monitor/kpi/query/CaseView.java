package vn.tthc.monitor.kpi.query;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.cases.CaseAssessment;
import vn.tthc.monitor.contract.cases.CaseHistory;
import vn.tthc.monitor.contract.cases.CaseStatus;
import vn.tthc.monitor.contract.cases.Classification;
import vn.tthc.monitor.contract.cases.Closing;
import vn.tthc.monitor.contract.cases.Pause;
import vn.tthc.monitor.contract.event.CaseEvent;
import vn.tthc.monitor.contract.event.CaseReceived;

/**
 * One case as the query API shows it: its status now, the due time it was given and the effective
 * one after pauses, the working time left until it (ISO-8601, negative once overdue; {@code null} when
 * the case is closed or waits on the citizen), the pauses, how it closed and how that counts, and its
 * distinct events in case order.
 */
public record CaseView(String caseId, CaseStatus status, String unitId, String fieldId, String procedureId,
                       String channel, Boolean onlineEligible, Instant receivedAt, Instant dueAt,
                       Instant effectiveDue,
                       @JsonFormat(shape = JsonFormat.Shape.STRING)
                       @Schema(type = "string", format = "duration", example = "PT18H",
                           description = "Working time left until the effective due time, by the working-day calendar;"
                               + " negative when overdue, null when closed or waiting on the citizen")
                       Duration remainingWorkingTime,
                       List<Pause> pauses, boolean extended, Instant resolvedAt,
                       Instant judgedAt, String result, Classification classification, Instant withdrawnAt,
                       List<CaseEvent> events) {

    public static CaseView of(final CaseHistory history, final CaseAssessment assessment, final Instant now,
                              final WorkingCalendar calendar) {
        final CaseStatus status = assessment.statusAt(now);
        final CaseReceived reception = assessment.reception();
        final Closing closing = assessment.closing();
        final Closing.Resolution resolution = closing instanceof Closing.Resolution r ? r : null;
        return new CaseView(history.caseId(), status,
            reception == null ? null : reception.unitId(),
            reception == null ? null : reception.fieldId(),
            reception == null ? null : reception.procedureId(),
            reception == null ? null : reception.channel().name(),
            reception == null ? null : reception.onlineEligible(),
            reception == null ? null : reception.occurredAt(),
            reception == null ? null : reception.dueAt(),
            assessment.effectiveDue(),
            status == CaseStatus.IN_PROGRESS || status == CaseStatus.OVERDUE
                ? calendar.workingTimeBetween(now, assessment.effectiveDue()) : null,
            assessment.pauses(), assessment.extended(),
            resolution == null ? null : resolution.at(),
            resolution == null ? null : resolution.judgedAt(),
            resolution == null ? null : resolution.result().name(),
            resolution == null ? null : resolution.classification(),
            closing instanceof Closing.Withdrawal w ? w.at() : null,
            history.events());
    }
}
