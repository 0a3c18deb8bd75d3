package vn.tthc.monitor.kpi.topology.serde;

import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.readInstant;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.readNullableInstant;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.readNullableString;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.readString;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.writeInstant;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.writeNullableInstant;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.writeNullableString;
import static vn.tthc.monitor.kpi.topology.serde.BinaryFields.writeString;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import vn.tthc.monitor.contract.event.CaseEvent;
import vn.tthc.monitor.contract.event.CaseExtended;
import vn.tthc.monitor.contract.event.CaseReceived;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.CaseReturned;
import vn.tthc.monitor.contract.event.CaseWithdrawn;
import vn.tthc.monitor.contract.event.Channel;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.EventType;
import vn.tthc.monitor.contract.event.FeedbackEvent;
import vn.tthc.monitor.contract.event.FeedbackReceived;
import vn.tthc.monitor.contract.event.FeedbackResolved;
import vn.tthc.monitor.contract.event.Rating;
import vn.tthc.monitor.contract.event.SupplementReceived;
import vn.tthc.monitor.contract.event.SupplementRequested;
import vn.tthc.monitor.contract.event.SurveySubmitted;

/**
 * The binary form of a valid event, on the cross-key duplicate check's repartition topics and, as
 * {@link #writeEvent} without a version byte of its own, inside the histories of the history stores:
 * version 1 is the type, eventId, occurredAt, the nullable source, the entity id, then the fields of
 * the type. It is shared by those two stages, as the event type is the contract's.
 */
public final class EventSerde extends BinarySerde<Event> {

    private static final byte VERSION = 1;
    private static final EventType[] TYPES = EventType.values();

    public EventSerde() {
        super("event", VERSION);
    }

    @Override
    protected void write(final DataOutputStream out, final Event event) throws IOException {
        writeEvent(out, event);
    }

    @Override
    protected Event read(final DataInputStream in) throws IOException {
        return readEvent(in);
    }

    /** The fields of an event in version 1, also nested in a history's form (a new event version is a new history version too). */
    public static void writeEvent(final DataOutputStream out, final Event event) throws IOException {
        out.writeByte(event.type().ordinal());
        writeString(out, event.eventId());
        writeInstant(out, event.occurredAt());
        writeNullableString(out, event.source());
        if (event instanceof CaseEvent caseEvent) {
            writeString(out, caseEvent.caseId());
        }
        if (event instanceof FeedbackEvent feedbackEvent) {
            writeString(out, feedbackEvent.feedbackId());
        }
        if (event instanceof CaseReceived e) {
            writeString(out, e.unitId());
            writeString(out, e.fieldId());
            writeString(out, e.procedureId());
            out.writeByte(e.channel().ordinal());
            out.writeBoolean(e.onlineEligible());
            writeInstant(out, e.dueAt());
        } else if (event instanceof SupplementReceived e) {
            writeNullableInstant(out, e.dueAt());
        } else if (event instanceof CaseExtended e) {
            writeInstant(out, e.dueAt());
        } else if (event instanceof CaseResolved e) {
            out.writeByte(e.result().ordinal());
        } else if (event instanceof SurveySubmitted e) {
            writeString(out, e.unitId());
            writeNullableString(out, e.fieldId());
            writeNullableString(out, e.caseId());
            out.writeByte(e.rating().ordinal());
        } else if (event instanceof FeedbackReceived e) {
            writeString(out, e.unitId());
            writeInstant(out, e.dueAt());
        }
    }

    /** Reads what {@link #writeEvent} wrote. */
    public static Event readEvent(final DataInputStream in) throws IOException {
        final EventType type = TYPES[in.readByte()];
        final String id = readString(in);
        final Instant at = readInstant(in);
        final String source = readNullableString(in);
        return switch (type) {
            case CASE_RECEIVED -> new CaseReceived(id, at, source, readString(in), readString(in), readString(in),
                readString(in), Channel.values()[in.readByte()], in.readBoolean(), readInstant(in));
            case CASE_SUPPLEMENT_REQUESTED -> new SupplementRequested(id, at, source, readString(in));
            case CASE_SUPPLEMENT_RECEIVED -> new SupplementReceived(id, at, source, readString(in), readNullableInstant(in));
            case CASE_EXTENDED -> new CaseExtended(id, at, source, readString(in), readInstant(in));
            case CASE_RESOLVED -> new CaseResolved(id, at, source, readString(in), CaseResult.values()[in.readByte()]);
            case CASE_WITHDRAWN -> new CaseWithdrawn(id, at, source, readString(in));
            case CASE_RETURNED -> new CaseReturned(id, at, source, readString(in));
            case SURVEY_SUBMITTED -> new SurveySubmitted(id, at, source, readString(in), readNullableString(in),
                readNullableString(in), Rating.values()[in.readByte()]);
            case FEEDBACK_RECEIVED -> new FeedbackReceived(id, at, source, readString(in), readString(in), readInstant(in));
            case FEEDBACK_RESOLVED -> new FeedbackResolved(id, at, source, readString(in));
        };
    }
}
