package vn.tthc.monitor.gateway.status;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * What the gateway knows of each case of each source from the portal's messages it took: the last status, the
 * appointment then, and the events already sent (acknowledged or answered duplicate), as 64-bit fingerprints of
 * their ids. It tells a status 4 that follows a 5 from one that follows a reception, and keeps a re-sent record
 * from giving its events again. Bounded (least recently used cases are forgotten) and in memory only: a
 * forgotten case's events are given again with the same ids, which the gateway's recent ids and kpi-streams
 * count once.
 */
public final class CaseStatusMemory {

    /** What is remembered of a case. {@code sent} is sorted. */
    public record CaseState(int status, LocalDateTime ngayHenTra, long[] sent) {

        public boolean hasSent(final String eventId) {
            return Arrays.binarySearch(sent, fingerprint(eventId)) >= 0;
        }

        /** This state with a new status and these events sent too. */
        CaseState then(final int newStatus, final LocalDateTime newHenTra, final Collection<String> eventIds) {
            final long[] more = Arrays.copyOf(sent, sent.length + eventIds.size());
            int next = sent.length;
            for (final String eventId : eventIds) {
                more[next++] = fingerprint(eventId);
            }
            Arrays.sort(more);
            return new CaseState(newStatus, newHenTra, Arrays.stream(more).distinct().toArray());
        }

        static CaseState first(final int status, final LocalDateTime ngayHenTra, final Collection<String> eventIds) {
            return new CaseState(status, ngayHenTra, new long[0]).then(status, ngayHenTra, eventIds);
        }
    }

    private final Cache<String, CaseState> cases;

    public CaseStatusMemory(final long maximumSize) {
        this.cases = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    public Optional<CaseState> last(final String source, final String maHoSo) {
        return Optional.ofNullable(cases.getIfPresent(key(source, maHoSo)));
    }

    /** Remembers {@code state} as the case's. */
    public void remember(final String source, final String maHoSo, final CaseState state) {
        cases.put(key(source, maHoSo), state);
    }

    private static String key(final String source, final String maHoSo) {
        return source + '\u0000' + maHoSo;
    }

    /** FNV-1a over the id's UTF-8 bytes: a case holds a handful of ids, so 64 bits never collide in practice. */
    static long fingerprint(final String eventId) {
        long hash = 0xcbf29ce484222325L;
        for (final byte b : eventId.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }
}
