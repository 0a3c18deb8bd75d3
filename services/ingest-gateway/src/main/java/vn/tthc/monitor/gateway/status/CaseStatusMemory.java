package vn.tthc.monitor.gateway.status;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The last national status the gateway saw of each case, per source system: what tells a status
 * 4 that follows a 5 (supplement received) from a 4 that follows a reception (processing).
 * Bounded (least recently used cases are forgotten) and in memory only: after a restart, or for a
 * forgotten case, the mapping does not know the previous status and errs on the safe side
 * (see {@link NationalStatusMapping}).
 */
public final class CaseStatusMemory {

    /** What is remembered of a case: its last status code and the appointment it then carried. */
    public record LastStatus(int status, LocalDateTime ngayHenTra) {
    }

    private final Cache<String, LastStatus> cases;

    public CaseStatusMemory(final long maximumSize) {
        this.cases = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    public Optional<LastStatus> last(final String source, final String maHoSo) {
        return Optional.ofNullable(cases.getIfPresent(key(source, maHoSo)));
    }

    public void remember(final String source, final StatusRecord record) {
        cases.put(key(source, record.maHoSo()), new LastStatus(record.trangThaiHoSo(), record.ngayHenTra()));
    }

    private static String key(final String source, final String maHoSo) {
        return source + '\u0000' + maHoSo;
    }
}
