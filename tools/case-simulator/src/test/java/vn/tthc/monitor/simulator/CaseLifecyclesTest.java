package vn.tthc.monitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.cases.CaseAssessment;
import vn.tthc.monitor.contract.cases.Classification;
import vn.tthc.monitor.contract.cases.Closing;
import vn.tthc.monitor.contract.event.Rating;
import vn.tthc.monitor.contract.event.SurveySubmitted;
import vn.tthc.monitor.ingest.client.event.IngestEvent;
import vn.tthc.monitor.simulator.testing.Configs;
import vn.tthc.monitor.simulator.testing.ContractCases;

/**
 * The profile's probabilities come out of the contract's rules: over many seeded cases the share of
 * late resolutions, as EVENTS.md section 2 classifies them (supplement pauses included), is the
 * profile's lateness (10 %), and the share of satisfied surveys its satisfaction (90 %).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseLifecyclesTest {

    private static final int CASES = 20_000;
    /** About five standard deviations of a share near 0.1 over 20,000 draws. */
    private static final double TOLERANCE = 0.011;
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    private final Province province = new Province(Configs.oneUnit());
    private final OfficeHours officeHours = new OfficeHours(Configs.oneUnit().officeHours(), WorkingCalendar.vietnam());
    private List<IngestEvent> realTimeEvents;
    private List<CaseAssessment> realTimeCases;

    @BeforeAll
    void simulateInRealTime() {
        realTimeEvents = simulate(Timeline.realTime(START));
        realTimeCases = assess(realTimeEvents);
    }

    @Test
    void aTenPercentLatenessProfileResolvesAboutNinetyPercentOfCasesInTime() {
        assertThat(lateShare(realTimeCases)).isCloseTo(0.10, offset(TOLERANCE));
    }

    @Test
    void theLatenessProfileHoldsOnACompressedTimelineToo() {
        final Timeline minuteDays = new Timeline(START, Instant.parse("2026-11-01T00:00:00Z"), Duration.ofSeconds(60));

        assertThat(lateShare(assess(simulate(minuteDays)))).isCloseTo(0.10, offset(TOLERANCE));
    }

    @Test
    void pausesAndWithdrawalsHappenAtAboutTheirShares() {
        final double paused = realTimeCases.stream().filter(c -> !c.pauses().isEmpty()).count() / (double) CASES;
        final double withdrawn = realTimeCases.stream().filter(c -> c.closing() instanceof Closing.Withdrawal).count()
            / (double) CASES;

        assertThat(paused).isCloseTo(0.3 * 0.98, offset(0.02));
        assertThat(withdrawn).isCloseTo(0.02, offset(0.005));
        assertThat(realTimeCases).hasSize(CASES).allSatisfy(c -> assertThat(c.isOpen()).isFalse());
    }

    @Test
    void aNinetyPercentSatisfactionProfileGivesAboutNinetyPercentSatisfiedSurveys() {
        final List<Rating> ratings = realTimeEvents.stream().map(ContractCases::parse)
            .filter(SurveySubmitted.class::isInstance).map(e -> ((SurveySubmitted) e).rating()).toList();

        assertThat(ratings).hasSizeGreaterThan(CASES / 3);
        assertThat(ratings.stream().filter(r -> r != Rating.DISSATISFIED).count() / (double) ratings.size())
            .isCloseTo(0.90, offset(0.015));
    }

    private List<IngestEvent> simulate(final Timeline timeline) {
        final CaseLifecycles lifecycles = new CaseLifecycles(province, officeHours, timeline, "t");
        final SplittableRandom random = new SplittableRandom(7);
        final List<IngestEvent> events = new ArrayList<>();
        Instant receivedAt = START;
        for (int n = 0; n < CASES; n++) {
            receivedAt = officeHours.plusWorkingTime(receivedAt, Duration.ofMinutes(1));
            lifecycles.caseEvents(n, receivedAt, random.split()).forEach(happening -> events.add(happening.event()));
        }
        return events;
    }

    private static List<CaseAssessment> assess(final List<IngestEvent> events) {
        final ContractCases cases = new ContractCases();
        cases.addAll(events);
        return cases.assessments();
    }

    private static double lateShare(final List<CaseAssessment> cases) {
        final List<Classification> resolved = cases.stream()
            .filter(c -> c.closing() instanceof Closing.Resolution)
            .map(c -> ((Closing.Resolution) c.closing()).classification())
            .toList();
        assertThat(resolved).hasSizeGreaterThan(CASES * 9 / 10);
        return resolved.stream().filter(c -> c == Classification.LATE).count() / (double) resolved.size();
    }
}
