package vn.tthc.monitor.gateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.tthc.monitor.contract.event.Event;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.ParseResult;

/**
 * The events the benchmark sends: the lines of a JSON Lines file (e.g. written by the case
 * simulator), every one a valid event of the same source, each kept as its text before and after
 * the end of its {@code eventId}, so that a suffix turns the same line into a new event.
 */
final class EventLines {

    private final List<String> heads;
    private final List<String> tails;
    private final String source;

    private EventLines(final List<String> heads, final List<String> tails, final String source) {
        this.heads = heads;
        this.tails = tails;
        this.source = source;
    }

    /** Reads the file; a line that is not a valid event, or of another source, is refused: the gateway would refuse it. */
    static EventLines read(final Path file) throws IOException {
        final List<String> heads = new ArrayList<>();
        final List<String> tails = new ArrayList<>();
        String source = null;
        int number = 0;
        for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            final ParseResult parsed = EventParser.parse(line);
            if (parsed instanceof ParseResult.Rejected rejected) {
                throw new IllegalArgumentException(file + " line " + number + " is not a valid event: " + rejected.reason());
            }
            final Event event = ((ParseResult.Valid) parsed).event();
            if (event.source() == null || source != null && !source.equals(event.source())) {
                throw new IllegalArgumentException(file + " line " + number + ": every event must carry the source of the "
                    + "first one (" + source + "), was " + event.source());
            }
            source = event.source();
            final int at = line.indexOf('"' + event.eventId() + '"', line.indexOf("\"eventId\""));
            if (at < 0) {
                throw new IllegalArgumentException(file + " line " + number + ": the eventId is written with escapes");
            }
            final int end = at + 1 + event.eventId().length();
            heads.add(line.substring(0, end));
            tails.add(line.substring(end));
        }
        if (heads.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no events");
        }
        return new EventLines(heads, tails, source);
    }

    /** The source every event carries: the one the API key must be for. */
    String source() {
        return source;
    }

    int size() {
        return heads.size();
    }

    /** Appends line {@code index} with {@code suffix} at the end of its eventId. */
    void append(final StringBuilder body, final int index, final String suffix) {
        body.append(heads.get(index)).append(suffix).append(tails.get(index));
    }
}
