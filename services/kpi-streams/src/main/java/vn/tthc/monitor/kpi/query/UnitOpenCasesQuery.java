package vn.tthc.monitor.kpi.query;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.micronaut.context.annotation.Value;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.cases.DueSoonWindow;
import vn.tthc.monitor.contract.cases.OpenCase;
import vn.tthc.monitor.kpi.topology.StoreCatalog;

/**
 * One unit's open cases now, each with where it stands (overdue, due soon, waiting on the citizen, in progress),
 * its effective due time and the working time left until it: the list the console's unit page shows. Bounded as
 * the rest of the query API: its own small pool and time limit ({@code tthc.query.timeout}), at most
 * {@value KpiQueryService#MAX_LISTED} cases (the most urgent first), flagged truncated beyond.
 */
@Singleton
public class UnitOpenCasesQuery {

    /** Where an open case stands now, most urgent first. */
    public enum Standing { OVERDUE, DUE_SOON, IN_PROGRESS, WAITING_ON_CITIZEN }

    /**
     * An open case of a unit.
     *
     * @param remainingWorkingTime working time left until the effective due time, negative when overdue; null while
     *                             waiting on the citizen (the clock stands)
     */
    public record UnitOpenCase(String caseId, String fieldId, String procedureId, Standing standing, Instant effectiveDue,
                               @JsonFormat(shape = JsonFormat.Shape.STRING)
                               @Schema(type = "string", format = "duration", example = "PT18H",
                                   description = "Working time left until the effective due time; negative when overdue,"
                                       + " null while waiting on the citizen")
                               Duration remainingWorkingTime) {
    }

    private static final int THREADS = 2;
    private static final int WAITING = 16;

    private final QueryRunner runner;
    private final KafkaStreams streams;
    private final DueSoonWindow dueSoonWindow;
    private final WorkingCalendar calendar;
    private final Clock clock;

    public UnitOpenCasesQuery(final KafkaStreams streams, final DueSoonWindow dueSoonWindow, final WorkingCalendar calendar,
                              final Clock clock, @Value("${tthc.query.timeout:5s}") final Duration timeout) {
        this.runner = new QueryRunner(THREADS, WAITING, timeout);
        this.streams = streams;
        this.dueSoonWindow = dueSoonWindow;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The unit's open cases, most urgent first (standing, then effective due); not found when it has none. */
    public QueryResult<List<UnitOpenCase>> openCases(final String unitId) {
        return runner.run(() -> {
            if (streams.state() != KafkaStreams.State.RUNNING) {
                return new QueryResult.NotReady<>("Kafka Streams is " + streams.state());
            }
            try {
                return scan(unitId, clock.instant());
            } catch (final InvalidStateStoreException e) {
                return new QueryResult.NotReady<>(e.getMessage());
            }
        });
    }

    private QueryResult<List<UnitOpenCase>> scan(final String unitId, final Instant now) {
        final FirstItems<UnitOpenCase> cases = new FirstItems<>(KpiQueryService.MAX_LISTED,
            Comparator.comparing(UnitOpenCase::standing).thenComparing(UnitOpenCase::effectiveDue)
                .thenComparing(UnitOpenCase::caseId));
        boolean any = false;
        final ReadOnlyKeyValueStore<String, OpenCase> store = streams.store(
            StoreQueryParameters.fromNameAndType(StoreCatalog.OPEN_CASES_STORE, QueryableStoreTypes.keyValueStore()));
        try (KeyValueIterator<String, OpenCase> entries = store.all()) {
            while (entries.hasNext()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("query cancelled at its time limit");
                }
                final KeyValue<String, OpenCase> entry = entries.next();
                final OpenCase open = entry.value;
                if (open.unitId().equals(unitId)) {
                    any = true;
                    cases.add(new UnitOpenCase(open.caseId(), open.fieldId(), open.procedureId(), standing(open, now),
                        open.effectiveDue(),
                        open.waitingOnCitizen() ? null : calendar.workingTimeBetween(now, open.effectiveDue())));
                }
            }
        }
        return any ? cases.found() : new QueryResult.NotFound<>("open cases of unit " + unitId);
    }

    private Standing standing(final OpenCase open, final Instant now) {
        if (open.waitingOnCitizen()) {
            return Standing.WAITING_ON_CITIZEN;
        }
        if (open.isOverdueAt(now)) {
            return Standing.OVERDUE;
        }
        return open.isDueSoonAt(now, dueSoonWindow) ? Standing.DUE_SOON : Standing.IN_PROGRESS;
    }

    @PreDestroy
    void close() {
        runner.close();
    }
}
