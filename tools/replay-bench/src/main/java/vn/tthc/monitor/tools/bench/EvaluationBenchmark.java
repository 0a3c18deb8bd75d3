package vn.tthc.monitor.tools.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import vn.tthc.monitor.contract.alert.AlertKind;
import vn.tthc.monitor.contract.alert.AlertState;
import vn.tthc.monitor.contract.alert.KpiAlert;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.evaluation.EvaluationPeriods;
import vn.tthc.monitor.contract.evaluation.EvaluationReport;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.contract.kpi.Period;
import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.kpi.evaluation.EvaluationHtml;
import vn.tthc.monitor.kpi.evaluation.EvaluationPdf;

/**
 * How long the evaluation of a province's subtree takes to build and render, as kpi-streams does it after its
 * queries: a province over {@code --units} units and {@code --fields} fields (every unit's rows of the quarter,
 * the quarter before and the year before, the province's subtree rows among them) and {@link
 * vn.tthc.monitor.kpi.query.KpiQueryService#MAX_LISTED} ({@code --alerts}) alerts; the report built, its HTML written, its PDF
 * rendered, each timed over {@code --runs} runs after warm-up. The state-store reads are not included.
 */
@CommandLine.Command(name = "bench-evaluation", mixinStandardHelpOptions = true,
    description = "Times the evaluation report (build, HTML, PDF) of a province subtree.")
public final class EvaluationBenchmark implements Callable<Integer> {

    private static final String PROVINCE = "UBND-TINH";

    @CommandLine.Option(names = "--units", defaultValue = "200", description = "units under the province (default 200)")
    int units;

    @CommandLine.Option(names = "--fields", defaultValue = "30", description = "fields of each unit (default 30)")
    int fields;

    @CommandLine.Option(names = "--runs", defaultValue = "10", description = "timed runs after 3 warm-up runs (default 10)")
    int runs;

    @CommandLine.Option(names = "--alerts", defaultValue = "1000",
        description = "alerts among all units (default 1000, the most the alerts query lists)")
    int alertCount;

    @CommandLine.Option(names = "--output", description = "also write the last PDF to this file (docs/evaluation-sample.pdf)")
    java.nio.file.Path output;

    public static void main(final String[] args) {
        System.exit(new CommandLine(new EvaluationBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws java.io.IOException {
        final Period quarter = Period.parse("2026-Q3");
        final List<Period> periods = List.of(quarter, EvaluationPeriods.previous(quarter).orElseThrow(),
            EvaluationPeriods.yearBefore(quarter).orElseThrow());
        final Map<KpiRowKey, KpiCounters> rows = new HashMap<>();
        final List<KpiAlert> alerts = new ArrayList<>();
        for (int u = 0; u <= units; u++) {
            final String unit = u == 0 ? PROVINCE : "UBND-XA-" + u;
            for (int f = 0; f <= fields; f++) {
                final String field = f == 0 ? KpiRowKey.ALL_FIELDS : "LINH_VUC_" + f;
                for (final Period period : periods) {
                    final long scale = u == 0 ? units : 1;
                    rows.put(new KpiRowKey(unit, field, period.toString()), new KpiCounters(100 * scale, 60 * scale,
                        80 * scale, 55 * scale, 90 * scale, 40 * scale, 45 * scale, (5 + f % 7) * scale, 2 * scale, scale,
                        30 * scale, (28 + f % 3) * scale, 10 * scale, (9 + f % 2) * scale));
                }
            }
        }
        final Instant raised = quarter.end().minusSeconds(86_400L * 30);
        for (int a = 0; a < alertCount; a++) {
            final String unit = a % 5 == 0 ? PROVINCE : "UBND-XA-" + (1 + a % units);
            alerts.add(new KpiAlert(unit, "LINH_VUC_" + (1 + a % fields), quarter.toString(), "onTimeRate",
                a % 3 == 0 ? AlertState.RESOLVED : AlertState.RAISED, true, 0.9, 0.98, 100, 20, -3L, List.of(),
                raised.plusSeconds(a * 60L), raised.plusSeconds(a * 60L + 3600), unit.equals(PROVINCE) ? Scope.SUBTREE
                : Scope.OWN, a % 4 == 0 ? AlertKind.AT_RISK : AlertKind.BREACH, null, null, null, null, List.of(), List.of()));
        }
        final Targets targets = Targets.sectionThreeDefaults();
        final WorkingCalendar calendar = WorkingCalendar.vietnam();
        final long[] build = new long[runs];
        final long[] html = new long[runs];
        final long[] pdf = new long[runs];
        int objectives = 0;
        byte[] last = new byte[0];
        for (int run = -3; run < runs; run++) {
            final long t0 = System.nanoTime();
            final EvaluationReport report = EvaluationReport.of(PROVINCE, "UBND tỉnh", Scope.SUBTREE, quarter, rows, targets,
                alerts, false, Instant.now(), calendar);
            final long t1 = System.nanoTime();
            final String page = EvaluationHtml.render(report);
            final long t2 = System.nanoTime();
            final byte[] document = EvaluationPdf.render(page);
            final long t3 = System.nanoTime();
            if (run >= 0) {
                build[run] = t1 - t0;
                html[run] = t2 - t1;
                pdf[run] = t3 - t2;
            }
            objectives = report.objectives().size();
            last = document;
        }
        System.out.printf(Locale.ROOT, "evaluation of %s (subtree of %d units, %d fields, %d rows, %d alerts): %d objectives,"
                + " PDF %d bytes%n", PROVINCE, units, fields, rows.size(), alerts.size(), objectives, last.length);
        System.out.printf(Locale.ROOT, "median of %d runs: build %.1f ms, HTML %.1f ms, PDF %.1f ms; slowest HTML+build %.1f ms,"
            + " slowest build+HTML+PDF %.1f ms%n", runs, median(build), median(html), median(pdf),
            slowest(build, html, null), slowest(build, html, pdf));
        if (output != null) {
            java.nio.file.Files.write(output, last);
        }
        return 0;
    }

    private static double median(final long[] nanos) {
        final long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static double slowest(final long[] a, final long[] b, final long[] c) {
        long max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, a[i] + b[i] + (c == null ? 0 : c[i]));
        }
        return max / 1e6;
    }
}
