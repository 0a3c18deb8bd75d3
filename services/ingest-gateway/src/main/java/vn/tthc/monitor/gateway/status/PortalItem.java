package vn.tthc.monitor.gateway.status;

/** One item of a sync message: a dossier record or a processing step, each of one case and one status. */
public sealed interface PortalItem permits StatusRecord, ProgressStep {

    String maHoSo();

    int status();
}
