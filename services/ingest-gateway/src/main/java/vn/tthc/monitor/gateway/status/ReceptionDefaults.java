package vn.tthc.monitor.gateway.status;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import vn.tthc.monitor.contract.event.Channel;

/**
 * What a portal record cannot say and a reception needs: the channel when the record has no KenhThucHien, and
 * whether the procedure is offered fully online (DVC trực tuyến toàn trình), per source and per procedure.
 * Each is resolved on its own, the most specific entry that sets it winning: source+procedure, source,
 * procedure, then defaults (COUNTER, not eligible), as the targets file does with units and fields.
 */
public final class ReceptionDefaults {

    /** One entry of the file: either key may be absent (null). */
    record Entry(Channel channel, Boolean onlineEligible) {
        static final Entry NONE = new Entry(null, null);
    }

    /** A source's entry and its procedures' entries. */
    record SourceEntry(Channel channel, Boolean onlineEligible, Map<String, Entry> procedures) {
    }

    /** The file: {@code defaults}, {@code procedures} and {@code sources}, every key optional. */
    record File(Entry defaults, Map<String, Entry> procedures, Map<String, SourceEntry> sources) {
    }

    /**
     * The values for one reception.
     *
     * @param onlineEligibleNamed whether an entry naming the procedure set {@code onlineEligible}; when not, the
     *                            value is the source's or the default, an assumption the answer reports
     */
    public record Reception(Channel channel, boolean onlineEligible, boolean onlineEligibleNamed) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final File file;

    private ReceptionDefaults(final File file) {
        this.file = file;
    }

    /** No file: every procedure in {@code onlineEligibleProcedures} is eligible, the rest not; channel COUNTER. */
    public static ReceptionDefaults of(final Collection<String> onlineEligibleProcedures) {
        return new ReceptionDefaults(withProcedures(new File(null, null, null), onlineEligibleProcedures));
    }

    /**
     * The YAML file at {@code path}, with the procedures of {@code onlineEligibleProcedures} (the older
     * TTHC_GATEWAY_ONLINE_ELIGIBLE_PROCEDURES) eligible unless the file's procedure entry says otherwise.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds an unknown key or value
     */
    public static ReceptionDefaults load(final Path path, final Collection<String> onlineEligibleProcedures) {
        try {
            return new ReceptionDefaults(withProcedures(YAML.readValue(path.toFile(), File.class),
                onlineEligibleProcedures));
        } catch (final com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(path + ": not a reception defaults file: " + e.getOriginalMessage(), e);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the reception defaults file " + path, e);
        }
    }

    private static File withProcedures(final File file, final Collection<String> onlineEligibleProcedures) {
        final Map<String, Entry> procedures = new HashMap<>();
        onlineEligibleProcedures.forEach(procedure -> procedures.put(procedure, new Entry(null, true)));
        if (file.procedures() != null) {
            file.procedures().forEach((procedure, entry) -> procedures.merge(procedure, entry,
                (listed, filed) -> new Entry(filed.channel(), filed.onlineEligible() != null
                    ? filed.onlineEligible() : listed.onlineEligible())));
        }
        return new File(file.defaults() == null ? Entry.NONE : file.defaults(), procedures,
            file.sources() == null ? Map.of() : file.sources());
    }

    public Reception of(final String source, final String procedure) {
        final SourceEntry sourceEntry = file.sources().get(source);
        final Entry sourceProcedure = sourceEntry == null || sourceEntry.procedures() == null ? Entry.NONE
            : sourceEntry.procedures().getOrDefault(procedure, Entry.NONE);
        final Entry sourceLevel = sourceEntry == null ? Entry.NONE
            : new Entry(sourceEntry.channel(), sourceEntry.onlineEligible());
        final Entry procedureLevel = file.procedures().getOrDefault(procedure, Entry.NONE);
        final Entry[] order = {sourceProcedure, sourceLevel, procedureLevel, file.defaults()};
        Channel channel = Channel.COUNTER;
        for (int i = order.length - 1; i >= 0; i--) {
            channel = order[i].channel() != null ? order[i].channel() : channel;
        }
        Boolean eligible = null;
        boolean named = false;
        for (final Entry entry : order) {
            if (entry.onlineEligible() != null) {
                eligible = entry.onlineEligible();
                named = entry == sourceProcedure || entry == procedureLevel;
                break;
            }
        }
        return new Reception(channel, eligible != null && eligible, named);
    }
}
