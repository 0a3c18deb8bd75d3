package vn.tthc.monitor.kpi.topology.alerts;

import vn.tthc.monitor.contract.kpi.Scope;
import vn.tthc.monitor.kpi.topology.KpiRowKeyFormat;
import vn.tthc.monitor.kpi.topology.StoreCatalog;

/**
 * Where the alerts of one scope of rows live: the rows judged, the open alerts, the cases counted against each KPI
 * (own rows) or each child's part of the row (subtree rows, for the driving children), and the processors' names.
 */
record AlertScope(Scope scope, String rowsStore, String alertsStore, String driversStore, String childrenStore,
                  String trackName, String writeAlertsName, String writeHistoryName) {

    static final AlertScope OWN = new AlertScope(Scope.OWN, StoreCatalog.KPI_ROWS_STORE, StoreCatalog.KPI_ALERTS_STORE,
        StoreCatalog.KPI_ALERT_DRIVERS_STORE, null, "track-alerts", "write-alerts", "write-alert-history");
    static final AlertScope SUBTREE = new AlertScope(Scope.SUBTREE, StoreCatalog.SUBTREE_ROWS_STORE,
        StoreCatalog.SUBTREE_ALERTS_STORE, null, StoreCatalog.SUBTREE_CHILDREN_STORE, "track-subtree-alerts",
        "write-subtree-alerts", "write-subtree-alert-history");

    /** The alert's key on the topics and in the store, as {@link vn.tthc.monitor.contract.alert.KpiAlert#key()}. */
    String alertKey(final String rowKey, final String kpi) {
        final String key = KpiRowKeyFormat.withKpi(rowKey, kpi);
        return scope == Scope.SUBTREE ? KpiRowKeyFormat.withPart(key, scope.wireName()) : key;
    }

    /** The stores the tracker reads and writes. */
    String[] stores() {
        return driversStore != null ? new String[] {alertsStore, driversStore, rowsStore}
            : new String[] {alertsStore, childrenStore, rowsStore};
    }
}
