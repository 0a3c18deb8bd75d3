package vn.tthc.monitor.kpi.topology;

import java.time.Duration;
import vn.tthc.monitor.contract.cases.DueSoonWindow;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.kpi.topology.duplicates.DuplicateSettings;
import vn.tthc.monitor.kpi.topology.forecast.ForecastSettings;
import vn.tthc.monitor.kpi.topology.verdicts.VerdictSettings;

/**
 * What the pipeline needs besides its topics.
 *
 * @param targets             the targets the KPI rows and alerts are judged against
 * @param emitInterval        how often changed KPI rows are written to the KPI rows topic
 * @param alertUpdateInterval how often an open alert whose row changed is judged again and written as UPDATED
 * @param dueSoonWindow       when an open case becomes due soon
 * @param watchInterval       how often the wall clock is checked for due-soon and overdue cases
 * @param watchGrace          how long after an event a case already due soon or overdue is warned about
 * @param forecast            the end-of-period forecast and its AT_RISK alerts
 * @param verdicts            when rows become final, and how often verdicts and corrections are written
 * @param duplicates          how long the cross-key duplicate check keeps event ids
 */
public record PipelineSettings(Targets targets, Duration emitInterval, Duration alertUpdateInterval,
                               DueSoonWindow dueSoonWindow, Duration watchInterval, Duration watchGrace,
                               ForecastSettings forecast, VerdictSettings verdicts, DuplicateSettings duplicates) {

    /** With the duplicate check's defaults ({@link DuplicateSettings#DEFAULTS}). */
    public PipelineSettings(final Targets targets, final Duration emitInterval, final Duration alertUpdateInterval,
                            final DueSoonWindow dueSoonWindow, final Duration watchInterval, final Duration watchGrace,
                            final ForecastSettings forecast, final VerdictSettings verdicts) {
        this(targets, emitInterval, alertUpdateInterval, dueSoonWindow, watchInterval, watchGrace, forecast, verdicts,
            DuplicateSettings.DEFAULTS);
    }

    /** With the verdicts' defaults ({@link VerdictSettings#DEFAULTS}). */
    public PipelineSettings(final Targets targets, final Duration emitInterval, final Duration alertUpdateInterval,
                            final DueSoonWindow dueSoonWindow, final Duration watchInterval, final Duration watchGrace,
                            final ForecastSettings forecast) {
        this(targets, emitInterval, alertUpdateInterval, dueSoonWindow, watchInterval, watchGrace, forecast,
            VerdictSettings.DEFAULTS);
    }

    /** With the forecast's defaults ({@link ForecastSettings#DEFAULTS}). */
    public PipelineSettings(final Targets targets, final Duration emitInterval, final Duration alertUpdateInterval,
                            final DueSoonWindow dueSoonWindow, final Duration watchInterval, final Duration watchGrace) {
        this(targets, emitInterval, alertUpdateInterval, dueSoonWindow, watchInterval, watchGrace, ForecastSettings.DEFAULTS);
    }
}
