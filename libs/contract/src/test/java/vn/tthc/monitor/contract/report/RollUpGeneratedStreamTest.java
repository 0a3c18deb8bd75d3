package vn.tthc.monitor.contract.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.KpiStatus;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.kpi.TargetsFile;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationFile;
import vn.tthc.monitor.contract.testing.InMemoryKpis;

/**
 * EVENTS.md section 6 on a generated stream over a three-level organisation file: the province has cases of
 * its own and children, a district has children of its own, and two units that send events are not in the
 * file. The subtree rows of the report equal sums of its own rows taken here independently of the contract's
 * roll-up (by walking the parents written below), the own rows are those of the report without the file,
 * and the subtree breaches are those of their unit's targets.
 */
class RollUpGeneratedStreamTest {

    /** Each listed unit and its parent ({@code null} for a root): the test's own picture of the tree. */
    private static final Map<String, String> PARENTS = new LinkedHashMap<>();

    static {
        PARENTS.put("UBND-TINH", null);
        PARENTS.put("SO-TNMT", "UBND-TINH");
        PARENTS.put("UBND-HUYEN", "UBND-TINH");
        PARENTS.put("UBND-XA-1", "UBND-HUYEN");
        PARENTS.put("UBND-XA-2", "UBND-HUYEN");
        PARENTS.put("BAN-QL", null);
    }

    private static final List<String> NOT_LISTED = List.of("UBND-XA-MOI", "SO-CHUA-KHAI");
    private static final List<String> FIELDS = List.of("HO_TICH", "DAT_DAI", "DOANH_NGHIEP");
    private static final OffsetDateTime START = OffsetDateTime.of(2026, 5, 1, 8, 0, 0, 0, ZoneOffset.ofHours(7));

    private static final Organisation ORGANISATION = OrganisationFile.parse("""
        units:
          - {id: UBND-TINH, name: UBND tỉnh}
          - {id: SO-TNMT, name: Sở Nông nghiệp và Môi trường, parent: UBND-TINH}
          - {id: UBND-HUYEN, name: UBND huyện, parent: UBND-TINH}
          - {id: UBND-XA-1, name: UBND xã Một, parent: UBND-HUYEN}
          - {id: UBND-XA-2, name: UBND xã Hai, parent: UBND-HUYEN}
          - {id: BAN-QL, name: Ban quản lý}
        """);

    private static final Targets TARGETS = TargetsFile.parse("""
        defaults: {minVolume: 5}
        units: {"UBND-TINH": {onTimeRate: 0.9}, "UBND-HUYEN": {minVolume: 30, satisfactionRate: 0.5}}
        """);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theSubtreeRowsAreTheSumsOfTheOwnRowsOfEachUnitAndItsDescendants(final long seed) {
        final List<String> lines = generated(new Random(seed));

        final KpiReport report = InMemoryKpis.report(lines, TARGETS, ORGANISATION);

        final Map<KpiRowKey, KpiCounters> own = rows(report, Scope.OWN);
        final Map<KpiRowKey, KpiCounters> subtree = rows(report, Scope.SUBTREE);
        assertThat(subtree).isEqualTo(independentSums(own));
        assertThat(own).isEqualTo(rows(InMemoryKpis.report(lines, TARGETS), Scope.OWN));
        assertThat(subtree.keySet()).extracting(KpiRowKey::unitId).containsOnly("UBND-TINH", "UBND-HUYEN");
        assertThat(own.keySet()).extracting(KpiRowKey::unitId).contains("UBND-TINH", "UBND-XA-1", "UBND-XA-MOI", "SO-CHUA-KHAI");
        assertThat(subtree.keySet()).extracting(KpiRowKey::period).contains("2026-H1", "2026-H2");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void theSubtreeBreachesAreThoseOfTheirUnitsTargets(final long seed) {
        final KpiReport report = InMemoryKpis.report(generated(new Random(seed)), TARGETS, ORGANISATION);

        final List<Breach> expected = new ArrayList<>();
        rows(report, Scope.SUBTREE).forEach((key, counters) -> {
            for (final KpiStatus status : TARGETS.statuses(key, counters)) {
                if (status.breached()) {
                    expected.add(Breach.of(key, Scope.SUBTREE, status));
                }
            }
        });
        assertThat(report.breaches().stream().filter(breach -> breach.scope() == Scope.SUBTREE))
            .containsExactlyInAnyOrderElementsOf(expected)
            .isNotEmpty();
    }

    /** The subtree rows by section 6's words, from the test's own parent map. */
    private static Map<KpiRowKey, KpiCounters> independentSums(final Map<KpiRowKey, KpiCounters> own) {
        final Map<KpiRowKey, KpiCounters> sums = new HashMap<>();
        for (final String top : PARENTS.keySet()) {
            if (!PARENTS.containsValue(top)) {
                continue;
            }
            own.forEach((row, counters) -> {
                if (isAtOrUnder(row.unitId(), top)) {
                    sums.merge(new KpiRowKey(top, row.fieldId(), row.period()), counters, KpiCounters::plus);
                }
            });
        }
        sums.values().removeIf(KpiCounters::isZero);
        return sums;
    }

    private static boolean isAtOrUnder(final String unitId, final String top) {
        if (!PARENTS.containsKey(unitId)) {
            return false;
        }
        for (String unit = unitId; unit != null; unit = PARENTS.get(unit)) {
            if (unit.equals(top)) {
                return true;
            }
        }
        return false;
    }

    private static Map<KpiRowKey, KpiCounters> rows(final KpiReport report, final Scope scope) {
        final Map<KpiRowKey, KpiCounters> rows = new HashMap<>();
        report.kpis().stream().filter(row -> row.scope() == scope).forEach(row -> rows.put(row.key(), row.counters()));
        return rows;
    }

    /** About 400 cases, surveys and feedback over May to August 2026, spread over listed and unlisted units. */
    private static List<String> generated(final Random random) {
        final List<String> units = new ArrayList<>(PARENTS.keySet());
        units.addAll(NOT_LISTED);
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            final String unit = units.get(random.nextInt(units.size()));
            final String field = FIELDS.get(random.nextInt(FIELDS.size()));
            final OffsetDateTime at = START.plusHours(random.nextInt(24 * 110));
            switch (random.nextInt(4)) {
                case 0 -> lines.add(line("s" + i, "survey.submitted", at, "\"unitId\": \"" + unit + "\", "
                    + (random.nextBoolean() ? "\"fieldId\": \"" + field + "\", " : "")
                    + "\"rating\": \"" + (random.nextInt(4) == 0 ? "DISSATISFIED" : "SATISFIED") + "\""));
                case 1 -> {
                    lines.add(line("fr" + i, "feedback.received", at, "\"feedbackId\": \"F" + i + "\", \"unitId\": \""
                        + unit + "\", \"dueAt\": \"" + at.plusDays(10) + "\""));
                    lines.add(line("fs" + i, "feedback.resolved", at.plusDays(random.nextInt(14)), "\"feedbackId\": \"F" + i + "\""));
                }
                default -> caseLines(random, i, unit, field, at, lines);
            }
        }
        return lines;
    }

    private static void caseLines(final Random random, final int i, final String unit, final String field,
                                  final OffsetDateTime at, final List<String> lines) {
        final String caseId = "\"caseId\": \"C" + i + "\"";
        final boolean online = random.nextBoolean();
        lines.add(line("r" + i, "case.received", at, caseId + ", \"unitId\": \"" + unit + "\", \"fieldId\": \"" + field
            + "\", \"procedureId\": \"1.00" + i + "\", \"channel\": \"" + (online ? "ONLINE" : "COUNTER")
            + "\", \"onlineEligible\": " + (online || random.nextBoolean()) + ", \"dueAt\": \"" + at.plusDays(7) + "\""));
        final int outcome = random.nextInt(10);
        if (outcome < 7) {
            lines.add(line("d" + i, "case.resolved", at.plusDays(random.nextInt(12)).plusHours(1),
                caseId + ", \"result\": \"APPROVED\""));
        } else if (outcome == 7) {
            lines.add(line("w" + i, "case.withdrawn", at.plusDays(2), caseId));
        }
    }

    private static String line(final String eventId, final String type, final OffsetDateTime at, final String fields) {
        return "{\"eventId\": \"" + eventId + "\", \"type\": \"" + type + "\", \"occurredAt\": \"" + at + "\", " + fields + "}";
    }
}
