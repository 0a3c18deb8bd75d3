package vn.tthc.monitor.gateway.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection that POSTs JSON bodies and reads each answer whole (status,
 * headers, a Content-Length or chunked body) before the next request: the least CPU a load
 * generator can spend per request, so that on a small machine the load takes less of the cores
 * the gateway needs than the JDK HttpClient does.
 */
final class KeepAliveConnection implements GatewayBenchmark.Poster {

    /** The status code and the body text of an answer. */
    record Answer(int status, String body) {
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] head;

    KeepAliveConnection(final URI uri, final String key) throws IOException {
        this.socket = new Socket(uri.getHost(), uri.getPort());
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.head = ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
            + "\r\nContent-Type: application/json\r\nAuthorization: Bearer " + key + "\r\nContent-Length: ")
            .getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Answer post(final byte[] body) throws IOException {
        final ByteArrayOutputStream request = new ByteArrayOutputStream(head.length + 16 + body.length);
        request.write(head);
        request.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        request.write(body);
        request.writeTo(out);
        out.flush();
        return read();
    }

    private Answer read() throws IOException {
        final String statusLine = line();
        final String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        final int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            final String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring("content-length:".length()).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            return new Answer(status, chunkedBody());
        }
        if (length < 0) {
            throw new IOException("an answer without Content-Length on a keep-alive connection");
        }
        return new Answer(status, new String(in.readNBytes((int) length), StandardCharsets.UTF_8));
    }

    private String chunkedBody() throws IOException {
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().split(";", 2)[0].strip(), 16); size > 0;
             size = Integer.parseInt(line().split(";", 2)[0].strip(), 16)) {
            body.write(in.readNBytes(size));
            line();
        }
        skipTrailers();
        return body.toString(StandardCharsets.UTF_8);
    }

    private void skipTrailers() throws IOException {
        String trailer;
        do {
            trailer = line();
        } while (!trailer.isEmpty());
    }

    private String line() throws IOException {
        final StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the gateway closed the connection");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
