package vn.tthc.monitor.ingest.client.event;

/** A citizen's satisfaction rating: rất hài lòng / hài lòng / không hài lòng. */
public enum Rating {
    VERY_SATISFIED,
    SATISFIED,
    DISSATISFIED
}
