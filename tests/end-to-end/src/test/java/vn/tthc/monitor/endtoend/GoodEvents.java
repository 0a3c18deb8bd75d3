package vn.tthc.monitor.endtoend;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Valid events of a few units as a case system sends them (EVENTS.md section 1): whole cases (received, maybe
 * paused, resolved early, on time or late, or withdrawn), surveys and feedback, in 2025 and 2026, seeded. Each
 * generator has a prefix of its own for event and entity ids, so that two never collide. Out: one entity's events
 * at a time, as field maps (in order of insertion) for {@link JsonText}.
 */
final class GoodEvents {

    static final String[] UNITS = {"SO-TNMT", "UBND-Q1", "SO-TU-PHAP"};
    private static final String[] FIELDS = {"DAT_DAI", "HO_TICH", "MOI_TRUONG"};
    private static final String[] CHANNELS = {"COUNTER", "ONLINE", "POSTAL"};
    private static final String[] RATINGS = {"VERY_SATISFIED", "SATISFIED", "DISSATISFIED"};
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final OffsetDateTime FIRST_DAY = OffsetDateTime.of(2025, 1, 2, 8, 0, 0, 0, VIETNAM);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final String prefix;
    private final Random random;
    private int entities;
    private int eventIds;

    GoodEvents(final String prefix, final long seed) {
        this.prefix = prefix;
        this.random = new Random(seed);
    }

    /** The events of the entities made until there are at least {@code count}, entity after entity. */
    List<Map<String, Object>> atLeast(final int count) {
        final List<Map<String, Object>> events = new ArrayList<>();
        while (events.size() < count) {
            events.addAll(nextEntity());
        }
        return events;
    }

    /** One more entity's events: a case (1 to 5 events; 8 in 10), a survey or a feedback (1 or 2). */
    List<Map<String, Object>> nextEntity() {
        final int kind = random.nextInt(10);
        if (kind < 8) {
            return nextCase();
        }
        return kind == 8 ? List.of(survey()) : feedback();
    }

    /** A case's reception alone, of a new case: the first of the many events of one case. */
    Map<String, Object> reception(final String caseId, final OffsetDateTime at) {
        final Map<String, Object> event = event("case.received", at);
        event.put("caseId", caseId);
        event.put("unitId", UNITS[random.nextInt(UNITS.length)]);
        event.put("fieldId", FIELDS[random.nextInt(FIELDS.length)]);
        event.put("procedureId", "1.00" + (4000 + random.nextInt(300)));
        event.put("channel", CHANNELS[random.nextInt(CHANNELS.length)]);
        event.put("onlineEligible", random.nextBoolean());
        event.put("dueAt", timestamp(at.plusDays(5 + random.nextInt(15)).withHour(17)));
        return event;
    }

    /** An event of {@code type} for an existing case, at {@code at}. */
    Map<String, Object> caseEvent(final String type, final String caseId, final OffsetDateTime at) {
        final Map<String, Object> event = event(type, at);
        event.put("caseId", caseId);
        return event;
    }

    /** An event of {@code type} for a feedback, at {@code at}. */
    Map<String, Object> feedbackEvent(final String type, final String feedbackId, final OffsetDateTime at) {
        final Map<String, Object> event = event(type, at);
        event.put("feedbackId", feedbackId);
        return event;
    }

    String newId(final String kind) {
        return prefix + "-" + kind + "-" + ++entities;
    }

    static String timestamp(final OffsetDateTime at) {
        return TIMESTAMP.format(at);
    }

    private List<Map<String, Object>> nextCase() {
        final String caseId = newId("HS");
        final OffsetDateTime received = someDay();
        final List<Map<String, Object>> events = new ArrayList<>();
        final Map<String, Object> reception = reception(caseId, received);
        events.add(reception);
        OffsetDateTime at = received;
        if (random.nextInt(4) == 0) {
            at = at.plusDays(1 + random.nextInt(3));
            events.add(caseEvent("case.supplement_requested", caseId, at));
            at = at.plusDays(1 + random.nextInt(5));
            events.add(caseEvent("case.supplement_received", caseId, at));
        }
        final int end = random.nextInt(10);
        if (end < 7) {
            final Map<String, Object> resolved = caseEvent("case.resolved", caseId,
                at.plusDays(1 + random.nextInt(20)).plusMinutes(random.nextInt(480)));
            resolved.put("result", random.nextInt(5) == 0 ? "DENIED" : "APPROVED");
            events.add(resolved);
        } else if (end == 7) {
            events.add(caseEvent("case.withdrawn", caseId, at.plusDays(1)));
        }
        return events;
    }

    private Map<String, Object> survey() {
        final Map<String, Object> event = event("survey.submitted", someDay());
        event.put("unitId", UNITS[random.nextInt(UNITS.length)]);
        if (random.nextBoolean()) {
            event.put("fieldId", FIELDS[random.nextInt(FIELDS.length)]);
        }
        event.put("rating", RATINGS[random.nextInt(RATINGS.length)]);
        return event;
    }

    private List<Map<String, Object>> feedback() {
        final String feedbackId = newId("PAKN");
        final OffsetDateTime received = someDay();
        final Map<String, Object> reception = feedbackEvent("feedback.received", feedbackId, received);
        reception.put("unitId", UNITS[random.nextInt(UNITS.length)]);
        reception.put("dueAt", timestamp(received.plusDays(10)));
        if (random.nextBoolean()) {
            return List.of(reception);
        }
        return List.of(reception, feedbackEvent("feedback.resolved", feedbackId, received.plusDays(3 + random.nextInt(12))));
    }

    private Map<String, Object> event(final String type, final OffsetDateTime at) {
        final Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", prefix + "-e" + ++eventIds);
        event.put("type", type);
        event.put("occurredAt", timestamp(at));
        event.put("source", GatewayProcess.SOURCE);
        return event;
    }

    private OffsetDateTime someDay() {
        return FIRST_DAY.plusDays(random.nextInt(540)).plusMinutes(random.nextInt(540));
    }
}
