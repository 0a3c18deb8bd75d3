package vn.tthc.monitor.gateway.owners;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.event.CaseResolved;
import vn.tthc.monitor.contract.event.CaseResult;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.ParseResult;

/** Claims: what an event claims, the record a claim is, and the reason of a refusal. */
class ClaimTest {

    private static ParseResult.Valid parse(final String json) {
        return (ParseResult.Valid) EventParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_case_event_claims_its_case_and_its_id_a_survey_only_its_id() {
        assertThat(Claim.entitiesOf(new CaseResolved("e-1", Instant.parse("2026-03-05T03:00:00Z"), null, "C-1",
            CaseResult.APPROVED))).containsExactly("case:C-1", "event:e-1");
        assertThat(Claim.entitiesOf(parse("{\"eventId\":\"f-1\",\"type\":\"feedback.resolved\","
            + "\"occurredAt\":\"2026-03-03T09:00:00+07:00\",\"feedbackId\":\"PAKN-7\",\"unitId\":\"U\"}").event()))
            .containsExactly("feedback:PAKN-7", "event:f-1");
        assertThat(Claim.entitiesOf(parse("{\"eventId\":\"s-1\",\"type\":\"survey.submitted\","
            + "\"occurredAt\":\"2026-03-03T09:00:00Z\",\"unitId\":\"U\",\"caseId\":\"C-1\",\"rating\":\"SATISFIED\"}")
            .event())).as("the unit is shared; the case id of a survey is informational").containsExactly("event:s-1");
    }

    @Test
    void a_claim_is_read_back_from_its_record_even_with_a_bar_in_its_ids() {
        final Claim claim = new Claim("case:HS|2026|01", "so|tnmt");
        assertThat(new String(claim.key(), StandardCharsets.UTF_8)).isEqualTo("case:HS|2026|01|so|tnmt");
        assertThat(Claim.read(claim.key(), claim.value())).isEqualTo(claim);
        assertThat(Claim.read(claim.key(), null)).as("a tombstone").isNull();
        assertThat(Claim.read("case:HS|other".getBytes(StandardCharsets.UTF_8), claim.value())).isNull();
    }

    @Test
    void claims_of_one_entity_by_two_sources_share_a_partition() {
        for (int i = 0; i < 200; i++) {
            assertThat(new Claim("case:C-" + i, "so-tnmt").partition(7))
                .isEqualTo(new Claim("case:C-" + i, "ubnd-phuong").partition(7)).isBetween(0, 6);
        }
    }

    @Test
    void a_refusal_names_the_entity_and_its_owner() {
        assertThat(Claim.refusal("case:C-1", "so-tnmt")).isEqualTo("case 'C-1' belongs to source 'so-tnmt'");
        assertThat(Claim.refusal("feedback:P:7", "so-tnmt")).isEqualTo("feedback 'P:7' belongs to source 'so-tnmt'");
        assertThat(Claim.refusal("event:e-1", "so-tnmt")).isEqualTo("eventId already accepted from source 'so-tnmt'");
    }
}
