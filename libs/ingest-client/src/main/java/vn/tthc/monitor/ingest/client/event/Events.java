package vn.tthc.monitor.ingest.client.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed builders, one per event type of EVENTS.md section 1. Each starts from the fields every
 * event has ({@code eventId}, {@code occurredAt}; {@code source} is optional) and {@link
 * EventBuilder#build()} checks that the type's required fields are set:
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

    private static final int MAX_EVENT_ID_LENGTH = 128;

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

        EventBuilder(final String type, final String eventId, final OffsetDateTime occurredAt, final String keyField,
                     final List<String> fieldOrder, final List<String> requiredFields) {
            this.type = type;
            this.keyField = keyField;
            this.fieldOrder = fieldOrder;
            this.requiredFields = requiredFields;
            values.put("eventId", eventId);
            values.put("type", type);
            timestamp("occurredAt", occurredAt);
        }

        /** The producing system, e.g. the province's one-stop-shop software; the gateway checks it against the API key. */
        public B source(final String source) {
            return text("source", source);
        }

        /**
         * The event, once every required field is set.
         *
         * @throws IllegalStateException naming the first missing field, or when {@code eventId} is not 1 to 128 characters
         */
        public IngestEvent build() {
            for (final String name : requiredFields) {
                if (values.get(name) == null) {
                    throw new IllegalStateException(type + ": missing required field '" + name + "'");
                }
            }
            final String eventId = (String) values.get("eventId");
            final int length = eventId.codePointCount(0, eventId.length());
            if (length < 1 || length > MAX_EVENT_ID_LENGTH) {
                throw new IllegalStateException(type + ": 'eventId' must be 1 to " + MAX_EVENT_ID_LENGTH
                    + " characters long, was " + length);
            }
            final Map<String, Object> fields = new LinkedHashMap<>();
            for (final String name : fieldOrder) {
                final Object value = values.get(name);
                if (value != null) {
                    fields.put(name, value);
                }
            }
            return new IngestEvent(type, eventId, (String) values.get(keyField), fields);
        }

        final B text(final String name, final String value) {
            values.put(name, value);
            return self();
        }

        final B timestamp(final String name, final OffsetDateTime value) {
            values.put(name, value == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
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
            return text("caseId", caseId);
        }
    }

    public static final class CaseReceivedBuilder extends EventBuilder<CaseReceivedBuilder> {

        private static final String[] FIELDS =
            {"caseId", "unitId", "fieldId", "procedureId", "channel", "onlineEligible", "dueAt"};

        CaseReceivedBuilder(final String eventId, final OffsetDateTime occurredAt) {
            super("case.received", eventId, occurredAt, "caseId", common(FIELDS), required(FIELDS));
        }

        public CaseReceivedBuilder caseId(final String caseId) {
            return text("caseId", caseId);
        }

        /** The receiving, responsible unit. */
        public CaseReceivedBuilder unitId(final String unitId) {
            return text("unitId", unitId);
        }

        /** The field (lĩnh vực), e.g. {@code DAT_DAI}. */
        public CaseReceivedBuilder fieldId(final String fieldId) {
            return text("fieldId", fieldId);
        }

        /** The procedure's code (mã TTHC). */
        public CaseReceivedBuilder procedureId(final String procedureId) {
            return text("procedureId", procedureId);
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
            return text("caseId", caseId);
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
            return text("caseId", caseId);
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
            return text("caseId", caseId);
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
            return text("unitId", unitId);
        }

        /** Optional: without it the survey counts only in the unit's all-fields row. */
        public SurveySubmittedBuilder fieldId(final String fieldId) {
            return text("fieldId", fieldId);
        }

        /** Optional and informational. */
        public SurveySubmittedBuilder caseId(final String caseId) {
            return text("caseId", caseId);
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
            return text("feedbackId", feedbackId);
        }

        /** The unit that must handle the feedback. */
        public FeedbackReceivedBuilder unitId(final String unitId) {
            return text("unitId", unitId);
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
            return text("feedbackId", feedbackId);
        }
    }
}
