package vn.tthc.monitor.contract.verdict;

import java.time.Instant;

/**
 * A verdict with its archived evaluation report (báo cáo kết quả thực hiện mục tiêu chất lượng) as a PDF: the
 * record of the verdict-reports topic that the notifier mails (key: {@link PeriodVerdict#key()} with the revision
 * appended). The same bytes are served later for the same verdict.
 */
public record VerdictReport(PeriodVerdict verdict, byte[] reportPdf, Instant archivedAt) {
}
