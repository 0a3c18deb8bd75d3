package vn.tthc.monitor.gateway.status;

import java.time.LocalDateTime;

/**
 * One processing step of the national portal's {@code CapNhatTienDoHoSoMC} message: the case, the status it
 * reached and when. Who processed it and what they wrote (NguoiXuLy, NoiDungXuLy) are never read.
 *
 * @param maHoSo       case code
 * @param trangThai    status code 1..10 the case reached (TrangThai)
 * @param thoiDiemXuLy when (ThoiDiemXuLy), Vietnam local time; null when absent
 */
public record ProgressStep(String maHoSo, int trangThai, LocalDateTime thoiDiemXuLy) implements PortalItem {

    @Override
    public int status() {
        return trangThai;
    }
}
