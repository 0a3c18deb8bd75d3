package vn.tthc.monitor.ingest.client.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.Identifiers;

/**
 * Typed builders, one per event type of EVENTS.md section 1. Each starts from the fields every
 * event has ({@code eventId}, {@code occurredAt}; {@code source} is optional) and {@link
 * EventBuilder#build()} checks that the type's required fields are set and follow section 1 (v2)
 * by the contract's own rules ({@link Identifiers}, the years of {@link EventParser}):
 *
 * <pre>{@code
 * IngestEvent received = Events.caseReceived("HS-001-1", receivedAt)
 *     .source("motcua-tinh").caseId("HS-001").unitId("UBND-P-VTS").fieldId("HO_TICH")
 *     .procedureId("1.001193").channel(Channel.ONLINE).onlineEligible(true).dueAt(dueAt)
 *     .build();
 * }</pre>
 *
 * Timestamps keep the offset they are given ({@code 2026-03-02T08:15:00+07:00}); an {@link Instant}
 * is written in UTC ({@code ...Z}).
 */
public final class Events {

    private Events() {
    }

    /** {@code case.received} (được tiếp nhận). */
    public static CaseReceivedBuilder caseReceived(final String eventId, final OffsetDateTime occurredAt) {
        return new CaseReceivedBuilder(eventId, occurredAt);
    }

    /** {@code case.supplement_requested} (yêu cầu bổ sung). */
    public static CaseEventBuilder supplementRequested(final String eventId, final OffsetDateTime occurredAt) {
        return new CaseEventBuilder("case.supplement_requested", eventId, occurredAt);
    }

    /** {@code case.supplement_received} (đã bổ sung); {@code dueAt} only when the case system recomputed it. */
    public static SupplementReceivedBuilder supplementReceived(final String eventId, final OffsetDateTime occurredAt) {
        return new SupplementReceivedBuilder(eventId, occurredAt);
    }

    /** {@code case.extended} (xin lỗi, hẹn lại). */
    public static CaseExtendedBuilder caseExtended(final String eventId, final OffsetDateTime occurredAt) {
        return new CaseExtendedBuilder(eventId, occurredAt);
    }

    /** {@code case.resolved} (đã xử lý xong). */
    public static CaseResolvedBuilder caseResolved(final String eventId, final OffsetDateTime occurredAt) {
        return new CaseResolvedBuilder(eventId, occurredAt);
    }

    /** {@code case.returned} (đã trả kết quả). */
    public static CaseEventBuilder caseReturned(final String eventId, final OffsetDateTime occurredAt) {
        return new CaseEventBuilder("case.returned", eventId, occurredAt);
    }

    /** {@code case.withdrawn} (công dân rút hồ sơ). */
    public static CaseEventBuilder caseWithdrawn(final String eventId, final OffsetDateTime occurredAt) {
        return new CaseEventBuilder("case.withdrawn", eventId, occurredAt);
    }

    /** {@code survey.submitted} (đánh giá mức độ hài lòng). */
    public static SurveySubmittedBuilder surveySubmitted(final String eventId, final OffsetDateTime occurredAt) {
        return new SurveySubmittedBuilder(eventId, occurredAt);
    }

    /** {@code feedback.received} (phản ánh, kiến nghị). */
    public static FeedbackReceivedBuilder feedbackReceived(final String eventId, final OffsetDateTime occurredAt) {
        return new FeedbackReceivedBuilder(eventId, occurredAt);
    }

    /** {@code feedback.resolved}. */
    public static FeedbackResolvedBuilder feedbackResolved(final String eventId, final OffsetDateTime occurredAt) {
        return new FeedbackResolvedBuilder(eventId, occurredAt);
    }

    public static CaseReceivedBuilder caseReceived(final String eventId, final Instant occurredAt) {
        return caseReceived(eventId, utc(occurredAt));
    }

    public static CaseEventBuilder supplementRequested(final String eventId, final Instant occurredAt) {
        return supplementRequested(eventId, utc(occurredAt));
    }

    public static SupplementReceivedBuilder supplementReceived(final String eventId, final Instant occurredAt) {
        return supplementReceived(eventId, utc(occurredAt));
    }

    public static CaseExtendedBuilder caseExtended(final String eventId, final Instant occurredAt) {
        return caseExtended(eventId, utc(occurredAt));
    }

    public static CaseResolvedBuilder caseResolved(final String eventId, final Instant occurredAt) {
        return caseResolved(eventId, utc(occurredAt));
    }

    public static CaseEventBuilder caseReturned(final String eventId, final Instant occurredAt) {
        return caseReturned(eventId, utc(occurredAt));
    }

    public static CaseEventBuilder caseWithdrawn(final String eventId, final Instant occurredAt) {
        return caseWithdrawn(eventId, utc(occurredAt));
    }

    public static SurveySubmittedBuilder surveySubmitted(final String eventId, final Instant occurredAt) {
        return surveySubmitted(eventId, utc(occurredAt));
    }

    public static FeedbackReceivedBuilder feedbackReceived(final String eventId, final Instant occurredAt) {
        return feedbackReceived(eventId, utc(occurredAt));
    }

    public static FeedbackResolvedBuilder feedbackResolved(final String eventId, final Instant occurredAt) {
        return feedbackResolved(eventId, utc(occurredAt));
    }

    private static OffsetDateTime utc(final Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * What every builder shares: the common fields, the check of required fields, and the JSON
     * field order (common fields first, then the type's fields in the order of EVENTS.md).
     */
    public abstract static class EventBuilder<B extends EventBuilder<B>> {

        private final String type;
        private final String keyField;
        private final List<String> fieldOrder;
        private final List<String> requiredFields;
        private final Map<String, Object> values = new HashMap<>();
        /** The fields that hold identifiers, and the instants of the timestamp fields, for the checks of section 1. */
        private final Set<String> identifiers = new HashSet<>();
        private final Map<String, Instant> instants = new HashMap<>();

        EventBuilder(final String type, final String eventId, final OffsetDateTime occurredAt, final String keyField,
                     final List<String> fieldOrder, final List<String> requiredFields) {
            this.type = type;
            this.keyField = keyField;
            this.fieldOrder = fieldOrder;
            this.requiredFields = requiredFields;
            identifier("eventId", eventId);
            values.put("type", type);
            timestamp("occurredAt", occurredAt);
        }

        /** The producing system, e.g. the province's one-stop-shop software; the gateway checks it against the API key. */
        public B source(final String source) {
            return identifier("source", source);
        }

        /**
         * The event, once every required field is set and every field follows EVENTS.md section 1 (v2):
         * identifiers of 1 to 128 code points in NFC, with no control character, line or paragraph
         * separator, unpaired surrogate or white space at either end, a {@code fieldId} other than
         * {@code *}, timestamps from 2000-01-01T00:00:00Z and before 2100-01-01T00:00:00Z.
         *
         * @throws IllegalStateException naming the first missing or invalid field and the rule it breaks,
         *                               in the words of the contract's parser
         */
        public IngestEvent build() {
            for (final String name : requiredFields) {
                if (values.get(name) == null) {
                    throw new IllegalStateException(type + ": missing required field '" + name + "'");
                }
            }
            final Map<String, Object> fields = new LinkedHashMap<>();
            for (final String name : fieldOrder) {
                final Object value = values.get(name);
                if (value != null) {
                    final String problem = problem(name, value);
                    if (problem != null) {
                        throw new IllegalStateException(type + ": field '" + name + "' " + problem);
                    }
                    fields.put(name, value);
                }
            }
            return new IngestEvent(type, (String) values.get("eventId"), (String) values.get(keyField), fields);
        }

        /** What breaks section 1 in a field's value, as the contract's parser words it; {@code null} when nothing. */
        private String problem(final String name, final Object value) {
            if (identifiers.contains(name)) {
                final String id = (String) value;
                final String problem = Identifiers.problem(id);
                if (problem != null) {
                    return problem + ": " + Identifiers.quote(id);
                }
                return "fieldId".equals(name) && "*".equals(id) ? "must not be '*' (that names the all-fields row)" : null;
            }
            final Instant instant = instants.get(name);
            if (instant != null && (instant.isBefore(EventParser.EARLIEST) || !instant.isBefore(EventParser.END))) {
                return "must lie in the years 2000 to 2099 (from 2000-01-01T00:00:00Z, before 2100-01-01T00:00:00Z), was "
                    + Identifiers.quote((String) value);
            }
            return null;
        }

        /** An identifier field. */
        final B identifier(final String name, final String value) {
            identifiers.add(name);
            values.put(name, value);
            return self();
        }

        final B timestamp(final String name, final OffsetDateTime value) {
            values.put(name, value == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
            instants.put(name, value == null ? null : value.toInstant());
            return self();
        }

        final B value(final String name, final Object value) {
            values.put(name, value);
            return self();
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        static List<String> common(final String... fields) {
            final List<String> all = new ArrayList<>(List.of("eventId", "type", "occurredAt", "source"));
            all.addAll(List.of(fields));
            return List.copyOf(all);
        }

        static List<String> required(final String... fields) {
            final List<String> all = new ArrayList<>(List.of("eventId", "type", "occurredAt"));
            all.addAll(List.of(fields));
            return List.copyOf(all);
        }
    }

    /** A case event with no field beyond {@code caseId}: supplement requested, returned, withdrawn. */
    public static final class CaseEventBuilder extends EventBuilder<CaseEventBuilder> {

        CaseEventBuilder(final String type, final String eventId, final OffsetDateTime occurredAt) {
            super(type, eventId, occurredAt, "caseId", common("caseId"), required("caseId"));
        }

        public CaseEventBuilder caseId(final String caseId) {
            return identifier("caseId", caseId);
        }
    }

    public static final class CaseReceivedBuilder extends EventBuilder<CaseReceivedBuilder> {

        private static final String[] FIELDS =
            {"caseId", "unitId", "fieldId", "procedureId", "channel", "onlineEligible", "dueAt"};

        CaseReceivedBuilder(final String eventId, final OffsetDateTime occurredAt) {
            super("case.received", eventId, occurredAt, "caseId", common(FIELDS), required(FIELDS));
        }

        public CaseReceivedBuilder caseId(final String caseId) {
            return identifier("caseId", caseId);
        }

        /** The receiving, responsible unit. */
        public CaseReceivedBuilder unitId(final String unitId) {
            return identifier("unitId", unitId);
        }

        /** The field (lĩnh vực), e.g. {@code DAT_DAI}. */
        public CaseReceivedBuilder fieldId(final String fieldId) {
            return identifier("fieldId", fieldId);
        }

        /** The procedure's code (mã TTHC). */
        public CaseReceivedBuilder procedureId(final String procedureId) {
            return identifier("procedureId", procedureId);
        }

        public CaseReceivedBuilder channel(final Channel channel) {
            return value("channel", channel == null ? null : channel.name());
        }

        /** The procedure is offered as a full-process online public service (DVC trực tuyến toàn trình). */
        public CaseReceivedBuilder onlineEligible(final boolean onlineEligible) {
            return value("onlineEligible", onlineEligible);
        }

        /** The appointment (ngày hẹn trả kết quả). */
        public CaseReceivedBuilder dueAt(final OffsetDateTime dueAt) {
            return timestamp("dueAt", dueAt);
        }

        public CaseReceivedBuilder dueAt(final Instant dueAt) {
            return dueAt(utc(dueAt));
        }
    }

    public static final class SupplementReceivedBuilder extends EventBuilder<SupplementReceivedBuilder> {

        SupplementReceivedBuilder(final String eventId, final OffsetDateTime occurredAt) {
            super("case.supplement_received", eventId, occurredAt, "caseId", common("caseId", "dueAt"),
                required("caseId"));
        }

        public SupplementReceivedBuilder caseId(final String caseId) {
            return identifier("caseId", caseId);
        }

        /** Optional: the new appointment when the case system restarted the statutory clock. */
        public SupplementReceivedBuilder dueAt(final OffsetDateTime dueAt) {
            return timestamp("dueAt", dueAt);
        }

        public SupplementReceivedBuilder dueAt(final Instant dueAt) {
            return dueAt(utc(dueAt));
        }
    }

    public static final class CaseExtendedBuilder extends EventBuilder<CaseExtendedBuilder> {

        CaseExtendedBuilder(final String eventId, final OffsetDateTime occurredAt) {
            super("case.extended", eventId, occurredAt, "caseId", common("caseId", "dueAt"), required("caseId", "dueAt"));
        }

        public CaseExtendedBuilder caseId(final String caseId) {
            return identifier("caseId", caseId);
        }

        /** The new appointment promised in the apology letter. */
        public CaseExtendedBuilder dueAt(final OffsetDateTime dueAt) {
            return timestamp("dueAt", dueAt);
        }

        public CaseExtendedBuilder dueAt(final Instant dueAt) {
            return dueAt(utc(dueAt));
        }
    }

    public static final class CaseResolvedBuilder extends EventBuilder<CaseResolvedBuilder> {

        CaseResolvedBuilder(final String eventId, final OffsetDateTime occurredAt) {
            super("case.resolved", eventId, occurredAt, "caseId", common("caseId", "result"), required("caseId", "result"));
        }

        public CaseResolvedBuilder caseId(final String caseId) {
            return identifier("caseId", caseId);
        }

        public CaseResolvedBuilder result(final CaseResult result) {
            return value("result", result == null ? null : result.name());
        }
    }

    public static final class SurveySubmittedBuilder extends EventBuilder<SurveySubmittedBuilder> {

        SurveySubmittedBuilder(final String eventId, final OffsetDateTime occurredAt) {
            super("survey.submitted", eventId, occurredAt, "unitId", common("unitId", "fieldId", "caseId", "rating"),
                required("unitId", "rating"));
        }

        public SurveySubmittedBuilder unitId(final String unitId) {
            return identifier("unitId", unitId);
        }

        /** Optional: without it the survey counts only in the unit's all-fields row. */
        public SurveySubmittedBuilder fieldId(final String fieldId) {
            return identifier("fieldId", fieldId);
        }

        /** Optional and informational. */
        public SurveySubmittedBuilder caseId(final String caseId) {
            return identifier("caseId", caseId);
        }

        public SurveySubmittedBuilder rating(final Rating rating) {
            return value("rating", rating == null ? null : rating.name());
        }
    }

    public static final class FeedbackReceivedBuilder extends EventBuilder<FeedbackReceivedBuilder> {

        FeedbackReceivedBuilder(final String eventId, final OffsetDateTime occurredAt) {
            super("feedback.received", eventId, occurredAt, "feedbackId", common("feedbackId", "unitId", "dueAt"),
                required("feedbackId", "unitId", "dueAt"));
        }

        public FeedbackReceivedBuilder feedbackId(final String feedbackId) {
            return identifier("feedbackId", feedbackId);
        }

        /** The unit that must handle the feedback. */
        public FeedbackReceivedBuilder unitId(final String unitId) {
            return identifier("unitId", unitId);
        }

        public FeedbackReceivedBuilder dueAt(final OffsetDateTime dueAt) {
            return timestamp("dueAt", dueAt);
        }

        public FeedbackReceivedBuilder dueAt(final Instant dueAt) {
            return dueAt(utc(dueAt));
        }
    }

    public static final class FeedbackResolvedBuilder extends EventBuilder<FeedbackResolvedBuilder> {

        FeedbackResolvedBuilder(final String eventId, final OffsetDateTime occurredAt) {
            super("feedback.resolved", eventId, occurredAt, "feedbackId", common("feedbackId"), required("feedbackId"));
        }

        public FeedbackResolvedBuilder feedbackId(final String feedbackId) {
            return identifier("feedbackId", feedbackId);
        }
    }
}
