package vn.tthc.monitor.notifier.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The field table: the shipped file names every field of the sample traffic; a broken one is refused with its line. */
class FieldNamesTest {

    private static final Path SHIPPED = Path.of("../../config/fields.csv");

    @Test
    void theShippedTableNamesEveryFieldOfTheSampleProvinceAsTheSimulatorDoes() throws IOException {
        final FieldNames fields = FieldNames.read(SHIPPED);
        final JsonNode sample = new ObjectMapper(new YAMLFactory())
            .readTree(Files.readString(Path.of("../../config/province-sample.yaml"))).path("fields");

        assertThat(sample.size()).isPositive();
        sample.fields().forEachRemaining(field ->
            assertThat(fields.name(field.getKey())).as(field.getKey()).contains(field.getValue().asText()));
        assertThat(fields.name("DAT_DAI")).contains("Đất đai");
        assertThat(fields.name("NO_SUCH_FIELD")).isEmpty();
    }

    @Test
    void commentsBlankLinesAndQuotedNamesAreRead() {
        final FieldNames fields = FieldNames.parse(
            "# lĩnh vực\nid,name\n\nA,\"Tên, có dấu phẩy và \"\"ngoặc\"\"\"\r\nB, Hộ tịch \n", "t");

        assertThat(fields.name("A")).contains("Tên, có dấu phẩy và \"ngoặc\"");
        assertThat(fields.name("B")).contains("Hộ tịch");
        assertThat(fields.size()).isEqualTo(2);
    }

    @Test
    void aBrokenTableIsRefusedWithTheLine() {
        assertThatThrownBy(() -> FieldNames.parse("code,label\nA,x\n", "f.csv"))
            .hasMessage("f.csv line 1: the header must be 'id,name', not 'code,label'");
        assertThatThrownBy(() -> FieldNames.parse("id,name\nA,x\nA,y\n", "f.csv"))
            .hasMessage("f.csv line 3: field 'A' is listed twice");
        assertThatThrownBy(() -> FieldNames.parse("id,name\nA,\n", "f.csv"))
            .hasMessage("f.csv line 2: field 'A' has no name");
        assertThatThrownBy(() -> FieldNames.parse("id,name\nA B,x\n", "f.csv"))
            .hasMessageStartingWith("f.csv line 2: 'A B' is not a field id");
        assertThatThrownBy(() -> FieldNames.parse("id,name\nA\n", "f.csv"))
            .hasMessage("f.csv line 2: expected 'id,name', got 'A'");
        assertThatThrownBy(() -> FieldNames.parse("id,name\nA,\"x\n", "f.csv"))
            .hasMessageStartingWith("f.csv line 2: unbalanced quotes");
        assertThatThrownBy(() -> FieldNames.parse("# nothing\nid,name\n", "f.csv"))
            .hasMessageStartingWith("f.csv: lists no field");
        assertThatThrownBy(() -> FieldNames.read(Path.of("target/none.csv")))
            .hasMessageStartingWith("target/none.csv: cannot be read");
    }
}
