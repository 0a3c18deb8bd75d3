package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.Rating;
import vn.tthc.monitor.contract.event.SurveySubmitted;
import vn.tthc.monitor.kpi.topology.duplicates.DuplicateSettings;
import vn.tthc.monitor.testing.TestDirectories;

/**
 * Issue 18 point 4: {@code event-ids-store} keeps an id for {@code tthc.duplicates.event-id-retention} after its first
 * delivery, so under constant traffic it stops growing once the retention is reached; a repeat under another key
 * older than the retention is counted, and counted apart as an unverified id, never silently; a repeat under the same
 * key is still caught by the entity's history.
 */
class EventIdRetentionTest {

    private static final Instant START = Instant.parse("2026-03-02T01:00:00Z");
    private static final Duration RETENTION = Duration.ofHours(1);
    private static final int PER_MINUTE = 10;

    @ParameterizedTest(name = "purging {0} ids at a time")
    @ValueSource(ints = {1_000, 100})
    void theStoreStopsGrowingOnceTheRetentionIsReached(final int purgeBatch) {
        final DuplicateSettings settings = new DuplicateSettings(RETENTION, Duration.ofMinutes(1), purgeBatch);
        final List<Long> sizes = new ArrayList<>();
        try (PipelineDriver pipeline = PipelineDriver.withDuplicates(settings, START, task())) {
            for (int minute = 0; minute < 240; minute++) {
                for (int i = 0; i < PER_MINUTE; i++) {
                    pipeline.sendKeyed(survey("v-" + minute + "-" + i, "UNIT-" + i, START.plus(Duration.ofMinutes(minute))));
                }
                pipeline.advanceWallClock(Duration.ofMinutes(1));
                sizes.add(pipeline.eventIdsStored());
            }
            // a cycle through the store takes (ids / batch) purges: an id is gone at most that many minutes after the retention
            final long cycle = (PER_MINUTE * 70L + purgeBatch - 1) / purgeBatch;
            final long bound = PER_MINUTE * (RETENTION.toMinutes() + cycle + 1) + 1;
            assertThat(sizes.subList(0, 50)).as("growing until the retention").isSorted();
            assertThat(sizes.get(49)).isEqualTo(PER_MINUTE * 50L);
            assertThat(sizes.subList(90, 240)).as("bounded once the retention is reached")
                .allSatisfy(size -> assertThat(size).isBetween(PER_MINUTE * RETENTION.toMinutes(), bound));
            assertThat(maximum(sizes.subList(165, 240))).as("no longer growing").isLessThanOrEqualTo(maximum(sizes.subList(90, 165)));
            // every delivery counted once, none taken for a possible repeat: each occurred after the ids purged
            assertThat(pipeline.acceptedCount()).isEqualTo(PER_MINUTE * 240L);
            assertThat(pipeline.duplicateCount()).isZero();
            assertThat(pipeline.unverifiedIdCount()).isZero();
        }
    }

    @Test
    void aRepeatUnderAnotherKeyWithinTheRetentionIsTakenOut() {
        try (PipelineDriver pipeline = PipelineDriver.withDuplicates(shortRetention(), START, task())) {
            pipeline.sendKeyed(received("r1", "C1"));
            pipeline.sendKeyed(received("r2", "C2"));
            pipeline.sendKeyed(resolved("s1", "C1"));
            pipeline.advanceWallClock(Duration.ofMinutes(50));

            pipeline.sendKeyed(resolved("s1", "C2"));

            assertThat(resolvedCases(pipeline)).isEqualTo(1);
            assertThat(pipeline.duplicateCount()).isEqualTo(1);
            assertThat(pipeline.unverifiedIdCount()).isZero();
        }
    }

    @Test
    void aRepeatUnderAnotherKeyOlderThanTheRetentionCountsAndIsCountedUnverified() {
        try (PipelineDriver pipeline = PipelineDriver.withDuplicates(shortRetention(), START, task())) {
            pipeline.sendKeyed(received("r1", "C1"));
            pipeline.sendKeyed(received("r2", "C2"));
            pipeline.sendKeyed(resolved("s1", "C1"));
            pipeline.advanceWallClock(Duration.ofMinutes(70));
            assertThat(pipeline.eventIdsStored()).as("the three ids purged, the purge's own key kept").isEqualTo(1);

            pipeline.sendKeyed(resolved("s1", "C2"));
            // a fresh event of the same moment is no candidate: it occurred after every id purged
            pipeline.sendKeyed(survey("v1", "UNIT-A", START.plus(Duration.ofMinutes(70))));

            assertThat(resolvedCases(pipeline)).as("counted: it cannot be told from a late event").isEqualTo(2);
            assertThat(pipeline.duplicateCount()).isZero();
            assertThat(pipeline.unverifiedIdCount()).as("but counted apart, not silently").isEqualTo(1);
        }
    }

    @Test
    void aRepeatUnderTheSameKeyOlderThanTheRetentionIsStillADuplicate() {
        try (PipelineDriver pipeline = PipelineDriver.withDuplicates(shortRetention(), START, task())) {
            pipeline.sendKeyed(received("r1", "C1"));
            pipeline.sendKeyed(resolved("s1", "C1"));
            pipeline.advanceWallClock(Duration.ofMinutes(70));

            pipeline.sendKeyed(resolved("s1", "C1"));

            assertThat(resolvedCases(pipeline)).isEqualTo(1);
            assertThat(pipeline.duplicateCount()).as("the case's history holds its ids").isEqualTo(1);
            assertThat(pipeline.unverifiedIdCount()).isZero();
        }
    }

    @Test
    void aRestartKeepsThePurgedIdsPurgedAndTheirRepeatsUnverified() {
        try (PipelineDriver pipeline = PipelineDriver.withDuplicates(shortRetention(), START, task())) {
            pipeline.sendKeyed(received("r1", "C1"));
            pipeline.sendKeyed(received("r2", "C2"));
            pipeline.sendKeyed(resolved("s1", "C1"));
            pipeline.advanceWallClock(Duration.ofMinutes(70));

            try (PipelineDriver restarted = pipeline.restarted()) {
                assertThat(restarted.eventIdsStored()).isEqualTo(1);

                restarted.sendKeyed(resolved("s1", "C2"));

                assertThat(resolvedCases(restarted)).isEqualTo(2);
                assertThat(restarted.unverifiedIdCount()).isEqualTo(1);
            }
        }
    }

    private static DuplicateSettings shortRetention() {
        return new DuplicateSettings(RETENTION, Duration.ofMinutes(1), 1_000);
    }

    private static Path task() {
        return TestDirectories.fresh("event-id-retention").resolve("0_0");
    }

    private static long maximum(final List<Long> sizes) {
        return sizes.stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    /** The resolved cases of the month's all-fields rows, over both units. */
    private static long resolvedCases(final PipelineDriver pipeline) {
        return pipeline.rows().entrySet().stream()
            .filter(row -> row.getKey().fieldId().equals("*") && row.getKey().period().equals("2026-03"))
            .mapToLong(row -> row.getValue().resolved()).sum();
    }

    private static CaseReceived received(final String eventId, final String caseId) {
        return new CaseReceived(eventId, START, null, caseId, "UNIT-" + caseId, "HO_TICH", "1.004227", Channel.ONLINE, true,
            START.plus(Duration.ofDays(5)));
    }

    private static CaseResolved resolved(final String eventId, final String caseId) {
        return new CaseResolved(eventId, START.plus(Duration.ofMinutes(5)), null, caseId, CaseResult.APPROVED);
    }

    private static SurveySubmitted survey(final String eventId, final String unitId, final Instant at) {
        return new SurveySubmitted(eventId, at, null, unitId, null, null, Rating.SATISFIED);
    }
}
