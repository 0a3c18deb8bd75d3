package vn.tthc.monitor.kpi.topology;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.common.utils.ByteUtils;
import vn.tthc.monitor.contract.cases.CaseHistory;
import vn.tthc.monitor.contract.cases.OpenCase;
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
import vn.tthc.monitor.contract.feedback.FeedbackHistory;
import vn.tthc.monitor.contract.kpi.KpiContribution;
import vn.tthc.monitor.contract.kpi.KpiCounters;
import vn.tthc.monitor.contract.kpi.KpiRowKey;
import vn.tthc.monitor.kpi.topology.alerts.DrivingIds;

/**
 * The compact binary form of the pipeline's internal values, on repartition topics and in
 * stores: a format version byte, then the fields in a fixed order (strings as length-prefixed
 * UTF-8, instants as seconds and nanoseconds, counters as variable-length longs). Measured: the
 * JSON forms took four tenths of the stream threads' time. A new field means a new version
 * byte, read beside the old one.
 */
final class BinaryFormat {

    private static final byte VERSION = 1;
    private static final EventType[] TYPES = EventType.values();

    private BinaryFormat() {
    }

    /** Writes one value. */
    interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    /** Reads one value. */
    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    static <T> byte[] encode(final Writer<T> writer, final T value) {
        final ByteSink bytes = new ByteSink();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writer.write(out, value);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static <T> T decode(final Reader<T> reader, final byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteSource(data))) {
            final byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown binary format version " + version);
            }
            return reader.read(in);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- events

    static void writeEvent(final DataOutputStream out, final Event event) throws IOException {
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

    static Event readEvent(final DataInputStream in) throws IOException {
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

    // --- histories

    static void writeCaseHistory(final DataOutputStream out, final CaseHistory history) throws IOException {
        writeString(out, history.caseId());
        ByteUtils.writeVarint(history.events().size(), out);
        for (final CaseEvent event : history.events()) {
            writeEvent(out, event);
        }
    }

    static CaseHistory readCaseHistory(final DataInputStream in) throws IOException {
        final String caseId = readString(in);
        final int count = ByteUtils.readVarint(in);
        final List<CaseEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add((CaseEvent) readEvent(in));
        }
        return new CaseHistory(caseId, events);
    }

    static void writeFeedbackHistory(final DataOutputStream out, final FeedbackHistory history) throws IOException {
        writeString(out, history.feedbackId());
        ByteUtils.writeVarint(history.events().size(), out);
        for (final FeedbackEvent event : history.events()) {
            writeEvent(out, event);
        }
    }

    static FeedbackHistory readFeedbackHistory(final DataInputStream in) throws IOException {
        final String feedbackId = readString(in);
        final int count = ByteUtils.readVarint(in);
        final List<FeedbackEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add((FeedbackEvent) readEvent(in));
        }
        return new FeedbackHistory(feedbackId, events);
    }

    // --- KPI counters and changes

    static void writeCounters(final DataOutputStream out, final KpiCounters c) throws IOException {
        for (final long value : new long[] {c.received(), c.receivedOnline(), c.onlineEligible(), c.onlineEligibleOnline(),
            c.resolved(), c.early(), c.onTime(), c.late(), c.extended(), c.withdrawn(), c.ratings(), c.satisfied(),
            c.feedbackResolved(), c.feedbackOnTime()}) {
            ByteUtils.writeVarlong(value, out);
        }
    }

    static KpiCounters readCounters(final DataInputStream in) throws IOException {
        return new KpiCounters(ByteUtils.readVarlong(in), ByteUtils.readVarlong(in), ByteUtils.readVarlong(in),
            ByteUtils.readVarlong(in), ByteUtils.readVarlong(in), ByteUtils.readVarlong(in), ByteUtils.readVarlong(in),
            ByteUtils.readVarlong(in), ByteUtils.readVarlong(in), ByteUtils.readVarlong(in), ByteUtils.readVarlong(in),
            ByteUtils.readVarlong(in), ByteUtils.readVarlong(in), ByteUtils.readVarlong(in));
    }

    static void writeContribution(final DataOutputStream out, final KpiContribution contribution) throws IOException {
        ByteUtils.writeVarint(contribution.rows().size(), out);
        for (final var row : contribution.rows().entrySet()) {
            writeString(out, row.getKey().unitId());
            writeString(out, row.getKey().fieldId());
            writeString(out, row.getKey().period());
            writeCounters(out, row.getValue());
        }
    }

    static KpiContribution readContribution(final DataInputStream in) throws IOException {
        final int count = ByteUtils.readVarint(in);
        final TreeMap<KpiRowKey, KpiCounters> rows = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            rows.put(new KpiRowKey(readString(in), readString(in), readString(in)), readCounters(in));
        }
        return new KpiContribution(rows);
    }

    static void writeChange(final DataOutputStream out, final KpiChange change) throws IOException {
        writeString(out, change.entityId());
        writeContribution(out, change.rows());
    }

    static KpiChange readChange(final DataInputStream in) throws IOException {
        return new KpiChange(readString(in), readContribution(in));
    }

    static void writeOpenCase(final DataOutputStream out, final OpenCase open) throws IOException {
        writeString(out, open.caseId());
        writeString(out, open.unitId());
        writeString(out, open.fieldId());
        writeString(out, open.procedureId());
        writeInstant(out, open.effectiveDue());
        out.writeBoolean(open.waitingOnCitizen());
        writeNullableInstant(out, open.dueSoonWarnedFor());
        writeNullableInstant(out, open.overdueWarnedFor());
        writeNullableInstant(out, open.alarm());
    }

    static OpenCase readOpenCase(final DataInputStream in) throws IOException {
        return new OpenCase(readString(in), readString(in), readString(in), readString(in), readInstant(in),
            in.readBoolean(), readNullableInstant(in), readNullableInstant(in), readNullableInstant(in));
    }

    static void writeDrivingIds(final DataOutputStream out, final DrivingIds driving) throws IOException {
        ByteUtils.writeVarint(driving.ids().size(), out);
        for (final String id : driving.ids()) {
            writeString(out, id);
        }
    }

    static DrivingIds readDrivingIds(final DataInputStream in) throws IOException {
        final int count = ByteUtils.readVarint(in);
        final List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(readString(in));
        }
        return new DrivingIds(ids);
    }

    // --- fields

    private static void writeString(final DataOutputStream out, final String text) throws IOException {
        final byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteUtils.writeVarint(utf8.length, out);
        out.write(utf8);
    }

    private static String readString(final DataInputStream in) throws IOException {
        final byte[] utf8 = new byte[ByteUtils.readVarint(in)];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void writeNullableString(final DataOutputStream out, final String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            writeString(out, text);
        }
    }

    private static String readNullableString(final DataInputStream in) throws IOException {
        return in.readBoolean() ? readString(in) : null;
    }

    private static void writeInstant(final DataOutputStream out, final Instant instant) throws IOException {
        ByteUtils.writeVarlong(instant.getEpochSecond(), out);
        ByteUtils.writeVarint(instant.getNano(), out);
    }

    private static Instant readInstant(final DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(ByteUtils.readVarlong(in), ByteUtils.readVarint(in));
    }

    private static void writeNullableInstant(final DataOutputStream out, final Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            writeInstant(out, instant);
        }
    }

    private static Instant readNullableInstant(final DataInputStream in) throws IOException {
        return in.readBoolean() ? readInstant(in) : null;
    }

    // --- byte arrays as streams

    /**
     * A growing byte array, like {@link java.io.ByteArrayOutputStream} without its locks: a value is
     * written by one thread, and the JDK's synchronized writes cost a lock per byte.
     */
    private static final class ByteSink extends OutputStream {

        private byte[] buffer = new byte[128];
        private int size;

        @Override
        public void write(final int b) {
            ensureRoom(1);
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(final byte[] bytes, final int offset, final int length) {
            ensureRoom(length);
            System.arraycopy(bytes, offset, buffer, size, length);
            size += length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }

        private void ensureRoom(final int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }
    }

    /** Reads a byte array, like {@link java.io.ByteArrayInputStream} without its locks (see {@link ByteSink}). */
    private static final class ByteSource extends InputStream {

        private final byte[] data;
        private int position;

        ByteSource(final byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xff : -1;
        }

        @Override
        public int read(final byte[] target, final int offset, final int length) {
            if (length == 0) {
                return 0;
            }
            if (position >= data.length) {
                return -1;
            }
            final int count = Math.min(length, data.length - position);
            System.arraycopy(data, position, target, offset, count);
            position += count;
            return count;
        }

        @Override
        public int available() {
            return data.length - position;
        }
    }
}
