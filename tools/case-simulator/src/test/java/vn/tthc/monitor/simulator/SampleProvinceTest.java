package vn.tthc.monitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.cases.CaseAssessment;
import vn.tthc.monitor.contract.cases.Classification;
import vn.tthc.monitor.contract.cases.Closing;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.ingest.client.event.IngestEvent;
import vn.tthc.monitor.simulator.testing.Configs;
import vn.tthc.monitor.simulator.testing.ContractCases;

/** A month of the shipped sample province, read back through the contract. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleProvinceTest {

    private static final Instant MARCH = SimulatorCommand.DEFAULT_HISTORY_START.toInstant();
    private static final double ON_TIME_TARGET = 0.98;
    private static final int MIN_VOLUME = 20;

    private final List<IngestEvent> events = new ArrayList<>();
    private List<CaseAssessment> cases;

    @BeforeAll
    void simulateMarch() {
        final Province province = new Province(Configs.sample());
        final OfficeHours officeHours = new OfficeHours(Configs.sample().officeHours(), WorkingCalendar.vietnam());
        final EventStream stream = new EventStream(province, officeHours, Timeline.realTime(MARCH), 1, 600, "sample");
        ScheduledEvent event = stream.next();
        while (event.simulatedAt().isBefore(Instant.parse("2026-04-01T00:00:00+07:00"))) {
            events.add(event.event());
            event = stream.next();
        }
        final ContractCases contract = new ContractCases();
        contract.addAll(events);
        cases = contract.assessments();
    }

    @Test
    void everyEventPassesTheContractsParserWithItsKeyAndASource() {
        assertThat(events).hasSizeGreaterThan(30_000).allSatisfy(simulated -> {
            final Event parsed = ContractCases.parse(simulated);
            assertThat(parsed.key()).isEqualTo(simulated.key());
            assertThat(parsed.source()).isEqualTo("motcua-tinh-mau");
        });
    }

    @Test
    void eventsComeInTheOrderTheyHappened() {
        final List<Instant> times = events.stream().map(e -> ContractCases.parse(e).occurredAt()).toList();

        assertThat(times).isSorted();
    }

    @Test
    void everyEventTypeOccurs() {
        assertThat(events.stream().map(IngestEvent::type).distinct()).containsExactlyInAnyOrder("case.received",
            "case.supplement_requested", "case.supplement_received", "case.extended", "case.resolved", "case.returned",
            "case.withdrawn", "survey.submitted", "feedback.received", "feedback.resolved");
    }

    @Test
    void theStrugglingUnitEndsTheMonthBelowItsOnTimeTarget() {
        final Map<LocalDate, Double> rate = cumulativeOnTimeRateByDay("SO-TNMT");

        assertThat(rate.get(LocalDate.of(2026, 3, 31))).isLessThan(ON_TIME_TARGET);
    }

    @Test
    void aUnitWithSlumpsCrossesBelowItsOnTimeTargetAfterBeingAboveIt() {
        final Map<LocalDate, Double> rate = cumulativeOnTimeRateByDay("UBND-P-BAN-CO");

        final LocalDate firstAbove = rate.entrySet().stream().filter(e -> e.getValue() >= ON_TIME_TARGET)
            .map(Map.Entry::getKey).findFirst().orElseThrow();
        assertThat(rate.entrySet().stream().filter(e -> e.getKey().isAfter(firstAbove)))
            .anySatisfy(e -> assertThat(e.getValue()).isLessThan(ON_TIME_TARGET));
    }

    /** The unit's March on-time rate (all fields) at the end of each day, once it has its minimum volume. */
    private Map<LocalDate, Double> cumulativeOnTimeRateByDay(final String unitId) {
        final TreeMap<LocalDate, int[]> byDay = new TreeMap<>();
        for (final CaseAssessment assessment : cases) {
            if (assessment.reception().unitId().equals(unitId) && assessment.closing() instanceof Closing.Resolution resolution) {
                final int[] counts = byDay.computeIfAbsent(VietnamTime.localDate(resolution.at()), d -> new int[2]);
                counts[0]++;
                counts[1] += resolution.classification() == Classification.LATE ? 0 : 1;
            }
        }
        final Map<LocalDate, Double> rates = new TreeMap<>();
        int resolved = 0;
        int inTime = 0;
        for (final Map.Entry<LocalDate, int[]> day : byDay.entrySet()) {
            resolved += day.getValue()[0];
            inTime += day.getValue()[1];
            if (resolved >= MIN_VOLUME && day.getKey().getMonthValue() == 3) {
                rates.put(day.getKey(), inTime / (double) resolved);
            }
        }
        return rates;
    }
}
