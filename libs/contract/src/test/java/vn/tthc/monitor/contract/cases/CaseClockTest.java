package vn.tthc.monitor.contract.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tthc.monitor.contract.testing.TestEvents.assess;
import static vn.tthc.monitor.contract.testing.TestEvents.extended;
import static vn.tthc.monitor.contract.testing.TestEvents.received;
import static vn.tthc.monitor.contract.testing.TestEvents.resolved;
import static vn.tthc.monitor.contract.testing.TestEvents.returned;
import static vn.tthc.monitor.contract.testing.TestEvents.supplementReceived;
import static vn.tthc.monitor.contract.testing.TestEvents.supplementRequested;
import static vn.tthc.monitor.contract.testing.TestEvents.vn;
import static vn.tthc.monitor.contract.testing.TestEvents.withdrawn;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.event.CaseReceived;

/** EVENTS.md section 2: reception, closing, effective due time, classification and open cases. */
class CaseClockTest {

    private static final Instant RECEIVED_AT = vn("2026-03-02T08:00");
    private static final Instant DUE = vn("2026-03-10T17:00");
    private static final CaseReceived RECEPTION = received("r1", RECEIVED_AT, DUE);

    private static Classification classificationOf(final CaseAssessment assessment) {
        return ((Closing.Resolution) assessment.closing()).classification();
    }

    @Nested
    class Reception {

        @Test
        void theFirstReceptionCountsEvenWhenItArrivesAfterALaterOne() {
            final CaseReceived later = received("r2", vn("2026-03-03T08:00"), vn("2026-03-20T17:00"));

            final CaseAssessment assessment = assess(later, RECEPTION);

            assertThat(assessment.reception()).isEqualTo(RECEPTION);
            assertThat(assessment.effectiveDue()).isEqualTo(DUE);
        }

        @Test
        void theFirstReceptionCountsEvenWhenAResolutionPrecedesItInTime() {
            final CaseAssessment assessment = assess(resolved("s1", vn("2026-03-01T10:00")), RECEPTION);

            assertThat(assessment.isReceived()).isTrue();
            assertThat(assessment.reception()).isEqualTo(RECEPTION);
            assertThat(assessment.closing()).isInstanceOf(Closing.Resolution.class);
            assertThat(classificationOf(assessment)).isEqualTo(Classification.EARLY);
        }

        @Test
        void ofTwoReceptionsAtTheSameTimeTheSmallerEventIdCounts() {
            final CaseReceived b = received("r-b", RECEIVED_AT, vn("2026-03-20T17:00"));
            final CaseReceived a = received("r-a", RECEIVED_AT, DUE);

            assertThat(assess(b, a).reception()).isEqualTo(a);
        }

        @Test
        void aCaseWhoseReceptionNeverArrivesIsNotReceived() {
            final CaseAssessment assessment = assess(resolved("s1", vn("2026-03-04T10:00")));

            assertThat(assessment.isReceived()).isFalse();
            assertThat(assessment.isOpen()).isFalse();
            assertThat(assessment.statusAt(vn("2026-03-05T10:00"))).isEqualTo(CaseStatus.NOT_RECEIVED);
        }
    }

    @Nested
    class ClosingTheCase {

        @Test
        void theFirstResolutionClosesTheCaseAndALaterOneIsIgnored() {
            final CaseAssessment assessment = assess(RECEPTION, resolved("s2", vn("2026-03-12T09:00")),
                resolved("s1", vn("2026-03-11T09:00")));

            assertThat(assessment.closing().at()).isEqualTo(vn("2026-03-11T09:00"));
            assertThat(classificationOf(assessment)).isEqualTo(Classification.LATE);
        }

        @Test
        void aWithdrawalBeforeTheResolutionClosesTheCaseAsWithdrawn() {
            final CaseAssessment assessment = assess(RECEPTION, withdrawn("w1", vn("2026-03-04T10:00")),
                resolved("s1", vn("2026-03-05T10:00")));

            assertThat(assessment.closing()).isEqualTo(new Closing.Withdrawal(vn("2026-03-04T10:00")));
            assertThat(assessment.statusAt(vn("2026-03-06T10:00"))).isEqualTo(CaseStatus.WITHDRAWN);
        }

        @Test
        void aResolutionBeforeTheWithdrawalClosesTheCaseAsResolved() {
            final CaseAssessment assessment = assess(RECEPTION, withdrawn("w1", vn("2026-03-05T10:00")),
                resolved("s1", vn("2026-03-04T10:00")));

            assertThat(assessment.closing()).isInstanceOf(Closing.Resolution.class);
            assertThat(assessment.statusAt(vn("2026-03-06T10:00"))).isEqualTo(CaseStatus.RESOLVED);
        }

        @Test
        void atEqualOccurredAtTheResolutionWinsOverTheWithdrawal() {
            final Instant same = vn("2026-03-04T10:00");

            final CaseAssessment assessment = assess(RECEPTION, withdrawn("a-withdrawal", same),
                resolved("z-resolution", same));

            assertThat(assessment.closing()).isInstanceOf(Closing.Resolution.class);
        }

        @Test
        void aSupplementRequestAfterTheResolutionIsIgnored() {
            final CaseAssessment assessment = assess(RECEPTION, resolved("s1", vn("2026-03-04T10:00")),
                supplementRequested("q1", vn("2026-03-05T10:00")));

            assertThat(assessment.pauses()).isEmpty();
        }

        @Test
        void anApologyLetterAfterTheResolutionIsNotCountedAsExtended() {
            final CaseAssessment assessment = assess(RECEPTION, resolved("s1", vn("2026-03-04T10:00")),
                extended("x1", vn("2026-03-05T10:00"), vn("2026-03-20T17:00")));

            assertThat(assessment.extended()).isFalse();
            assertThat(((Closing.Resolution) assessment.closing()).extended()).isFalse();
        }

        @Test
        void anApologyLetterAtTheSameTimeAsTheResolutionIsCountedAsExtended() {
            final Instant same = vn("2026-03-11T10:00");

            final CaseAssessment assessment = assess(RECEPTION, resolved("a", same),
                extended("z", same, vn("2026-03-20T17:00")));

            assertThat(((Closing.Resolution) assessment.closing()).extended()).isTrue();
        }

        @Test
        void aReturnChangesNothing() {
            final CaseAssessment withReturn = assess(RECEPTION, resolved("s1", vn("2026-03-04T10:00")),
                returned("t1", vn("2026-03-04T15:00")));
            final CaseAssessment withoutReturn = assess(RECEPTION, resolved("s1", vn("2026-03-04T10:00")));

            assertThat(withReturn).isEqualTo(withoutReturn);
        }

        @Test
        void aReturnWithoutResolutionDoesNotCloseTheCase() {
            assertThat(assess(RECEPTION, returned("t1", vn("2026-03-04T15:00"))).isOpen()).isTrue();
        }
    }

    @Nested
    class EffectiveDueTime {

        @Test
        void withoutPausesTheEffectiveDueIsTheReceptionDue() {
            assertThat(assess(RECEPTION).effectiveDue()).isEqualTo(DUE);
        }

        @Test
        void aPauseWithoutNewDueMovesTheDueLaterByItsLength() {
            final CaseAssessment assessment = assess(RECEPTION, supplementRequested("q1", vn("2026-03-04T08:00")),
                supplementReceived("p1", vn("2026-03-06T11:30"), null));

            assertThat(assessment.effectiveDue()).isEqualTo(vn("2026-03-12T20:30"));
        }

        @Test
        void aPauseWithANewDueRestartsTheClockAtThatDue() {
            final CaseAssessment assessment = assess(RECEPTION, supplementRequested("q1", vn("2026-03-04T08:00")),
                supplementReceived("p1", vn("2026-03-09T08:00"), vn("2026-03-11T17:00")));

            assertThat(assessment.effectiveDue()).isEqualTo(vn("2026-03-11T17:00"));
        }

        @Test
        void aRestartedDueReplacesTheDueEvenWhenItIsEarlierThanTheMovedOne() {
            final CaseAssessment assessment = assess(RECEPTION, supplementRequested("q1", vn("2026-03-04T08:00")),
                supplementReceived("p1", vn("2026-03-09T08:00"), vn("2026-03-09T17:00")));

            assertThat(assessment.effectiveDue()).isEqualTo(vn("2026-03-09T17:00"));
        }

        @Test
        void twoPausesMoveTheDueByTheirTotalLength() {
            final CaseAssessment assessment = assess(RECEPTION,
                supplementRequested("q1", vn("2026-03-03T08:00")),
                supplementReceived("p1", vn("2026-03-04T08:00"), null),
                supplementRequested("q2", vn("2026-03-05T08:00")),
                supplementReceived("p2", vn("2026-03-07T08:00"), null));

            assertThat(assessment.effectiveDue()).isEqualTo(vn("2026-03-13T17:00"));
            assertThat(assessment.pauses()).hasSize(2);
        }

        @Test
        void aSecondRequestWhileAPauseIsOpenDoesNotRestartThePause() {
            final CaseAssessment assessment = assess(RECEPTION, supplementRequested("q1", vn("2026-03-04T08:00")),
                supplementRequested("q2", vn("2026-03-05T08:00")),
                supplementReceived("p1", vn("2026-03-06T08:00"), null));

            assertThat(assessment.pauses()).containsExactly(
                new Pause(vn("2026-03-04T08:00"), vn("2026-03-06T08:00"), null));
            assertThat(assessment.effectiveDue()).isEqualTo(vn("2026-03-12T17:00"));
        }

        @Test
        void aSupplementWithNoOpenPauseIsIgnoredWithItsNewDue() {
            final CaseAssessment assessment = assess(RECEPTION,
                supplementReceived("p1", vn("2026-03-04T08:00"), vn("2026-03-30T17:00")));

            assertThat(assessment.effectiveDue()).isEqualTo(DUE);
            assertThat(assessment.pauses()).isEmpty();
        }

        @Test
        void aSecondSupplementAfterThePauseClosedIsIgnored() {
            final CaseAssessment assessment = assess(RECEPTION, supplementRequested("q1", vn("2026-03-04T08:00")),
                supplementReceived("p1", vn("2026-03-05T08:00"), null),
                supplementReceived("p2", vn("2026-03-06T08:00"), vn("2026-03-30T17:00")));

            assertThat(assessment.effectiveDue()).isEqualTo(vn("2026-03-11T17:00"));
        }

        @Test
        void anApologyLetterNeverMovesTheEffectiveDue() {
            final CaseAssessment assessment = assess(RECEPTION,
                extended("x1", vn("2026-03-09T10:00"), vn("2026-03-13T17:00")));

            assertThat(assessment.effectiveDue()).isEqualTo(DUE);
            assertThat(assessment.extended()).isTrue();
        }
    }

    @Nested
    class ClassificationAtTheResolution {

        @Test
        void aCaseResolvedOnALocalDateBeforeItsDueDateIsEarly() {
            assertThat(classificationOf(assess(RECEPTION, resolved("s1", vn("2026-03-09T23:59")))))
                .isEqualTo(Classification.EARLY);
        }

        @Test
        void aCaseResolvedOnItsDueDateBeforeTheDueTimeIsOnTime() {
            assertThat(classificationOf(assess(RECEPTION, resolved("s1", vn("2026-03-10T00:00")))))
                .isEqualTo(Classification.ON_TIME);
        }

        @Test
        void aCaseResolvedExactlyAtItsDueTimeIsOnTime() {
            assertThat(classificationOf(assess(RECEPTION, resolved("s1", DUE)))).isEqualTo(Classification.ON_TIME);
        }

        @Test
        void aCaseResolvedOneSecondAfterItsDueTimeIsLate() {
            assertThat(classificationOf(assess(RECEPTION, resolved("s1", DUE.plusSeconds(1)))))
                .isEqualTo(Classification.LATE);
        }

        @Test
        void aCaseResolvedAfterItsDueTimeIsLateEvenWithAnApologyLetter() {
            final CaseAssessment assessment = assess(RECEPTION,
                extended("x1", vn("2026-03-09T10:00"), vn("2026-03-13T17:00")), resolved("s1", vn("2026-03-10T17:30")));

            assertThat(classificationOf(assessment)).isEqualTo(Classification.LATE);
            assertThat(((Closing.Resolution) assessment.closing()).extended()).isTrue();
        }

        @Test
        void aCaseResolvedBeforeItsMovedDueAfterAPauseIsNotLate() {
            final CaseAssessment assessment = assess(RECEPTION, supplementRequested("q1", vn("2026-03-04T08:00")),
                supplementReceived("p1", vn("2026-03-06T08:00"), null), resolved("s1", vn("2026-03-12T12:00")));

            assertThat(classificationOf(assessment)).isEqualTo(Classification.ON_TIME);
        }

        @Test
        void aResolutionDuringAnOpenPauseIsJudgedAtTheRequestTime() {
            final CaseAssessment assessment = assess(RECEPTION, supplementRequested("q1", vn("2026-03-05T08:00")),
                resolved("s1", vn("2026-03-20T08:00")));

            final Closing.Resolution resolution = (Closing.Resolution) assessment.closing();
            assertThat(resolution.judgedAt()).isEqualTo(vn("2026-03-05T08:00"));
            assertThat(resolution.at()).isEqualTo(vn("2026-03-20T08:00"));
            assertThat(resolution.classification()).isEqualTo(Classification.EARLY);
        }

        @Test
        void aResolutionDuringAPauseOpenedAfterTheDueIsLate() {
            final CaseAssessment assessment = assess(RECEPTION, supplementRequested("q1", vn("2026-03-11T08:00")),
                resolved("s1", vn("2026-03-12T08:00")));

            assertThat(classificationOf(assessment)).isEqualTo(Classification.LATE);
        }

        @Test
        void theVietnamDateDecidesWhenTheUtcDatesDiffer() {
            // r = 03-04 18:00 UTC (03-05 01:00 in Vietnam), d = 03-05 10:00 UTC (03-05 17:00): one local date.
            final CaseReceived reception = received("r1", RECEIVED_AT, Instant.parse("2026-03-05T10:00:00Z"));

            final CaseAssessment assessment = assess(reception, resolved("s1", Instant.parse("2026-03-04T18:00:00Z")));

            assertThat(classificationOf(assessment)).isEqualTo(Classification.ON_TIME);
        }

        @Test
        void theVietnamDateDecidesWhenTheUtcDatesAgree() {
            // r = 03-04 16:30 UTC (03-04 23:30 in Vietnam), d = 03-04 17:30 UTC (03-05 00:30): two local dates.
            final CaseReceived reception = received("r1", RECEIVED_AT, Instant.parse("2026-03-04T17:30:00Z"));

            final CaseAssessment assessment = assess(reception, resolved("s1", Instant.parse("2026-03-04T16:30:00Z")));

            assertThat(classificationOf(assessment)).isEqualTo(Classification.EARLY);
        }
    }

    @Nested
    class OpenCases {

        @Test
        void aReceivedCaseBeforeItsDueIsInProgress() {
            final CaseAssessment assessment = assess(RECEPTION);

            assertThat(assessment.isOpen()).isTrue();
            assertThat(assessment.statusAt(vn("2026-03-05T10:00"))).isEqualTo(CaseStatus.IN_PROGRESS);
        }

        @Test
        void anOpenCaseExactlyAtItsDueIsNotOverdue() {
            assertThat(assess(RECEPTION).isOverdueAt(DUE)).isFalse();
        }

        @Test
        void anOpenCasePastItsDueIsOverdue() {
            final CaseAssessment assessment = assess(RECEPTION);

            assertThat(assessment.isOverdueAt(DUE.plusSeconds(1))).isTrue();
            assertThat(assessment.statusAt(DUE.plusSeconds(1))).isEqualTo(CaseStatus.OVERDUE);
        }

        @Test
        void aCaseWaitingOnTheCitizenIsNotOverduePastItsDue() {
            final CaseAssessment assessment = assess(RECEPTION, supplementRequested("q1", vn("2026-03-09T08:00")));
            final Instant now = vn("2026-03-20T08:00");

            assertThat(assessment.isWaitingOnCitizen()).isTrue();
            assertThat(assessment.isOverdueAt(now)).isFalse();
            assertThat(assessment.statusAt(now)).isEqualTo(CaseStatus.WAITING_ON_CITIZEN);
        }

        @Test
        void afterTheSupplementTheCaseIsOverdueOnlyPastTheMovedDue() {
            final CaseAssessment assessment = assess(RECEPTION, supplementRequested("q1", vn("2026-03-09T08:00")),
                supplementReceived("p1", vn("2026-03-11T08:00"), null));

            assertThat(assessment.isWaitingOnCitizen()).isFalse();
            assertThat(assessment.isOverdueAt(vn("2026-03-12T17:00"))).isFalse();
            assertThat(assessment.isOverdueAt(vn("2026-03-12T17:01"))).isTrue();
        }

        @Test
        void aResolvedCaseIsNotOpenNorOverdue() {
            final CaseAssessment assessment = assess(RECEPTION, resolved("s1", vn("2026-03-11T08:00")));

            assertThat(assessment.isOpen()).isFalse();
            assertThat(assessment.isOverdueAt(vn("2026-03-20T08:00"))).isFalse();
        }

        @Test
        void aCaseResolvedDuringAnOpenPauseIsNotWaitingOnTheCitizen() {
            final CaseAssessment assessment = assess(RECEPTION, supplementRequested("q1", vn("2026-03-05T08:00")),
                resolved("s1", vn("2026-03-06T08:00")));

            assertThat(assessment.isWaitingOnCitizen()).isFalse();
            assertThat(assessment.statusAt(vn("2026-03-20T08:00"))).isEqualTo(CaseStatus.RESOLVED);
        }

        @Test
        void aWithdrawnCaseIsNotOpenNorOverdue() {
            final CaseAssessment assessment = assess(RECEPTION, withdrawn("w1", vn("2026-03-04T08:00")));

            assertThat(assessment.isOpen()).isFalse();
            assertThat(assessment.isOverdueAt(vn("2026-03-20T08:00"))).isFalse();
        }
    }
}
