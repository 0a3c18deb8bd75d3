package vn.tthc.monitor.gateway.status;

import java.time.LocalDateTime;

/**
 * One status record as one-stop systems send it to the national public service portal (Cổng DVC
 * quốc gia, đồng bộ trạng thái hồ sơ). Dates are the portal's local Vietnam time; the optional
 * fields are {@code null} when absent.
 *
 * @param maHoSo          case code (mã hồ sơ)
 * @param maTthc          procedure code (mã thủ tục hành chính)
 * @param maLinhVuc       field code (mã lĩnh vực)
 * @param donViXuLy       handling unit (đơn vị xử lý)
 * @param ngayTiepNhan    reception time
 * @param ngayHenTra      appointment for the result (ngày hẹn trả)
 * @param trangThaiHoSo   status code 1..10
 * @param kenhThucHien    channel 1 counter, 2 online, 3 postal
 * @param ngayKetThucXuLy end of processing
 * @param ngayTra         result handed over
 * @param ngayCapNhat     time of this status change (extension: the portal record has no such field
 *                        for statuses 4, 5 and 7, which need one)
 */
public record StatusRecord(String maHoSo, String maTthc, String maLinhVuc, String donViXuLy,
                           LocalDateTime ngayTiepNhan, LocalDateTime ngayHenTra, int trangThaiHoSo,
                           Integer kenhThucHien, LocalDateTime ngayKetThucXuLy, LocalDateTime ngayTra,
                           LocalDateTime ngayCapNhat) {
}
