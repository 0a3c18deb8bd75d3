package vn.tthc.monitor.kpi.topology.forecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import vn.tthc.monitor.contract.cases.CaseAssessment;
import vn.tthc.monitor.contract.event.CaseExtended;
import vn.tthc.monitor.contract.event.CaseReturned;
import vn.tthc.monitor.kpi.topology.HistoryChange;

/**
 * What a change of a case's history means for the forecast: nothing, unless the case opens, closes, or changes
 * unit, field, effective due time, waiting state or reception time (which the verdict stage reads); then a removal
 * keyed by the unit it left and an update keyed by the unit it is open in. Stateless: the case's assessments before
 * and after the event say it all (neither is looked at for an extension or a return, which change no open case).
 */
final class ForecastCaseUpdates {

    private ForecastCaseUpdates() {
    }

    static List<KeyValue<String, ForecastCaseUpdate>> of(final HistoryChange<CaseAssessment> change) {
        // an apology letter moves no due time and a return comes after the closing: neither changes an open case
        if (change.event() instanceof CaseExtended || change.event() instanceof CaseReturned) {
            return List.of();
        }
        final Open before = Open.of(change.before());
        final Open after = Open.of(change.after());
        if (Objects.equals(before, after)) {
            return List.of();
        }
        final List<KeyValue<String, ForecastCaseUpdate>> updates = new ArrayList<>(2);
        if (before != null && (after == null || !before.sameRow(after))) {
            updates.add(KeyValue.pair(before.unitId(), ForecastCaseUpdate.closed(change.id(), before.fieldId(),
                after == null && change.after().closing() != null)));
        }
        if (after != null) {
            updates.add(KeyValue.pair(after.unitId(), new ForecastCaseUpdate(change.id(), after.fieldId(),
                after.effectiveDue(), after.waitingOnCitizen(), true, false, after.receivedAt())));
        }
        return updates;
    }

    /** An open case as the forecast sees it; {@code null} when the case is not open. */
    private record Open(String unitId, String fieldId, Instant effectiveDue, boolean waitingOnCitizen, Instant receivedAt) {

        static Open of(final CaseAssessment assessment) {
            if (!assessment.isOpen()) {
                return null;
            }
            return new Open(assessment.reception().unitId(), assessment.reception().fieldId(), assessment.effectiveDue(),
                assessment.isWaitingOnCitizen(), assessment.reception().occurredAt());
        }

        boolean sameRow(final Open other) {
            return unitId.equals(other.unitId) && fieldId.equals(other.fieldId);
        }
    }
}
