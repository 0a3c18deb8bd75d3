package vn.tthc.monitor.tools.dvcqg;

import java.util.ArrayList;
import java.util.List;
import vn.tthc.monitor.gateway.status.StatusMapping;
import vn.tthc.monitor.gateway.status.SyncMapper;

/** The counts of an import so far, and the first rejections with where they are; printed in Vietnamese. */
final class ImportSummary {

    /** Rejections named one by one; the rest are counted. */
    private static final int NAMED_REJECTIONS = 20;

    private long messages;
    private long items;
    private long mapped;
    private long assumed;
    private long ignored;
    private long rejected;
    private long events;
    private long alreadySent;
    private final List<String> firstRejections = new ArrayList<>();

    void message() {
        messages++;
    }

    /** A message that could not be read at all: one rejection, its items unknown. */
    void unreadable(final String where, final String reason) {
        rejected++;
        name(where + ": " + reason);
    }

    void item(final String where, final SyncMapper.MappedItem item, final int written) {
        items++;
        events += written;
        alreadySent += item.alreadySent();
        if (item.result() instanceof StatusMapping.Mapped) {
            mapped++;
            if (!item.assumed().isEmpty()) {
                assumed++;
            }
        } else if (item.result() instanceof StatusMapping.Ignored) {
            ignored++;
        } else {
            rejected++;
            name(where + " mục " + item.index() + (item.maHoSo() == null ? "" : " (" + item.maHoSo() + ")") + ": "
                + ((StatusMapping.Rejected) item.result()).reason());
        }
    }

    /** An event the contract refused although the mapping made it (never expected): counted with its reason. */
    void eventRejected(final String where, final String reason) {
        rejected++;
        name(where + ": sự kiện không hợp lệ: " + reason);
    }

    private void name(final String rejection) {
        if (firstRejections.size() < NAMED_REJECTIONS) {
            firstRejections.add(rejection);
        }
    }

    String progress() {
        return "đã đọc " + messages + " thông điệp, " + items + " hồ sơ/bước; " + events + " sự kiện đã ghi";
    }

    String text() {
        final StringBuilder text = new StringBuilder()
            .append("Tổng kết: ").append(messages).append(" thông điệp, ").append(items).append(" hồ sơ/bước\n")
            .append("  đã ánh xạ:  ").append(mapped).append(" (trong đó ").append(assumed)
            .append(" có giá trị giả định từ cấu hình)\n")
            .append("  bỏ qua:     ").append(ignored).append(" (trạng thái không có sự kiện)\n")
            .append("  bị từ chối: ").append(rejected).append('\n')
            .append("  sự kiện đã ghi: ").append(events).append(" (").append(alreadySent)
            .append(" đã ghi trước đó, không ghi lại)\n");
        if (!firstRejections.isEmpty()) {
            text.append("Bị từ chối").append(rejected > firstRejections.size()
                ? " (" + firstRejections.size() + " đầu tiên)" : "").append(":\n");
            firstRejections.forEach(rejection -> text.append("  ").append(rejection).append('\n'));
        }
        return text.toString();
    }

    long rejected() {
        return rejected;
    }

    long events() {
        return events;
    }
}
