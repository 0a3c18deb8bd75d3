package vn.tthc.monitor.contract.kpi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import vn.tthc.monitor.contract.cases.CaseAssessment;
import vn.tthc.monitor.contract.cases.Closing;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.SurveySubmitted;
import vn.tthc.monitor.contract.feedback.FeedbackAssessment;

/**
 * What one case, feedback or survey adds to the KPI rows (EVENTS.md section 3): counters per row,
 * each in the month, quarter, half-year and year of the event that counts, on the (unit, field) row and the
 * unit's {@code *} row. The difference of two contributions is the change a late event makes.
 */
public record KpiContribution(@JsonIgnore SortedMap<KpiRowKey, KpiCounters> rows) {

    /** One row of a contribution, the shape in which contributions travel as JSON. */
    public record Row(String unitId, String fieldId, String period, KpiCounters counters) {
        KpiRowKey key() {
            return new KpiRowKey(unitId, fieldId, period);
        }
    }

    public static final KpiContribution NONE = new KpiContribution(new TreeMap<>());

    public KpiContribution {
        rows = Collections.unmodifiableSortedMap(new TreeMap<>(rows));
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static KpiContribution ofRows(final List<Row> rows) {
        final TreeMap<KpiRowKey, KpiCounters> map = new TreeMap<>();
        rows.forEach(row -> map.merge(row.key(), row.counters(), KpiCounters::plus));
        return new KpiContribution(map);
    }

    @JsonValue
    public List<Row> asRows() {
        return rows.entrySet().stream()
            .map(e -> new Row(e.getKey().unitId(), e.getKey().fieldId(), e.getKey().period(), e.getValue()))
            .toList();
    }

    public static KpiContribution of(final CaseAssessment caseAssessment) {
        final CaseReceived reception = caseAssessment.reception();
        if (reception == null) {
            return NONE;
        }
        final Builder builder = new Builder(reception.unitId(), reception.fieldId());
        builder.add(reception.occurredAt(), KpiCounters.reception(reception.channel(), reception.onlineEligible()));
        final Closing closing = caseAssessment.closing();
        if (closing instanceof Closing.Resolution resolution) {
            builder.add(resolution.at(), KpiCounters.resolution(resolution.classification(), resolution.extended()));
        } else if (closing instanceof Closing.Withdrawal withdrawal) {
            builder.add(withdrawal.at(), KpiCounters.withdrawal());
        }
        return builder.build();
    }

    public static KpiContribution of(final FeedbackAssessment feedback) {
        if (!feedback.isCounted()) {
            return NONE;
        }
        return new Builder(feedback.reception().unitId(), null)
            .add(feedback.resolution().occurredAt(), KpiCounters.feedback(feedback.isOnTime()))
            .build();
    }

    public static KpiContribution of(final SurveySubmitted survey) {
        return new Builder(survey.unitId(), survey.fieldId())
            .add(survey.occurredAt(), KpiCounters.survey(survey.rating().isSatisfied()))
            .build();
    }

    /** The change from {@code before} to this contribution: the rows whose counters differ. */
    public KpiContribution minus(final KpiContribution before) {
        final TreeMap<KpiRowKey, KpiCounters> change = new TreeMap<>(rows);
        before.rows.forEach((key, counters) -> change.merge(key, counters.negate(), KpiCounters::plus));
        change.values().removeIf(KpiCounters::isZero);
        return new KpiContribution(change);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Rows by unit: a change is routed to each unit it touches. */
    public Map<String, KpiContribution> byUnit() {
        final Map<String, TreeMap<KpiRowKey, KpiCounters>> byUnit = new TreeMap<>();
        rows.forEach((key, counters) -> byUnit.computeIfAbsent(key.unitId(), u -> new TreeMap<>()).put(key, counters));
        final Map<String, KpiContribution> result = new TreeMap<>();
        byUnit.forEach((unit, unitRows) -> result.put(unit, new KpiContribution(unitRows)));
        return result;
    }

    /** Adds counters on the (unit, field) and (unit, {@code *}) rows of each period containing an instant. */
    private static final class Builder {
        private final String unitId;
        private final String fieldId;
        private final TreeMap<KpiRowKey, KpiCounters> rows = new TreeMap<>();

        /** {@code fieldId} {@code null} (or {@code *}): the contribution counts only in the unit's {@code *} rows. */
        Builder(final String unitId, final String fieldId) {
            this.unitId = unitId;
            this.fieldId = fieldId;
        }

        Builder add(final Instant at, final KpiCounters counters) {
            for (final Period period : Period.containing(at)) {
                final String text = period.toString();
                addRow(KpiRowKey.ALL_FIELDS, text, counters);
                if (fieldId != null && !KpiRowKey.ALL_FIELDS.equals(fieldId)) {
                    addRow(fieldId, text, counters);
                }
            }
            return this;
        }

        private void addRow(final String field, final String period, final KpiCounters counters) {
            rows.merge(new KpiRowKey(unitId, field, period), counters, KpiCounters::plus);
        }

        KpiContribution build() {
            return new KpiContribution(rows);
        }
    }

}
