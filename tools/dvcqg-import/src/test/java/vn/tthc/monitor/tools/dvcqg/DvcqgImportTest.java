package vn.tthc.monitor.tools.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.ParseResult;

/** Saved sync messages through the import into an events file: the events, nothing twice, and the summary. */
class DvcqgImportTest {

    @TempDir
    Path dir;

    private static String record(final String maHoSo, final String status, final String unit, final String ketThuc) {
        return "{\"MaHoSo\":\"" + maHoSo + "\",\"MaTTHC\":\"1.004227\",\"MaLinhVuc\":\"DAT_DAI\",\"ChuHoSo\":\"Bí Mật\","
            + "\"NgayTiepNhan\":\"20260302081500\",\"NgayHenTra\":\"20260312170000\",\"TrangThaiHoSo\":\"" + status
            + "\",\"NgayKetThucXuLy\":\"" + ketThuc + "\",\"DonViXuLy\":\"" + unit + "\",\"DanhSachHoSoBoSung\":[]}";
    }

    @Test
    void messages_of_json_and_json_lines_files_become_events_once_with_a_summary() throws IOException {
        final Path units = dir.resolve("units.yaml");
        Files.writeString(units, "units:\n  - {id: UBND-P-BAN-CO, name: UBND phường Bàn Cờ}\n");
        final Path first = dir.resolve("dongbo-1.json");
        Files.writeString(first, "{\"service\":\"DongBoHoSoMC\",\"isUpdating\":\"false\",\"data\":["
            + record("H-1", "2", "ubnd phường bàn cờ", "") + "," + record("H-2", "2", "Phường Khác", "") + "]}");
        final Path later = dir.resolve("later.jsonl");
        Files.writeString(later, "{\"service\":\"DongBoHoSoMC\",\"isUpdating\":true,\"data\":["
            + record("H-1", "9", "UBND phường Bàn Cờ", "20260311160000") + "]}\n"
            + "\n"
            + "{\"service\":\"DongBoHoSoMC\",\"isUpdating\":true,\"data\":["
            + record("H-1", "9", "UBND phường Bàn Cờ", "20260311160000") + "]}\n"
            + "{not json\n");
        final Path output = dir.resolve("events.jsonl");
        final ByteArrayOutputStream console = new ByteArrayOutputStream();

        final int status = DvcqgImport.run(new String[] {"--source", "motcua-hcm", "--output", output.toString(),
            "--units", units.toString(), first.toString(), later.toString()},
            new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        final List<Event> events = Files.readAllLines(output).stream().map(line -> {
            final ParseResult parsed = EventParser.parse(line.getBytes(StandardCharsets.UTF_8));
            assertThat(parsed).as(line).isInstanceOf(ParseResult.Valid.class);
            return ((ParseResult.Valid) parsed).event();
        }).toList();
        assertThat(events).extracting(Event::eventId).containsExactly(
            "dvcqg:motcua-hcm:H-1:2:20260302081500", "dvcqg:motcua-hcm:H-1:9:20260311160000");
        assertThat(Files.readString(output)).doesNotContain("Bí Mật").contains("\"unitId\":\"UBND-P-BAN-CO\"");
        assertThat(console.toString(StandardCharsets.UTF_8)).startsWith("tệp tổ chức: " + units + "; bảng lĩnh vực: "
            + "bảng kèm theo (dvcqg/linh-vuc.csv); mặc định tiếp nhận: không có\n").contains("""
            Tổng kết: 4 thông điệp, 4 hồ sơ/bước
              đã ánh xạ:  3 (trong đó 1 có giá trị giả định từ cấu hình)
              bỏ qua:     0 (trạng thái không có sự kiện)
              bị từ chối: 2
              sự kiện đã ghi: 2 (3 đã ghi trước đó, không ghi lại)
            Bị từ chối:
            """).contains(first + " mục 1 (H-2): DonViXuLy 'Phường Khác' không khớp đơn vị nào của tệp tổ chức")
            .contains(later + ":4: không phải JSON");
    }

    @Test
    void wrong_arguments_are_explained_and_exit_2() {
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final int status = DvcqgImport.run(new String[] {"--output", "x.jsonl", "a.json"},
            new PrintStream(console, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(console.toString(StandardCharsets.UTF_8)).startsWith("cần --source, một mã nguồn hợp lệ")
            .contains("Cách dùng: ./tthc import-dvcqg");
    }
}
