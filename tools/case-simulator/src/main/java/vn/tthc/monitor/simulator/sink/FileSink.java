package vn.tthc.monitor.simulator.sink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes events as JSON Lines, for {@code ./tthc replay}. */
public final class FileSink implements EventSink {

    private final OutputStream out;
    private long written;

    public FileSink(final Path file) throws IOException {
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    @Override
    public void send(final Delivery delivery) throws IOException {
        out.write(delivery.json());
        out.write('\n');
        written++;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public Map<String, Object> progress() {
        return Map.of("written", written);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
