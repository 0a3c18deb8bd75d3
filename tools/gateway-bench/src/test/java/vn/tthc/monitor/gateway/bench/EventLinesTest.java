package vn.tthc.monitor.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLinesTest {

    private static final String RECEIVED = "{\"eventId\":\"sim1-HS7-1\",\"type\":\"case.received\",\"occurredAt\":"
        + "\"2026-03-02T08:15:00+07:00\",\"source\":\"motcua-tinh-mau\",\"caseId\":\"sim1-HS7\",\"unitId\":\"SO-TNMT\","
        + "\"fieldId\":\"DAT_DAI\",\"procedureId\":\"1.004227\",\"channel\":\"ONLINE\",\"onlineEligible\":true,"
        + "\"dueAt\":\"2026-03-10T17:00:00+07:00\"}";
    private static final String RESOLVED = "{\"eventId\":\"sim1-HS7-5\",\"type\":\"case.resolved\",\"occurredAt\":"
        + "\"2026-03-05T10:00:00+07:00\",\"source\":\"motcua-tinh-mau\",\"caseId\":\"sim1-HS7\",\"result\":\"APPROVED\"}";

    @TempDir
    Path directory;

    @Test
    void aSuffixMakesTheSameLineANewEventAndChangesNothingElse() throws IOException {
        final EventLines lines = EventLines.read(Files.writeString(directory.resolve("events.jsonl"),
            RECEIVED + "\n\n" + RESOLVED + "\n"));

        final StringBuilder body = new StringBuilder();
        lines.append(body, 1, "~b1m0.3");
        final JsonNode sent = new ObjectMapper().readTree(body.toString());

        assertThat(lines.size()).isEqualTo(2);
        assertThat(lines.source()).isEqualTo("motcua-tinh-mau");
        assertThat(sent.get("eventId").asText()).isEqualTo("sim1-HS7-5~b1m0.3");
        assertThat(sent.get("caseId").asText()).isEqualTo("sim1-HS7");
        assertThat(body.toString().replace("~b1m0.3", "")).isEqualTo(RESOLVED);
    }

    @Test
    void refusesLinesTheGatewayWouldRefuse() throws IOException {
        final Path broken = Files.writeString(directory.resolve("broken.jsonl"), RECEIVED + "\n" + RESOLVED.substring(0, 40) + "\n");
        final Path otherSource = Files.writeString(directory.resolve("other-source.jsonl"),
            RECEIVED + "\n" + RESOLVED.replace("motcua-tinh-mau", "so-tnmt") + "\n");

        assertThatThrownBy(() -> EventLines.read(broken)).hasMessageContaining("line 2 is not a valid event");
        assertThatThrownBy(() -> EventLines.read(otherSource)).hasMessageContaining("line 2").hasMessageContaining("source");
    }
}
