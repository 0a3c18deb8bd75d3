package vn.tthc.monitor.kpi.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.kpi.KpiRowKey;

/**
 * The text form of a row key is the JSON array of its ids, whatever characters they hold, and parses back, read
 * directly when nothing is escaped and as JSON otherwise, to the same ids.
 */
class KpiRowKeyFormatTest {

    private static final List<KpiRowKey> KEYS = List.of(
        new KpiRowKey("U1", "*", "2026-03"),
        new KpiRowKey("Ủy ban P. Võ Thị Sáu", "HỘ_TỊCH", "2026-Q1"),
        new KpiRowKey("U\"1", "a\\b", "2026"),
        new KpiRowKey("U\n1", "tab\there", "\u0001"),
        new KpiRowKey("", "/", "\u007f"));

    @Test
    void aKeyIsTheJsonArrayOfItsIdsAndParsesBack() throws JsonProcessingException {
        for (final KpiRowKey key : KEYS) {
            final String text = KpiRowKeyFormat.format(key);
            assertThat(text).isEqualTo(ContractJson.mapper().writeValueAsString(List.of(key.unitId(), key.fieldId(), key.period())));
            assertThat(KpiRowKeyFormat.parse(text)).isEqualTo(key);
            assertThat(text).startsWith(KpiRowKeyFormat.unitPrefix(key.unitId()));
        }
    }

    @Test
    void theKeyOfOneKpiAddsItsIdToTheArray() throws JsonProcessingException {
        final KpiRowKey key = new KpiRowKey("U\"1", "*", "2026-03");
        assertThat(KpiRowKeyFormat.withKpi(KpiRowKeyFormat.format(key), "on_time"))
            .isEqualTo(ContractJson.mapper().writeValueAsString(List.of("U\"1", "*", "2026-03", "on_time")));
    }

    @Test
    void anyJsonArrayOfIdsParsesToTheIdsJsonReads() throws JsonProcessingException {
        final List<String> texts = List.of("[\"U1\",\"*\",\"2026-03\"]", "[\"U1\", \"*\" ,\"2026-03\"]",
            "[\"U\\u0031\",\"a\\/b\",\"2026\"]", "[\"\",\"\",\"\"]", "[\"U1\",\"*\",\"2026-03\",\"onTimeRate\",\"AT_RISK\"]",
            "[\"Ủy ban\",\"HỘ_TỊCH\",\"2026-Q1\"]", "[\"a,b\",\"c],[\",\"d\"]");
        for (final String text : texts) {
            final List<String> ids = ContractJson.mapper().readerForListOf(String.class).readValue(text);
            assertThat(KpiRowKeyFormat.parse(text)).as(text).isEqualTo(new KpiRowKey(ids.get(0), ids.get(1), ids.get(2)));
            assertThat(KpiRowKeyFormat.firstPart(text)).as(text).isEqualTo(ids.get(0));
            assertThat(KpiRowKeyFormat.lastPart(text)).as(text).isEqualTo(ids.get(ids.size() - 1));
        }
    }

    @Test
    void aTextThatIsNotAKeyOfThreeIdsIsRefused() {
        for (final String text : List.of("[\"U1\",\"*\"]", "[\"U1\",\"*\",\"2026\"", "U1,*,2026", "[\"U1\",\"*\",\"20\n26\"]", "[]")) {
            assertThatThrownBy(() -> KpiRowKeyFormat.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
