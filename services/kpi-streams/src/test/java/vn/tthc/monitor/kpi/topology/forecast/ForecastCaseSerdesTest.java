package vn.tthc.monitor.kpi.topology.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.kpi.ForecastCase;
import vn.tthc.monitor.kpi.topology.serde.JacksonSerde;

/**
 * The forecast's binary serdes read back what they write, identifiers of 128 code points of 4 UTF-8 bytes and absent
 * optional fields included, and read the JSON written before by {@link JacksonSerde} into the same values (the pinned
 * bytes: StateCompatibilityTest); the sizes of a typical value, with identifiers shaped as the national portal's,
 * in JSON before and in binary now.
 */
class ForecastCaseSerdesTest {

    /** 128 code points, 4 bytes each in UTF-8: the largest identifier the parser accepts. */
    private static final String LONGEST_ID = "😀".repeat(128);
    private static final String CASE = "000.00.17.H29-260302-0001";
    private static final Instant AT = Instant.parse("2026-03-02T01:15:00Z");
    private static final Instant DUE = AT.plus(Duration.ofDays(5));

    @Test
    void anOpenCaseIsReadBackFromBinaryAndFromTheJsonBefore() {
        for (final ForecastCase open : new ForecastCase[] {
            new ForecastCase(LONGEST_ID, Instant.parse("2099-12-31T16:59:59.999999999Z"), true, AT),
            new ForecastCase("", Instant.EPOCH.minusNanos(1), false, null)}) {
            assertReadBack(new ForecastCaseSerde(), JacksonSerde.json(ForecastCase.class), open);
        }
    }

    @Test
    void aChangeOfAnOpenCaseIsReadBackFromBinaryAndFromTheJsonBefore() {
        for (final ForecastCaseUpdate update : new ForecastCaseUpdate[] {
            new ForecastCaseUpdate(LONGEST_ID, LONGEST_ID, DUE, true, true, false, AT),
            new ForecastCaseUpdate(CASE, "HO_TICH", DUE, false, true, false),
            ForecastCaseUpdate.closed(LONGEST_ID, LONGEST_ID, true),
            ForecastCaseUpdate.closed(CASE, "HO_TICH", false)}) {
            assertReadBack(new ForecastCaseUpdateSerde(), JacksonSerde.json(ForecastCaseUpdate.class), update);
        }
    }

    @Test
    void anOpenCaseTakes41BytesInsteadOf137AndItsOpeningOnTheRepartition52InsteadOf197() {
        final ForecastCase open = new ForecastCase(CASE, DUE, false, AT);
        assertThat(size(JacksonSerde.json(ForecastCase.class), open)).isEqualTo(137);
        assertThat(size(new ForecastCaseSerde(), open)).isEqualTo(41);
        final ForecastCaseUpdate opening = new ForecastCaseUpdate(CASE, "HO_TICH", DUE, false, true, false, AT);
        assertThat(size(JacksonSerde.json(ForecastCaseUpdate.class), opening)).isEqualTo(197);
        assertThat(size(new ForecastCaseUpdateSerde(), opening)).isEqualTo(52);
        final ForecastCaseUpdate closing = ForecastCaseUpdate.closed(CASE, "HO_TICH", true);
        assertThat(size(JacksonSerde.json(ForecastCaseUpdate.class), closing)).isEqualTo(123);
        assertThat(size(new ForecastCaseUpdateSerde(), closing)).isEqualTo(40);
    }

    private static <T> void assertReadBack(final Serde<T> serde, final Serde<T> jsonBefore, final T value) {
        final byte[] binary = serde.serializer().serialize("t", value);
        assertThat(binary[0]).as("the version written").isEqualTo((byte) 1);
        assertThat(serde.deserializer().deserialize("t", binary)).as("read from binary").isEqualTo(value);
        assertThat(serde.deserializer().deserialize("t", jsonBefore.serializer().serialize("t", value)))
            .as("read from the JSON before").isEqualTo(value);
    }

    private static <T> int size(final Serde<T> serde, final T value) {
        return serde.serializer().serialize("t", value).length;
    }
}
