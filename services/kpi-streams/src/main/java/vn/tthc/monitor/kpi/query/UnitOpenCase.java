package vn.tthc.monitor.kpi.query;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.cases.DueSoonWindow;
import vn.tthc.monitor.contract.cases.OpenCase;

/**
 * An open case of a unit as the query API lists it: where it stands now, its effective due time and the working
 * time left until it.
 */
public record UnitOpenCase(String caseId, String fieldId, String procedureId, State state, Instant effectiveDue,
                           @JsonFormat(shape = JsonFormat.Shape.STRING)
                           @Schema(type = "string", format = "duration", example = "PT18H",
                               description = "Working time left until the effective due time, by the working-day"
                                   + " calendar; negative when overdue, null while waiting on the citizen (the clock stands)")
                           Duration remainingWorkingTime) {

    /** Where an open case stands. */
    public enum State {
        /** đang xử lý, not yet due soon. */
        IN_PROGRESS,
        /** sắp đến hạn: inside the due-soon window. */
        DUE_SOON,
        /** chờ công dân bổ sung: the clock stands. */
        WAITING_ON_CITIZEN,
        /** đang xử lý quá hạn. */
        OVERDUE
    }

    static UnitOpenCase of(final OpenCase open, final Instant now, final DueSoonWindow window,
                           final WorkingCalendar calendar) {
        final State state = open.waitingOnCitizen() ? State.WAITING_ON_CITIZEN
            : open.isOverdueAt(now) ? State.OVERDUE
            : open.isDueSoonAt(now, window) ? State.DUE_SOON
            : State.IN_PROGRESS;
        return new UnitOpenCase(open.caseId(), open.fieldId(), open.procedureId(), state, open.effectiveDue(),
            open.waitingOnCitizen() ? null : calendar.workingTimeBetween(now, open.effectiveDue()));
    }
}
