package vn.tthc.monitor.gateway.owners;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.utils.Utils;
import vn.tthc.monitor.contract.event.CaseEvent;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.FeedbackEvent;

/**
 * A source's claim of an entity: a case ({@code case:<caseId>}), a feedback
 * ({@code feedback:<feedbackId>}) or an event id ({@code event:<eventId>}). On the entity owners
 * topic its key is {@code <entity>|<source>} and its value the source, both UTF-8 (a tombstone
 * deletes a claim that lost); its partition comes from the entity alone.
 */
public record Claim(String entity, String source) {

    private static final String CASE = "case:";
    private static final String FEEDBACK = "feedback:";
    private static final String EVENT = "event:";

    /**
     * What an event claims for its source: its case or feedback, and its event id. A survey claims
     * only its event id: it is keyed by a unit, which many sources share.
     */
    public static List<String> entitiesOf(final Event event) {
        final String eventId = EVENT + event.eventId();
        if (event instanceof CaseEvent c) {
            return List.of(CASE + c.caseId(), eventId);
        }
        if (event instanceof FeedbackEvent f) {
            return List.of(FEEDBACK + f.feedbackId(), eventId);
        }
        return List.of(eventId);
    }

    /** The reason given for an event refused because {@code entity} belongs to {@code owner}. */
    public static String refusal(final String entity, final String owner) {
        if (entity.startsWith(EVENT)) {
            return "eventId already accepted from source '" + owner + "'";
        }
        final int colon = entity.indexOf(':');
        return entity.substring(0, colon) + " '" + entity.substring(colon + 1) + "' belongs to source '" + owner + "'";
    }

    /** The record key: entity and source, so that the claims of one entity by two sources are two records. */
    public byte[] key() {
        return (entity + "|" + source).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] value() {
        return source.getBytes(StandardCharsets.UTF_8);
    }

    /** The partition of every claim of this entity, whatever the source: competing claims share their order. */
    public int partition(final int partitions) {
        return Utils.toPositive(Utils.murmur2(entity.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The claim of a record, or {@code null} for a tombstone or a record that is not a claim. */
    public static Claim read(final byte[] key, final byte[] value) {
        if (key == null || value == null) {
            return null;
        }
        final String source = new String(value, StandardCharsets.UTF_8);
        final String entityAndSource = new String(key, StandardCharsets.UTF_8);
        final String suffix = "|" + source;
        if (source.isEmpty() || !entityAndSource.endsWith(suffix) || entityAndSource.length() == suffix.length()) {
            return null;
        }
        return new Claim(entityAndSource.substring(0, entityAndSource.length() - suffix.length()), source);
    }
}
