package vn.tthc.monitor.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The forms in which senders post sync messages, and the 400 reasons of what is none. */
class SyncMessageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SyncMessage message(final String body, final SyncMessage.QueryValues query)
        throws IOException, SyncMessage.InvalidMessage {
        return SyncMessage.of(JSON.readTree(body), query);
    }

    @Test
    void the_envelope_s_isUpdating_may_be_a_boolean_or_a_string_in_any_case() throws Exception {
        for (final String value : new String[] {"true", "\"true\"", "\"True\"", "\"1\""}) {
            final SyncMessage message = message("{\"service\":\"DongBoHoSoMC\",\"isUpdating\":" + value
                + ",\"data\":[{},{}]}", SyncMessage.QueryValues.NONE);
            assertThat(message.isUpdating()).as(value).isTrue();
            assertThat(message.service()).isEqualTo(SyncMessage.Service.DONG_BO_HO_SO_MC);
            assertThat(message.items()).hasSize(2);
        }
        assertThat(message("{\"service\":\"DongBoHoSoMC\",\"isUpdating\":\"\",\"data\":[]}",
            SyncMessage.QueryValues.NONE).isUpdating()).isNull();
    }

    @Test
    void a_plain_array_takes_isUpdating_MaDinhDanhDV_and_service_from_the_query_string() throws Exception {
        final SyncMessage message = message("[{\"MaHoSo\":\"H1\"}]",
            new SyncMessage.QueryValues("DongBoHoSoMC", "False", "000.00.01.H22"));
        assertThat(message.service()).isEqualTo(SyncMessage.Service.DONG_BO_HO_SO_MC);
        assertThat(message.isUpdating()).isFalse();
        assertThat(message.maDinhDanhDV()).isEqualTo("000.00.01.H22");
        assertThat(message.items()).hasSize(1);

        final SyncMessage steps = message("{\"service\":\"CapNhatTienDoHoSoMC\",\"data\":[{}]}",
            new SyncMessage.QueryValues(null, null, null));
        assertThat(steps.service()).isEqualTo(SyncMessage.Service.CAP_NHAT_TIEN_DO_HO_SO_MC);

        final SyncMessage one = message("{\"MaHoSo\":\"H1\"}", SyncMessage.QueryValues.NONE);
        assertThat(one.service()).isEqualTo(SyncMessage.Service.RECORDS);
        assertThat(one.items()).hasSize(1);
    }

    @Test
    void what_is_no_sync_message_is_refused_with_a_vietnamese_reason() {
        assertThatThrownBy(() -> message("{\"service\":\"LayThuTuc\",\"data\":[]}", SyncMessage.QueryValues.NONE))
            .hasMessage("service 'LayThuTuc' không được hỗ trợ: chỉ DongBoHoSoMC và CapNhatTienDoHoSoMC");
        assertThatThrownBy(() -> message("{\"service\":\"DongBoHoSoMC\",\"data\":{}}", SyncMessage.QueryValues.NONE))
            .hasMessage("thông điệp DongBoHoSoMC phải có trường 'data' là một mảng");
        assertThatThrownBy(() -> message("{\"service\":\"DongBoHoSoMC\",\"isUpdating\":\"có\",\"data\":[]}",
            SyncMessage.QueryValues.NONE)).hasMessage("isUpdating phải là true hoặc false, nhận được 'có'");
        assertThatThrownBy(() -> message("\"DongBoHoSoMC\"", SyncMessage.QueryValues.NONE))
            .hasMessageStartingWith("nội dung phải là một thông điệp đồng bộ");
    }
}
