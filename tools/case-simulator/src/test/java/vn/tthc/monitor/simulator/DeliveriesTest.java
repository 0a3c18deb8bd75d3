package vn.tthc.monitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.ParseResult;
import vn.tthc.monitor.simulator.sink.Delivery;
import vn.tthc.monitor.simulator.testing.Configs;

/** 100,000 deliveries of the sample province with 3 % re-deliveries and 1 % broken lines, read back through the contract. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveriesTest {

    private static final int DELIVERIES = 100_000;
    private static final double DUPLICATES = 0.03;
    private static final double BROKEN = 0.01;

    private final List<Delivery> sent = new ArrayList<>();
    private Deliveries deliveries;

    @BeforeAll
    void deliver() {
        deliveries = deliveries(DUPLICATES, BROKEN, 11);
        for (int n = 0; n < DELIVERIES; n++) {
            sent.add(deliveries.next().delivery());
        }
    }

    @Test
    void theSharesOfReDeliveriesAndBrokenLinesAreMet() {
        final long broken = sent.stream().filter(Delivery.Broken.class::isInstance).count();
        final Set<String> seen = new HashSet<>();
        final long repeated = sent.stream().filter(Delivery.Valid.class::isInstance)
            .filter(delivery -> !seen.add(((Delivery.Valid) delivery).event().eventId())).count();

        assertThat((double) repeated / DELIVERIES).isCloseTo(DUPLICATES, within(0.002));
        assertThat((double) broken / DELIVERIES).isCloseTo(BROKEN, within(0.001));
        assertThat(deliveries.duplicates()).isEqualTo(repeated);
        assertThat(deliveries.broken()).isEqualTo(broken);
    }

    @Test
    void everyBrokenLineIsRejectedByTheContractsParserWithAReason() {
        final List<Delivery.Broken> broken = sent.stream().filter(Delivery.Broken.class::isInstance)
            .map(Delivery.Broken.class::cast).toList();

        assertThat(broken).isNotEmpty().allSatisfy(line -> {
            final ParseResult parsed = EventParser.parse(line.json());
            assertThat(parsed).as(new String(line.json(), StandardCharsets.UTF_8)).isInstanceOf(ParseResult.Rejected.class);
            assertThat(((ParseResult.Rejected) parsed).reason()).isNotBlank();
        });
        assertThat(broken).extracting(Delivery.Broken::variety).containsOnly(names(Deliveries.Breakage.values()));
    }

    @Test
    void theBrokenLinesAreOfSeveralKindsTheContractNames() {
        final Set<String> reasons = new TreeSet<>();
        sent.stream().filter(Delivery.Broken.class::isInstance)
            .map(line -> ((ParseResult.Rejected) EventParser.parse(line.json())).reason())
            .forEach(reason -> reasons.add(kindOf(reason)));

        assertThat(reasons).containsExactlyInAnyOrder("not valid JSON", "missing required field", "unknown type",
            "outside its enumeration", "timestamp without offset", "wrong JSON type");
    }

    @Test
    void everyReDeliveryRepeatsAnEarlierEventWithTheSameBytes() {
        final Map<String, byte[]> first = new HashMap<>();
        int repeated = 0;
        for (final Delivery delivery : sent) {
            if (delivery instanceof Delivery.Valid valid) {
                assertThat(EventParser.parse(valid.json())).isInstanceOf(ParseResult.Valid.class);
                final byte[] earlier = first.putIfAbsent(valid.event().eventId(), valid.json());
                if (earlier != null) {
                    assertThat(valid.json()).isEqualTo(earlier);
                    repeated++;
                }
            }
        }
        assertThat(repeated).isPositive();
    }

    @Test
    void theSameSeedGivesTheSameDeliveries() {
        final Deliveries again = deliveries(DUPLICATES, BROKEN, 11);

        for (final Delivery delivery : sent.subList(0, 5_000)) {
            assertThat(again.next().delivery().json()).isEqualTo(delivery.json());
        }
    }

    @Test
    void withoutFaultsTheDeliveriesAreTheStreamsEvents() {
        final Deliveries faultless = deliveries(0, 0, 11);
        final EventStream stream = stream(11);

        for (int n = 0; n < 5_000; n++) {
            assertThat(((Delivery.Valid) faultless.next().delivery()).event()).isEqualTo(stream.next().event());
        }
    }

    @Test
    void refusesSharesThatLeaveNoRoomForEvents() {
        assertThatThrownBy(() -> deliveries(0.6, 0.4, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> deliveries(-0.1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Deliveries deliveries(final double duplicates, final double broken, final long seed) {
        return new Deliveries(stream(seed), duplicates, broken, seed);
    }

    private static EventStream stream(final long seed) {
        final OfficeHours officeHours = new OfficeHours(Configs.sample().officeHours(), WorkingCalendar.vietnam());
        return new EventStream(new Province(Configs.sample()), officeHours,
            Timeline.realTime(Instant.parse("2026-03-02T00:00:00+07:00")), seed, 3000, "faults");
    }

    private static String kindOf(final String reason) {
        if (reason.startsWith("not valid JSON")) {
            return "not valid JSON";
        }
        if (reason.startsWith("missing required field")) {
            return "missing required field";
        }
        if (reason.startsWith("unknown type")) {
            return "unknown type";
        }
        if (reason.contains("must be one of")) {
            return "outside its enumeration";
        }
        if (reason.contains("timestamp with offset")) {
            return "timestamp without offset";
        }
        if (reason.contains("was a JSON")) {
            return "wrong JSON type";
        }
        return reason;
    }

    private static String[] names(final Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
