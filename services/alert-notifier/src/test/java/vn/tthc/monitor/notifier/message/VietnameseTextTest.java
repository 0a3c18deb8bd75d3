package vn.tthc.monitor.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.kpi.Kpi;

class VietnameseTextTest {

    @Test
    void periodsReadAsMonthQuarterHalfYearAndYear() {
        assertThat(VietnameseText.periodName("2026-11")).isEqualTo("tháng 11/2026");
        assertThat(VietnameseText.periodName("2026-03")).isEqualTo("tháng 3/2026");
        assertThat(VietnameseText.periodName("2026-Q4")).isEqualTo("quý 4/2026");
        assertThat(VietnameseText.periodName("2026-H1")).isEqualTo("6 tháng đầu năm 2026");
        assertThat(VietnameseText.periodName("2026-H2")).isEqualTo("6 tháng cuối năm 2026");
        assertThat(VietnameseText.periodName("2026")).isEqualTo("năm 2026");
    }

    @Test
    void percentagesHaveADecimalCommaAndNoNeedlessZeros() {
        assertThat(VietnameseText.percent(0.935)).isEqualTo("93,5%");
        assertThat(VietnameseText.percent(0.98)).isEqualTo("98%");
        assertThat(VietnameseText.percent(1.0)).isEqualTo("100%");
        assertThat(VietnameseText.percent(0.0)).isEqualTo("0%");
        assertThat(VietnameseText.percent(2.0 / 3)).isEqualTo("66,66%");
    }

    @Test
    void aValueJustUnderItsTargetNeverReadsAsTheTarget() {
        assertThat(VietnameseText.percent(0.979999)).isEqualTo("97,99%");
    }

    @Test
    void everyKpiHasItsVietnameseName() {
        assertThat(VietnameseText.kpiName(Kpi.fromId("onTimeRate"))).isEqualTo("Tỷ lệ hồ sơ giải quyết đúng hạn");
        assertThat(VietnameseText.kpiName(Kpi.fromId("satisfactionRate"))).isEqualTo("Tỷ lệ hài lòng");
        assertThat(VietnameseText.kpiName(Kpi.fromId("onlineRate"))).isEqualTo("Tỷ lệ dịch vụ công trực tuyến toàn trình");
        assertThat(VietnameseText.kpiName(Kpi.fromId("feedbackOnTimeRate")))
            .isEqualTo("Tỷ lệ phản ánh kiến nghị xử lý đúng hạn");
    }

    @Test
    void timesAreVietnamTime() {
        assertThat(VietnameseText.dateTime(Instant.parse("2026-11-22T17:30:00Z"))).isEqualTo("00:30 ngày 23/11/2026");
    }

    @Test
    void durationsReadInDaysHoursAndMinutes() {
        assertThat(VietnameseText.duration(Duration.ofHours(4))).isEqualTo("4 giờ");
        assertThat(VietnameseText.duration(Duration.ofMinutes(26 * 60 + 15))).isEqualTo("1 ngày 2 giờ 15 phút");
        assertThat(VietnameseText.duration(Duration.ofSeconds(20))).isEqualTo("dưới 1 phút");
    }

    @Test
    void largeCountsHaveDotsBetweenThousands() {
        assertThat(VietnameseText.count(12345)).isEqualTo("12.345");
    }
}
