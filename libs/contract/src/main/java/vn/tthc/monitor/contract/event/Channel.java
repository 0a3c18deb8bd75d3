package vn.tthc.monitor.contract.event;

/** How a case was submitted (KenhThucHien 1/2/3). */
public enum Channel {
    COUNTER,
    ONLINE,
    POSTAL
}
