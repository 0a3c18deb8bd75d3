package vn.tthc.monitor.notifier.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The topics the notifier reads and writes ({@code tthc.topics.*}, the same names and environment
 * variables as kpi-streams).
 *
 * @param alerts            the compacted topic of alerts (latest state per KPI row and KPI)
 * @param caseWarnings      OVERDUE and DUE_SOON warnings of open cases
 * @param verdictReports    the compacted topic of verdicts with their evaluation reports (kpi-streams' archive),
 *                          created (compacted, one partition) when still missing once kpi-streams' topics exist
 * @param correctiveActions the corrective actions' events (kpi-streams creates it): an action past its due date while
 *                          its alert is open goes to the heads of the unit above
 * @param notifications     the notifier's ledger of what has been told (compacted, created when missing)
 * @param replicationFactor replication factor of the ledger topic when created here
 */
@ConfigurationProperties("tthc.topics")
public record TopicsConfiguration(@Bindable(defaultValue = "tthc-kpi-alerts") String alerts,
                                  @Bindable(defaultValue = "tthc-case-warnings") String caseWarnings,
                                  @Bindable(defaultValue = "tthc-verdict-reports") String verdictReports,
                                  @Bindable(defaultValue = "tthc-corrective-actions") String correctiveActions,
                                  @Bindable(defaultValue = "tthc-notifications") String notifications,
                                  @Bindable(defaultValue = "1") short replicationFactor) {
}
