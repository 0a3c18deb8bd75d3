package vn.tthc.monitor.kpi.topology.history;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.utils.ByteUtils;
import vn.tthc.monitor.contract.cases.CaseHistory;
import vn.tthc.monitor.contract.event.CaseEvent;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.FeedbackEvent;
import vn.tthc.monitor.contract.feedback.FeedbackHistory;
import vn.tthc.monitor.kpi.topology.serde.BinaryFields;
import vn.tthc.monitor.kpi.topology.serde.BinarySerde;
import vn.tthc.monitor.kpi.topology.serde.EventSerde;

/**
 * The binary form of an entity's history in its history store, one serde and version per kind of
 * entity: version 1 is the entity's id, the number of events, then each event in the form of
 * {@link EventSerde#writeEvent} (a new version of that form is a new version of the histories too).
 */
public final class HistorySerde<E extends Event, H> extends BinarySerde<H> {

    private static final byte CASE_HISTORY_VERSION = 1;
    private static final byte FEEDBACK_HISTORY_VERSION = 1;

    private final Class<E> eventType;
    private final Function<H, String> id;
    private final Function<H, List<E>> events;
    private final BiFunction<String, List<E>, H> history;

    private HistorySerde(final String type, final byte version, final Class<E> eventType, final Function<H, String> id,
                         final Function<H, List<E>> events, final BiFunction<String, List<E>, H> history) {
        super(type, version);
        this.eventType = eventType;
        this.id = id;
        this.events = events;
        this.history = history;
    }

    /** Of {@code case-histories-store}. */
    public static HistorySerde<CaseEvent, CaseHistory> caseHistories() {
        return new HistorySerde<>("case history", CASE_HISTORY_VERSION, CaseEvent.class, CaseHistory::caseId,
            CaseHistory::events, CaseHistory::new);
    }

    /** Of {@code feedback-histories-store}. */
    public static HistorySerde<FeedbackEvent, FeedbackHistory> feedbackHistories() {
        return new HistorySerde<>("feedback history", FEEDBACK_HISTORY_VERSION, FeedbackEvent.class,
            FeedbackHistory::feedbackId, FeedbackHistory::events, FeedbackHistory::new);
    }

    @Override
    protected void write(final DataOutputStream out, final H value) throws IOException {
        BinaryFields.writeString(out, id.apply(value));
        final List<E> all = events.apply(value);
        ByteUtils.writeVarint(all.size(), out);
        for (final E event : all) {
            EventSerde.writeEvent(out, event);
        }
    }

    @Override
    protected H read(final DataInputStream in) throws IOException {
        final String entityId = BinaryFields.readString(in);
        final int count = ByteUtils.readVarint(in);
        final List<E> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(eventType.cast(EventSerde.readEvent(in)));
        }
        return history.apply(entityId, all);
    }
}
