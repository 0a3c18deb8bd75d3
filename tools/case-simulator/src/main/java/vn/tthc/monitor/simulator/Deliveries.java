package vn.tthc.monitor.simulator;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import vn.tthc.monitor.ingest.client.event.IngestEvent;
import vn.tthc.monitor.simulator.sink.Delivery;
import vn.tthc.monitor.simulator.sink.EventJson;

/**
 * What the simulator sends, made from the event stream with the faults of real deliveries: each
 * delivery is, with probability {@code duplicates}, one of the last {@value #RECENT} events sent again
 * (the same bytes), with probability {@code broken} a broken line made from the last event sent, and
 * otherwise the stream's next event. The faults draw from a generator of their own, split from the
 * seed: the same seed gives the same deliveries, and without faults the events are the stream's alone.
 */
final class Deliveries {

    /** How far back a re-delivery reaches: the events sent last. */
    static final int RECENT = 1000;

    /** The ways a line is broken; each is rejected by EVENTS.md section 1. */
    enum Breakage {
        /** The line cut in the middle: not valid JSON. */
        TRUNCATED,
        /** Without {@code occurredAt}, a field every event has. */
        MISSING_FIELD,
        /** {@code channel}, {@code result} or {@code rating} outside its enumeration, else an unknown {@code type}. */
        OUT_OF_ENUMERATION,
        /** {@code occurredAt} without its offset. */
        NO_OFFSET,
        /** {@code occurredAt} as a JSON number (epoch seconds) instead of a string. */
        WRONG_JSON_TYPE
    }

    /** A delivery and the simulated event that paces it: its own, or the last new one for a fault. */
    record Next(ScheduledEvent pacedBy, Delivery delivery) {
    }

    private static final List<String> ENUMERATED_FIELDS = List.of("channel", "result", "rating");
    private static final Breakage[] BREAKAGES = Breakage.values();

    private final EventStream stream;
    private final double duplicates;
    private final double broken;
    private final SplittableRandom random;
    private final List<Delivery.Valid> recent = new ArrayList<>(RECENT);
    private ScheduledEvent latest;
    private long remembered;
    private long duplicated;
    private long brokenSent;

    /**
     * @param duplicates share of the deliveries that repeat a recent event, 0..1
     * @param broken     share of the deliveries that are broken lines, 0..1; with {@code duplicates} below 1
     */
    Deliveries(final EventStream stream, final double duplicates, final double broken, final long seed) {
        if (duplicates < 0 || broken < 0 || duplicates + broken >= 1) {
            throw new IllegalArgumentException("duplicates and broken must be at least 0 and add up to less than 1, were "
                + duplicates + " and " + broken);
        }
        this.stream = stream;
        this.duplicates = duplicates;
        this.broken = broken;
        this.random = new SplittableRandom(seed).split();
    }

    /** The next delivery. */
    Next next() {
        final double draw = duplicates + broken > 0 ? random.nextDouble() : 1;
        if (latest != null && draw < duplicates) {
            duplicated++;
            return new Next(latest, recent.get(random.nextInt(recent.size())));
        }
        if (latest != null && draw < duplicates + broken) {
            brokenSent++;
            return new Next(latest, breakLast(BREAKAGES[random.nextInt(BREAKAGES.length)]));
        }
        latest = stream.next();
        final Delivery.Valid delivery = new Delivery.Valid(latest.event());
        if (duplicates > 0) {
            remember(delivery);
        }
        return new Next(latest, delivery);
    }

    /** Re-deliveries so far. */
    long duplicates() {
        return duplicated;
    }

    /** Broken lines so far. */
    long broken() {
        return brokenSent;
    }

    EventStream stream() {
        return stream;
    }

    private void remember(final Delivery.Valid delivery) {
        if (recent.size() < RECENT) {
            recent.add(delivery);
        } else {
            recent.set((int) (remembered % RECENT), delivery);
        }
        remembered++;
    }

    private Delivery.Broken breakLast(final Breakage breakage) {
        final IngestEvent event = latest.event();
        final Map<String, Object> fields = new LinkedHashMap<>(event.fields());
        final String occurredAt = (String) fields.get("occurredAt");
        final byte[] json = switch (breakage) {
            case TRUNCATED -> {
                final String line = new String(EventJson.bytes(fields), StandardCharsets.UTF_8);
                yield line.substring(0, line.length() / 2).getBytes(StandardCharsets.UTF_8);
            }
            case MISSING_FIELD -> {
                fields.remove("occurredAt");
                yield EventJson.bytes(fields);
            }
            case OUT_OF_ENUMERATION -> {
                final String field = ENUMERATED_FIELDS.stream().filter(fields::containsKey).findFirst().orElse("type");
                fields.put(field, "type".equals(field) ? event.type() + ".v2" : "UNKNOWN");
                yield EventJson.bytes(fields);
            }
            case NO_OFFSET -> {
                fields.put("occurredAt", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(OffsetDateTime.parse(occurredAt)));
                yield EventJson.bytes(fields);
            }
            case WRONG_JSON_TYPE -> {
                fields.put("occurredAt", OffsetDateTime.parse(occurredAt).toEpochSecond());
                yield EventJson.bytes(fields);
            }
        };
        return new Delivery.Broken(event.key(), json, breakage.name());
    }
}
