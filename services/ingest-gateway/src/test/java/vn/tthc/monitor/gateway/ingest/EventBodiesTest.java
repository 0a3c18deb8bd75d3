package vn.tthc.monitor.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBodiesTest {

    private static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(final List<byte[]> pieces) {
        return pieces.stream().map(p -> new String(p, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void array_elements_keep_their_exact_bytes_whatever_they_are() throws MalformedBodyException {
        final String first = "{ \"eventId\" : \"é-1\",\"n\":[1, {\"x\":null}] }";
        assertThat(texts(EventBodies.fromJsonArray(utf8(" [ " + first + " ,\n42, \"s\", null, [ ] ] \n"))))
            .containsExactly(first, "42", "\"s\"", "null", "[ ]");
        assertThat(EventBodies.fromJsonArray(utf8("[]"))).isEmpty();
    }

    @Test
    void a_utf8_byte_order_mark_is_not_part_of_the_first_event() throws MalformedBodyException {
        final byte[] body = utf8("\uFEFF[{\"a\":1}]");
        assertThat(texts(EventBodies.fromJsonArray(body))).containsExactly("{\"a\":1}");
    }

    @Test
    void an_event_with_a_repeated_field_is_split_like_any_other_for_the_contract_to_reject_alone()
        throws MalformedBodyException {
        final String repeated = "{\"caseId\":\"HS-1\",\"caseId\":\"HS-2\"}";
        assertThat(texts(EventBodies.fromJsonArray(utf8("[" + repeated + ",{\"a\":1}]"))))
            .containsExactly(repeated, "{\"a\":1}");
        assertThat(texts(EventBodies.fromNdjson(utf8(repeated + "\n{\"a\":1}")))).containsExactly(repeated, "{\"a\":1}");
        // the status records' reader stays strict
        assertThatThrownBy(() -> JsonLimits.STRICT_MAPPER.readTree(repeated))
            .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
    }

    @Test
    void bodies_that_are_not_a_utf8_json_array_are_malformed() {
        for (final String body : List.of("", "{}", "[{}", "[{}]]", "[{}] x", "[{\"a\":}]", "[1,]", "nope")) {
            assertThatThrownBy(() -> EventBodies.fromJsonArray(utf8(body))).as(body)
                .isInstanceOf(MalformedBodyException.class);
        }
        assertThatThrownBy(() -> EventBodies.fromJsonArray(new byte[] {'[', '"', (byte) 0xC3, '"', ']'}))
            .isInstanceOf(MalformedBodyException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> EventBodies.fromJsonArray("[{}]".getBytes(StandardCharsets.UTF_16LE)))
            .isInstanceOf(MalformedBodyException.class);
    }

    @Test
    void ndjson_gives_its_non_blank_lines_and_names_the_broken_one() throws MalformedBodyException {
        assertThat(texts(EventBodies.fromNdjson(utf8("{\"a\":1}\r\n\n \t\n[2]\n{\"b\":2}")))).containsExactly(
            "{\"a\":1}", "[2]", "{\"b\":2}");
        assertThatThrownBy(() -> EventBodies.fromNdjson(utf8("{\"a\":1}\n{\"a\":1} {\"b\":2}\n")))
            .isInstanceOf(MalformedBodyException.class).hasMessageStartingWith("line 2:");
        assertThatThrownBy(() -> EventBodies.fromNdjson(utf8("\n\n{\"a\"")))
            .isInstanceOf(MalformedBodyException.class).hasMessageStartingWith("line 3:");
    }
}
