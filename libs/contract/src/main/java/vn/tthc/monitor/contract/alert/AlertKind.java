package vn.tthc.monitor.contract.alert;

/** What an alert on a KPI says (issue 14): the KPI is below its target, or its period is forecast to end below it. */
public enum AlertKind {
    /** The KPI is below its target now (vượt ngưỡng, "dưới mục tiêu"). */
    BREACH,
    /** The KPI still meets its target, but the end-of-period forecast falls below it ("Dự báo không đạt"). */
    AT_RISK
}
