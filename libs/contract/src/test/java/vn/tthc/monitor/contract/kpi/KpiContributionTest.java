package vn.tthc.monitor.contract.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.contract.testing.TestEvents.FEEDBACK;
import static vn.tthc.monitor.contract.testing.TestEvents.FIELD;
import static vn.tthc.monitor.contract.testing.TestEvents.UNIT;
import static vn.tthc.monitor.contract.testing.TestEvents.assess;
import static vn.tthc.monitor.contract.testing.TestEvents.extended;
import static vn.tthc.monitor.contract.testing.TestEvents.feedbackReceived;
import static vn.tthc.monitor.contract.testing.TestEvents.feedbackResolved;
import static vn.tthc.monitor.contract.testing.TestEvents.received;
import static vn.tthc.monitor.contract.testing.TestEvents.resolved;
import static vn.tthc.monitor.contract.testing.TestEvents.supplementRequested;
import static vn.tthc.monitor.contract.testing.TestEvents.survey;
import static vn.tthc.monitor.contract.testing.TestEvents.vn;
import static vn.tthc.monitor.contract.testing.TestEvents.withdrawn;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.cases.Classification;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.Rating;
import vn.tthc.monitor.contract.event.SurveySubmitted;
import vn.tthc.monitor.contract.feedback.FeedbackAssessment;
import vn.tthc.monitor.contract.feedback.FeedbackHistory;

/** EVENTS.md section 3: which counters of which rows one case, survey or feedback adds, in which periods. */
class KpiContributionTest {

    private static final String ALL = KpiRowKey.ALL_FIELDS;
    private static final Instant DUE = vn("2026-03-10T17:00");
    private static final CaseReceived RECEPTION = received("r1", vn("2026-03-02T08:00"), DUE);
    private static final KpiCounters COUNTER_RECEPTION = KpiCounters.reception(Channel.COUNTER, false);

    private static KpiRowKey row(final String fieldId, final String period) {
        return new KpiRowKey(UNIT, fieldId, period);
    }

    /** The counters on the unit's field row and {@code *} row of each of the periods. */
    private static Map<KpiRowKey, KpiCounters> onBothRows(final KpiCounters counters, final String... periods) {
        final Map<KpiRowKey, KpiCounters> rows = new TreeMap<>();
        for (final String period : periods) {
            rows.put(row(FIELD, period), counters);
            rows.put(row(ALL, period), counters);
        }
        return rows;
    }

    /** The counters a reception by {@code channel} adds to its field row of March. */
    private static KpiCounters receptionCounters(final Channel channel, final boolean onlineEligible) {
        final CaseReceived reception = received("r1", vn("2026-03-02T08:00"), DUE, FIELD, channel, onlineEligible);
        return KpiContribution.of(assess(reception)).rows().get(row(FIELD, "2026-03"));
    }

    @Test
    void aReceivedCaseCountsOnItsFieldRowAndItsUnitRowInTheMonthQuarterAndYearOfTheReception() {
        assertThat(KpiContribution.of(assess(RECEPTION)).rows())
            .isEqualTo(onBothRows(COUNTER_RECEPTION, "2026-03", "2026-Q1", "2026-H1", "2026"));
    }

    @Test
    void anOnlineCaseOfAnOnlineEligibleProcedureCountsInAllFourReceptionCounters() {
        assertThat(receptionCounters(Channel.ONLINE, true))
            .isEqualTo(new KpiCounters(1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void aCounterCaseOfAnOnlineEligibleProcedureCountsAsEligibleButNotOnline() {
        assertThat(receptionCounters(Channel.COUNTER, true))
            .isEqualTo(new KpiCounters(1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void anOnlineCaseOfAProcedureNotEligibleCountsAsReceivedOnlineOnly() {
        assertThat(receptionCounters(Channel.ONLINE, false))
            .isEqualTo(new KpiCounters(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void aPostalCaseCountsAsReceivedOnly() {
        assertThat(receptionCounters(Channel.POSTAL, false))
            .isEqualTo(new KpiCounters(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void aResolutionCountsInItsOwnPeriodNotInTheReceptionsPeriod() {
        final CaseReceived reception = received("r1", vn("2026-03-30T08:00"), vn("2026-04-02T17:00"));

        final KpiContribution contribution =
            KpiContribution.of(assess(reception, resolved("s1", vn("2026-04-01T00:30"))));

        final Map<KpiRowKey, KpiCounters> expected = onBothRows(COUNTER_RECEPTION, "2026-03", "2026-Q1");
        expected.putAll(onBothRows(KpiCounters.resolution(Classification.EARLY, false), "2026-04", "2026-Q2"));
        expected.putAll(onBothRows(COUNTER_RECEPTION.plus(KpiCounters.resolution(Classification.EARLY, false)),
            "2026-H1", "2026"));
        assertThat(contribution.rows()).isEqualTo(expected);
    }

    @Test
    void aResolutionJudgedAtAnEarlierRequestTimeCountsInTheResolutionsPeriod() {
        final CaseReceived reception = received("r1", vn("2026-03-20T08:00"), vn("2026-03-31T17:00"));

        final KpiContribution contribution = KpiContribution.of(assess(reception,
            supplementRequested("q1", vn("2026-03-30T08:00")), resolved("s1", vn("2026-04-02T08:00"))));

        assertThat(contribution.rows().get(row(ALL, "2026-04")))
            .isEqualTo(KpiCounters.resolution(Classification.EARLY, false));
        assertThat(contribution.rows().get(row(ALL, "2026-03"))).isEqualTo(COUNTER_RECEPTION);
    }

    @Test
    void aResolvedCaseWithAnApologyLetterCountsExtendedWithItsClassification() {
        final KpiContribution contribution = KpiContribution.of(assess(RECEPTION,
            extended("x1", vn("2026-03-09T10:00"), vn("2026-03-13T17:00")), resolved("s1", vn("2026-03-10T17:30"))));

        assertThat(contribution.rows().get(row(FIELD, "2026-03")))
            .isEqualTo(COUNTER_RECEPTION.plus(new KpiCounters(0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0)));
    }

    @Test
    void anOpenCaseWithAnApologyLetterDoesNotCountExtendedYet() {
        final KpiContribution contribution = KpiContribution.of(assess(RECEPTION,
            extended("x1", vn("2026-03-09T10:00"), vn("2026-03-13T17:00"))));

        assertThat(contribution.rows().get(row(FIELD, "2026-03"))).isEqualTo(COUNTER_RECEPTION);
    }

    @Test
    void aWithdrawnCaseCountsOnlyInWithdrawnInThePeriodOfTheWithdrawal() {
        final KpiContribution contribution = KpiContribution.of(assess(RECEPTION, withdrawn("w1", vn("2026-04-01T08:00")),
            resolved("s1", vn("2026-04-02T08:00"))));

        assertThat(contribution.rows().get(row(FIELD, "2026-04"))).isEqualTo(KpiCounters.withdrawal());
        assertThat(contribution.rows().get(row(FIELD, "2026")).resolved()).isZero();
    }

    @Test
    void aCaseWithoutReceptionContributesNothing() {
        assertThat(KpiContribution.of(assess(resolved("s1", vn("2026-03-04T08:00"))))).isEqualTo(KpiContribution.NONE);
    }

    @Test
    void aSurveyWithAFieldCountsOnItsUnitsFieldRowAndAllFieldsRow() {
        final KpiContribution contribution = KpiContribution.of(
            survey("v1", vn("2026-03-04T16:00"), UNIT, FIELD, Rating.VERY_SATISFIED));

        assertThat(contribution.rows()).isEqualTo(onBothRows(
            new KpiCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0), "2026-03", "2026-Q1", "2026-H1", "2026"));
    }

    @Test
    void aSurveyWithoutAFieldCountsOnlyOnTheUnitsAllFieldsRow() {
        final KpiContribution contribution = KpiContribution.of(
            survey("v1", vn("2026-03-04T16:00"), UNIT, null, Rating.SATISFIED));

        assertThat(contribution.rows()).containsOnlyKeys(row(ALL, "2026-03"), row(ALL, "2026-Q1"), row(ALL, "2026-H1"),
            row(ALL, "2026"));
    }

    @Test
    void aSurveyCountsOnItsOwnUnitAndFieldNotOnThoseOfItsCase() {
        final SurveySubmitted survey = new SurveySubmitted("v1", vn("2026-03-04T16:00"), null, "SO-TNMT", "DAT_DAI",
            "C1", Rating.SATISFIED);

        assertThat(KpiContribution.of(survey).rows()).containsKey(new KpiRowKey("SO-TNMT", "DAT_DAI", "2026-03"))
            .allSatisfy((key, counters) -> assertThat(key.unitId()).isEqualTo("SO-TNMT"));
    }

    @Test
    void aSatisfiedSurveyCountsARatingAndASatisfaction() {
        final KpiContribution contribution = KpiContribution.of(
            survey("v1", vn("2026-03-04T16:00"), UNIT, null, Rating.SATISFIED));

        assertThat(contribution.rows().get(row(ALL, "2026-03")))
            .isEqualTo(new KpiCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0));
    }

    @Test
    void aDissatisfiedSurveyCountsARatingButNoSatisfaction() {
        final KpiContribution contribution = KpiContribution.of(
            survey("v1", vn("2026-03-04T16:00"), UNIT, null, Rating.DISSATISFIED));

        assertThat(contribution.rows().get(row(ALL, "2026-03")))
            .isEqualTo(new KpiCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0));
    }

    @Test
    void resolvedFeedbackCountsOnlyOnTheUnitsAllFieldsRowInThePeriodOfItsResolution() {
        final FeedbackHistory history = FeedbackHistory.empty(FEEDBACK)
            .with(feedbackReceived("f-r1", vn("2026-03-25T08:00"), vn("2026-04-05T17:00")))
            .with(feedbackResolved("f-s1", vn("2026-04-03T08:00")));

        final KpiContribution contribution = KpiContribution.of(FeedbackAssessment.assess(history));

        assertThat(contribution.rows()).containsOnlyKeys(row(ALL, "2026-04"), row(ALL, "2026-Q2"), row(ALL, "2026-H1"),
            row(ALL, "2026"));
        assertThat(contribution.rows().get(row(ALL, "2026-04"))).isEqualTo(KpiCounters.feedback(true));
    }

    @Test
    void feedbackWithoutReceptionContributesNothing() {
        final FeedbackHistory history = FeedbackHistory.empty(FEEDBACK)
            .with(feedbackResolved("f-s1", vn("2026-04-03T08:00")));

        assertThat(KpiContribution.of(FeedbackAssessment.assess(history))).isEqualTo(KpiContribution.NONE);
    }

    @Test
    void anEarlierResolutionArrivingLateTurnsALateCaseIntoAnOnTimeOne() {
        final KpiContribution before = KpiContribution.of(assess(RECEPTION, resolved("s2", vn("2026-03-16T09:00"))));
        final KpiContribution after = KpiContribution.of(assess(RECEPTION, resolved("s2", vn("2026-03-16T09:00")),
            resolved("s1", vn("2026-03-10T09:00"))));

        final KpiCounters lateToOnTime = new KpiCounters(0, 0, 0, 0, 0, 0, 1, -1, 0, 0, 0, 0, 0, 0);
        assertThat(after.minus(before).rows()).isEqualTo(onBothRows(lateToOnTime, "2026-03", "2026-Q1", "2026-H1", "2026"));
    }

    @Test
    void anEarlierResolutionInAnotherMonthMovesTheCountBetweenPeriodsAndLeavesTheYearUnchanged() {
        final KpiContribution before = KpiContribution.of(assess(RECEPTION, resolved("s2", vn("2026-04-02T09:00"))));
        final KpiContribution after = KpiContribution.of(assess(RECEPTION, resolved("s2", vn("2026-04-02T09:00")),
            resolved("s1", vn("2026-03-31T09:00"))));

        final KpiCounters late = KpiCounters.resolution(Classification.LATE, false);
        final Map<KpiRowKey, KpiCounters> expected = onBothRows(late, "2026-03", "2026-Q1");
        expected.putAll(onBothRows(late.negate(), "2026-04", "2026-Q2"));
        assertThat(after.minus(before).rows()).isEqualTo(expected);
    }

    @Test
    void aLateReceptionAddsTheWholeCase() {
        final KpiContribution before = KpiContribution.of(assess(resolved("s1", vn("2026-03-04T09:00"))));
        final KpiContribution after = KpiContribution.of(assess(resolved("s1", vn("2026-03-04T09:00")), RECEPTION));

        assertThat(after.minus(before)).isEqualTo(after);
    }

    @Test
    void aDuplicateOrIgnoredEventMakesNoChange() {
        final KpiContribution before = KpiContribution.of(assess(RECEPTION, resolved("s1", vn("2026-03-04T09:00"))));
        final KpiContribution after = KpiContribution.of(assess(RECEPTION, resolved("s1", vn("2026-03-04T09:00")),
            resolved("s2", vn("2026-03-05T09:00"))));

        assertThat(after.minus(before).isEmpty()).isTrue();
    }
}
