package vn.tthc.monitor.contract.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;

/**
 * Due-soon windows of any length the settings accept (a duration up to {@link Long#MAX_VALUE} seconds, any
 * number of working days) open at or before any due time without an exception: a window longer than the
 * time before the due time opens at {@link Instant#MIN}; a negative fixed window is refused when it is made.
 */
class DueSoonWindowBoundsTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.vietnam();
    private static final Instant DUE = Instant.parse("2026-11-25T03:00:00Z");
    private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000);

    @Test
    void aFixedWindowLongerThanAllOfTimeOpensAtTheEarliestInstant() {
        assertThat(DueSoonWindow.fixed(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)).opensAt(DUE)).isEqualTo(Instant.MIN);
        assertThat(DueSoonWindow.fixed(Duration.between(Instant.MIN, DUE)).opensAt(DUE)).isEqualTo(Instant.MIN);
        assertThat(DueSoonWindow.fixed(Duration.between(Instant.MIN, DUE).minusNanos(1)).opensAt(DUE))
            .isEqualTo(Instant.MIN.plusNanos(1));
    }

    @Test
    void aNegativeFixedWindowIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> DueSoonWindow.fixed(Duration.ofSeconds(-1)))
            .withMessage("a due-soon window must not be negative, was PT-1S");
    }

    @Property(tries = 2000)
    void aFixedWindowOfAnyLengthOpensItsLengthBeforeTheDueTimeOrAtTheEarliestInstant(
        @ForAll("lengths") final Duration length, @ForAll("anyInstant") final Instant due) {
        final BigInteger opens = nanos(due).subtract(nanos(length));
        final BigInteger nano = opens.mod(BILLION);
        final Instant expected = opens.compareTo(nanos(Instant.MIN)) <= 0 ? Instant.MIN
            : Instant.ofEpochSecond(opens.subtract(nano).divide(BILLION).longValueExact(), nano.longValueExact());
        assertThat(DueSoonWindow.fixed(length).opensAt(due)).isEqualTo(expected);
    }

    @Property(tries = 300)
    void aWindowOfAnyNumberOfWorkingDaysOpensAtOrBeforeTheDueTime(
        @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) final int days, @ForAll("anyInstant") final Instant due) {
        assertThat(DueSoonWindow.workingDays(CALENDAR, days).opensAt(due)).isBeforeOrEqualTo(due);
    }

    @Provide
    Arbitrary<Duration> lengths() {
        final Arbitrary<Long> seconds = Arbitraries.oneOf(Arbitraries.longs().between(0, Long.MAX_VALUE),
            Arbitraries.longs().between(0, 10L * 366 * 86_400), Arbitraries.of(0L, Long.MAX_VALUE,
                Duration.between(Instant.MIN, Instant.MAX).getSeconds()));
        return Combinators.combine(seconds, Arbitraries.of(0, 1, 999_999_999)).as(Duration::ofSeconds);
    }

    @Provide
    Arbitrary<Instant> anyInstant() {
        final Arbitrary<Long> seconds = Arbitraries.oneOf(
            Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
            Arbitraries.longs().between(Instant.parse("2000-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2200-01-01T00:00:00Z").getEpochSecond()),
            Arbitraries.of(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()));
        return Combinators.combine(seconds, Arbitraries.of(0, 1, 999_999_999)).as(Instant::ofEpochSecond);
    }

    private static BigInteger nanos(final Instant instant) {
        return BigInteger.valueOf(instant.getEpochSecond()).multiply(BILLION).add(BigInteger.valueOf(instant.getNano()));
    }

    private static BigInteger nanos(final Duration duration) {
        return BigInteger.valueOf(duration.getSeconds()).multiply(BILLION).add(BigInteger.valueOf(duration.getNano()));
    }
}
