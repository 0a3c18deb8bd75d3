package vn.tthc.monitor.gateway.status;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One dossier record of the national portal's {@code DongBoHoSoMC} message (Cổng DVC quốc gia, đồng bộ hồ sơ),
 * or of the plain record array: only the fields the mapping uses. The personal fields of the message (ChuHoSo,
 * SoDienThoai, Email, Fax, MaDoiTuong, TrichYeuHoSo, attachments) are never read. Dates are Vietnam local time;
 * absent or empty fields are {@code null}.
 *
 * @param maHoSo          case code (mã hồ sơ)
 * @param maTthc          procedure code (mã thủ tục hành chính)
 * @param maLinhVuc       field code (mã lĩnh vực)
 * @param donViXuLy       handling unit (đơn vị xử lý), often its name
 * @param maDinhDanhDV    the unit's code (mã định danh đơn vị) when the record carries one
 * @param ngayTiepNhan    reception time
 * @param ngayHenTra      appointment for the result (ngày hẹn trả)
 * @param trangThaiHoSo   status code 1..10
 * @param kenhThucHien    channel 1 counter, 2 online, 3 postal; often absent
 * @param ngayKetThucXuLy end of processing
 * @param ngayTra         result handed over
 * @param ngayCapNhat     time of this status change: an extension of this gateway, read when present
 * @param supplements     the record's supplement requests (DanhSachHoSoBoSung), in their order
 */
public record StatusRecord(String maHoSo, String maTthc, String maLinhVuc, String donViXuLy, String maDinhDanhDV,
                           LocalDateTime ngayTiepNhan, LocalDateTime ngayHenTra, int trangThaiHoSo,
                           Integer kenhThucHien, LocalDateTime ngayKetThucXuLy, LocalDateTime ngayTra,
                           LocalDateTime ngayCapNhat, List<Supplement> supplements) implements PortalItem {

    public StatusRecord {
        supplements = List.copyOf(supplements);
    }

    @Override
    public int status() {
        return trangThaiHoSo;
    }

    /**
     * One entry of DanhSachHoSoBoSung: the request ({@code NgayBoSung}), the citizen's answer
     * ({@code NgayTiepNhanBoSung}, null while it is awaited) and the appointments before and after it.
     *
     * @param index the entry's position in the list
     */
    public record Supplement(int index, LocalDateTime ngayBoSung, LocalDateTime ngayTiepNhanBoSung,
                             LocalDateTime ngayHenTraTruoc, LocalDateTime ngayHenTraMoi) {
    }
}
