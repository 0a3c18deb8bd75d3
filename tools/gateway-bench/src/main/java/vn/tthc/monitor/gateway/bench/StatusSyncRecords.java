package vn.tthc.monitor.gateway.bench;

/**
 * The bodies of the status-sync run: DongBoHoSoMC messages of {@code batch} dossier records as an OpenCPS
 * system writes them (every value a string, empty strings, personal fields, about 1.3 KB each), each record a new
 * dossier (its MaHoSo names the run, connection and number, so nothing is ever already sent). The records go
 * round four shapes, 2.5 events each on average: received (1 event), a supplement requested (2), answered (3),
 * and resolved after it (4).
 */
final class StatusSyncRecords {

    /** The source of the key the run uses. */
    static final String SOURCE = "bench-motcua";
    private static final String[] STATUSES = {"2", "5", "4", "9"};

    private StatusSyncRecords() {
    }

    /** The message of records {@code first} to {@code first + batch - 1} with {@code prefix} in their MaHoSo. */
    static byte[] message(final int batch, final String prefix, final long first) {
        final StringBuilder body = new StringBuilder(batch * 1400 + 64)
            .append("{\"service\":\"DongBoHoSoMC\",\"isUpdating\":\"false\",\"data\":[");
        for (int i = 0; i < batch; i++) {
            record(body.append(i == 0 ? "" : ","), prefix, first + i);
        }
        return body.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void record(final StringBuilder body, final String prefix, final long n) {
        final int shape = (int) (n % STATUSES.length);
        final String answered = shape >= 2 ? "20260306140000" : "";
        final String supplements = shape == 0 ? "[]" : "[{\"HoSoBoSungId\":\"1\",\"NguoiYeuCauBoSung\":\"Cán bộ A\","
            + "\"NoiDungBoSung\":\"Bổ sung bản sao giấy tờ\",\"NgayBoSung\":\"20260304090000\","
            + "\"NguoiTiepNhanBoSung\":\"\",\"ThongTinTiepNhan\":\"\",\"NgayTiepNhanBoSung\":\"" + answered
            + "\",\"TrangThaiBoSung\":\"\",\"DanhSachGiayToBoSung\":[],\"DanhSachLePhiBoSung\":[],"
            + "\"NgayHenTraTruoc\":\"20260312170000\",\"NgayHenTraMoi\":\"\"}]";
        body.append("{\"MaHoSo\":\"").append(prefix).append(n).append("\",\"MaTTHC\":\"1.004227\",")
            .append("\"TenTTHC\":\"Đăng ký biến động quyền sử dụng đất\",\"MaLinhVuc\":\"DAT_DAI\",")
            .append("\"TenLinhVuc\":\"Đất đai\",\"ChuHoSo\":\"Nguyễn Văn A\",\"LoaiDoiTuong\":\"1\",\"MaDoiTuong\":\"\",")
            .append("\"ThongTinKhac\":\"\",\"Email\":\"a@example.org\",\"Fax\":\"\",\"SoDienThoai\":\"0900000000\",")
            .append("\"TrichYeuHoSo\":\"Đăng ký biến động\",\"NgayTiepNhan\":\"20260302081500\",")
            .append("\"NgayHenTra\":\"20260312170000\",\"TrangThaiHoSo\":\"").append(STATUSES[shape])
            .append("\",\"NgayTra\":\"\",\"ThongTinTra\":\"\",\"HinhThuc\":\"0\",\"NgayKetThucXuLy\":\"")
            .append(shape == 3 ? "20260311160000" : "").append("\",\"DonViXuLy\":\"UBND-P-BAN-CO\",\"GhiChu\":\"\",")
            .append("\"TaiLieuNop\":[{\"TepDinhKemId\":\"1\",\"TenTepDinhKem\":\"don.pdf\"}],\"DanhSachLePhi\":[],")
            .append("\"DanhSachTepDinhKemKhac\":[],\"DanhSachHoSoBoSung\":").append(supplements)
            .append(",\"DanhSachGiayToKetQua\":[]}");
    }
}
