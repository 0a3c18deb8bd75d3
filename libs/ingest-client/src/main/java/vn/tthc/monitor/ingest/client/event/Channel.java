package vn.tthc.monitor.ingest.client.event;

/** How a case was submitted (KenhThucHien 1/2/3): tại quầy, trực tuyến, bưu chính. */
public enum Channel {
    COUNTER,
    ONLINE,
    POSTAL
}
