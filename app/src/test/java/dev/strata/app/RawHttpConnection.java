package dev.strata.app;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection driven byte by byte, so that a test sees exactly what happened to each
 * request: refused, written, answered completely, cut short by an end of stream, or reset. Kept
 * alive unless the server says {@code Connection: close}. Not thread-safe.
 */
final class RawHttpConnection implements AutoCloseable {

    private final SocketChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).flip();
    private int requests;

    private RawHttpConnection(SocketChannel channel) {
        this.channel = channel;
    }

    /** Connects to the loopback port; a refused connection throws {@link java.net.ConnectException}. */
    static RawHttpConnection open(int port) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return new RawHttpConnection(channel);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** How many requests were written on this connection. */
    int requests() {
        return requests;
    }

    /**
     * Whether the server has already closed this connection (an end of stream waits unread), as
     * an HTTP client checks a kept-alive connection before reusing it.
     */
    boolean closedByServer() throws IOException {
        if (buffer.hasRemaining()) {
            throw new IOException("unexpected bytes between responses");
        }
        channel.configureBlocking(false);
        try {
            buffer.clear();
            int read = channel.read(buffer);
            buffer.flip();
            if (read > 0) {
                throw new IOException("unexpected bytes between responses");
            }
            return read < 0;
        } finally {
            channel.configureBlocking(true);
        }
    }

    /** Writes a whole request. */
    void write(String method, String path, Map<String, String> headers, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        writeFully(head.toString().getBytes(StandardCharsets.US_ASCII));
        writeFully(content);
        requests++;
    }

    /** Writes raw bytes, for requests sent in pieces. */
    void writeFully(byte[] bytes) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(bytes);
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    /**
     * Reads one whole response; an end of stream before it is complete throws
     * {@link EOFException} (with how many bytes had come), a reset throws what the socket threw.
     */
    Response read() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!endsWithBlankLine(head)) {
            head.write(next(head.size()));
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int index = 1; index < lines.length; index++) {
            int colon = lines[index].indexOf(':');
            headers.put(lines[index].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[index].substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            readChunked(body, head.size());
        } else {
            long length = Long.parseLong(headers.getOrDefault("content-length", "0"));
            for (long index = 0; index < length; index++) {
                body.write(next(head.size() + body.size()));
            }
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    /** Reads what is left: returns normally only on a clean end of stream (a FIN), with no byte before it. */
    void awaitEndOfStream() throws IOException {
        if (buffer.hasRemaining()) {
            throw new IOException("unexpected bytes after the last response");
        }
        buffer.clear();
        int read = channel.read(buffer);
        buffer.flip();
        if (read >= 0) {
            throw new IOException("expected the server to close the connection, got " + read + " more bytes");
        }
    }

    private void readChunked(ByteArrayOutputStream body, int headSize) throws IOException {
        while (true) {
            String sizeLine = line(headSize + body.size());
            int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
            for (int index = 0; index < size; index++) {
                body.write(next(headSize + body.size()));
            }
            line(headSize + body.size());
            if (size == 0) {
                return;
            }
        }
    }

    private String line(int receivedSoFar) throws IOException {
        StringBuilder line = new StringBuilder();
        int current;
        while ((current = next(receivedSoFar + line.length())) != '\n') {
            if (current != '\r') {
                line.append((char) current);
            }
        }
        return line.toString();
    }

    private int next(int receivedSoFar) throws IOException {
        if (!buffer.hasRemaining()) {
            buffer.clear();
            int read = channel.read(buffer);
            buffer.flip();
            if (read < 0) {
                throw new EOFException("the connection ended after " + receivedSoFar + " bytes of the response");
            }
        }
        return buffer.get() & 0xff;
    }

    private static boolean endsWithBlankLine(ByteArrayOutputStream head) {
        byte[] bytes = head.toByteArray();
        int length = bytes.length;
        return length >= 4 && bytes[length - 4] == '\r' && bytes[length - 3] == '\n' && bytes[length - 2] == '\r'
                && bytes[length - 1] == '\n';
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** A complete response; header names in lower case. */
    record Response(int status, Map<String, String> headers, String body) {

        boolean closesConnection() {
            return "close".equalsIgnoreCase(headers.get("connection"));
        }
    }
}
