package vn.tthc.monitor.contract.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionRequestTest {

    private static final List<String> KEY = List.of("UBND-P-VTS", "*", "2026-12", "onTimeRate");
    /** 05/12/2026 23:30 in Vietnam (16:30 UTC): the Vietnamese date is the 5th, not UTC's. */
    private static final Instant NOW = Instant.parse("2026-12-05T16:30:00Z");

    private static ActionRequest record(final String due) {
        return new ActionRequest("record", "  Thiếu cán bộ tiếp nhận  ", "Bổ sung cán bộ; rà soát quy trình",
            "Trần Thị Bình", due, null);
    }

    @Test
    void aFullRecordingIsAcceptedAndCleaned() {
        final ActionRequest request = record("2026-12-05");
        assertThat(request.problems(null, NOW)).isEmpty();
        final ActionEvent event = request.event(KEY, "truong-phuong", ActionChannel.API, NOW);
        assertThat(event.cause()).isEqualTo("Thiếu cán bộ tiếp nhận");
        assertThat(event.due()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(event.type()).isEqualTo(ActionEventType.RECORDED);
    }

    @Test
    void missingFieldsAreNamedInVietnamese() {
        assertThat(new ActionRequest("record", " ", null, null, null, null).problems(null, NOW)).containsExactly(
            "Nguyên nhân là bắt buộc.", "Hành động khắc phục là bắt buộc.", "Người chịu trách nhiệm là bắt buộc.",
            "Thời hạn hoàn thành là bắt buộc (dạng năm-tháng-ngày, ví dụ 2026-12-31).");
        assertThat(new ActionRequest("delete", null, null, null, null, null).problems(null, NOW)).singleElement()
            .asString().startsWith("Loại thao tác không hợp lệ");
        assertThat(new ActionRequest(null, null, null, null, null, null).problems(null, NOW)).hasSize(1);
    }

    @Test
    void dueDatesFromTodayInVietnamToAYearAhead() {
        assertThat(record("2026-12-04").problems(null, NOW))
            .containsExactly("Thời hạn hoàn thành 04/12/2026 đã qua: chọn từ hôm nay (05/12/2026) trở đi.");
        assertThat(record("2027-12-06").problems(null, NOW)).isEmpty();
        assertThat(record("2027-12-07").problems(null, NOW)).singleElement().asString().contains("quá xa");
        assertThat(record("31/12/2026").problems(null, NOW)).singleElement().asString()
            .isEqualTo("Thời hạn hoàn thành \"31/12/2026\" không phải là ngày hợp lệ (dạng năm-tháng-ngày, ví dụ 2026-12-31).");
        assertThat(record("2026-02-30").problems(null, NOW)).hasSize(1);
    }

    @Test
    void lengthsCountCharactersNotBytesAndControlCharactersAreRefused() {
        final String vietnamese = "Ữ".repeat(ActionRequest.MAX_TEXT);
        assertThat(new ActionRequest("record", vietnamese, "x", "y", "2026-12-06", null).problems(null, NOW)).isEmpty();
        assertThat(new ActionRequest("record", vietnamese + "Ữ", "x", "y", "2026-12-06", null).problems(null, NOW))
            .containsExactly("Nguyên nhân dài 2001 ký tự, tối đa 2000 ký tự.");
        assertThat(new ActionRequest("record", "dòng 1\ndòng 2", "x", "Bình\nAn", "2026-12-06", null).problems(null, NOW))
            .containsExactly("Người chịu trách nhiệm chứa ký tự điều khiển không được phép (kể cả xuống dòng).");
        assertThat(new ActionRequest("record", "a\u0000b", "x", "y", "2026-12-06", null).problems(null, NOW))
            .containsExactly("Nguyên nhân chứa ký tự điều khiển không được phép.");
        assertThat(ActionRequest.byProblems("x".repeat(201))).hasSize(1);
        assertThat(ActionRequest.byProblems("  ")).containsExactly("Người ghi nhận là bắt buộc.");
        // decomposed Vietnamese (NFD) is stored composed
        assertThat(new ActionRequest("record", "Nguye\u0302\u0303n", "x", "y", "2026-12-06", null).cause()).isEqualTo("Nguyễn");
    }

    @Test
    void completionNeedsARecordingAndAcknowledgementHappensOnce() {
        final CorrectiveAction acknowledged = CorrectiveAction.apply(null,
            new ActionRequest("acknowledge", null, null, null, null, null).event(KEY, "an", ActionChannel.API, NOW));
        final ActionRequest complete = new ActionRequest("complete", null, null, null, null, null);
        assertThat(complete.problems(null, NOW)).singleElement().asString().startsWith("Chưa ghi nhận hành động khắc phục");
        assertThat(complete.problems(acknowledged, NOW)).hasSize(1);
        assertThat(new ActionRequest("acknowledge", null, null, null, null, null).problems(acknowledged, NOW))
            .containsExactly("Cảnh báo đã được an tiếp nhận lúc 05/12/2026 23:30.");
        final CorrectiveAction recorded = CorrectiveAction.apply(acknowledged, record("2026-12-10").event(KEY, "an", ActionChannel.API, NOW));
        assertThat(complete.problems(recorded, NOW)).isEmpty();
        final CorrectiveAction done = CorrectiveAction.apply(recorded, complete.event(KEY, "an", ActionChannel.API, NOW));
        assertThat(complete.problems(done, NOW)).singleElement().asString().startsWith("Hành động khắc phục đã được an báo hoàn thành");
    }
}
