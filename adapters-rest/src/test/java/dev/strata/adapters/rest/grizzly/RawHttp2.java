package dev.strata.adapters.rest.grizzly;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glassfish.grizzly.http2.hpack.Decoder;
import org.glassfish.grizzly.http2.hpack.DecodingCallback;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * An HTTP/2 client that writes its frames by hand, for what a well-behaved client never sends: h2c
 * with prior knowledge (RFC 9113 section 3.3), header blocks encoded as literals without Huffman
 * coding, so that any name or value (upper case, a pseudo-header missing, a connection-specific
 * field) goes on the wire as given. Responses are decoded with Grizzly's HPACK decoder.
 */
final class RawHttp2 implements AutoCloseable {

    static final int DATA = 0x0;
    static final int HEADERS = 0x1;
    static final int PRIORITY = 0x2;
    static final int RST_STREAM = 0x3;
    static final int SETTINGS = 0x4;
    static final int PING = 0x6;
    static final int GOAWAY = 0x7;
    static final int WINDOW_UPDATE = 0x8;
    static final int CONTINUATION = 0x9;

    static final int END_STREAM = 0x1;
    static final int ACK = 0x1;
    static final int END_HEADERS = 0x4;

    static final int SETTINGS_MAX_CONCURRENT_STREAMS = 0x3;
    static final int SETTINGS_MAX_HEADER_LIST_SIZE = 0x6;

    static final int NO_ERROR = 0x0;
    static final int PROTOCOL_ERROR = 0x1;
    static final int FRAME_SIZE_ERROR = 0x6;
    static final int REFUSED_STREAM = 0x7;

    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_FRAME = 16_384;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Decoder decoder = new Decoder(4096);
    private final Map<Integer, Integer> serverSettings = new HashMap<>();

    /** One frame as read. */
    record Frame(int type, int flags, int stream, byte[] payload) {
    }

    /**
     * How a stream ended: its status, fields and body, or the error code of the {@code RST_STREAM}
     * that reset it, or that of a {@code GOAWAY} that ended the connection, or that the connection
     * closed.
     */
    record Answer(int status, Map<String, String> fields, String body, Optional<Integer> reset,
            Optional<Integer> goAway, boolean closed) {
    }

    private RawHttp2(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code server} and sends the connection preface and an empty SETTINGS frame. */
    static RawHttp2 connect(URI server) throws IOException {
        Socket socket = new Socket(server.getHost(), server.getPort());
        // A hang guard only: every answer awaited here is one the server sends at once.
        socket.setSoTimeout(30_000);
        RawHttp2 client = new RawHttp2(socket);
        client.out.write(PREFACE);
        client.frame(SETTINGS, 0, 0, new byte[0]);
        return client;
    }

    /** The settings of the server's first SETTINGS frame (read when first needed). */
    Map<Integer, Integer> serverSettings() throws IOException {
        while (serverSettings.isEmpty()) {
            Frame frame = next();
            if (frame == null) {
                throw new EOFException("the server closed the connection before its SETTINGS");
            }
        }
        return serverSettings;
    }

    /** Sends a request's header block (HEADERS, then CONTINUATION frames if it is large). */
    void headers(int stream, List<String[]> fields, boolean endStream) throws IOException {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        for (String[] field : fields) {
            block.write(0x00); // literal header field without indexing, new name
            literal(block, field[0]);
            literal(block, field[1]);
        }
        byte[] bytes = block.toByteArray();
        int offset = 0;
        boolean first = true;
        do {
            int length = Math.min(MAX_FRAME, bytes.length - offset);
            boolean last = offset + length == bytes.length;
            byte[] part = java.util.Arrays.copyOfRange(bytes, offset, offset + length);
            int flags = (last ? END_HEADERS : 0) | (first && endStream ? END_STREAM : 0);
            frame(first ? HEADERS : CONTINUATION, flags, stream, part);
            offset += length;
            first = false;
        } while (offset < bytes.length);
    }

    /** A GET of {@code path} with the pseudo-header fields a client must send, and {@code extra} fields. */
    static List<String[]> get(String path, String... extra) {
        return request("GET", path, extra);
    }

    /** A request's fields: the four pseudo-header fields, then {@code extra} as name, value, name, value... */
    static List<String[]> request(String method, String path, String... extra) {
        List<String[]> fields = new ArrayList<>(List.of(new String[] {":method", method},
                new String[] {":scheme", "http"}, new String[] {":authority", "localhost"}, new String[] {":path", path}));
        for (int index = 0; index < extra.length; index += 2) {
            fields.add(new String[] {extra[index], extra[index + 1]});
        }
        return fields;
    }

    /** Sends a DATA frame. */
    void data(int stream, byte[] bytes, boolean endStream) throws IOException {
        frame(DATA, endStream ? END_STREAM : 0, stream, bytes);
    }

    /** Sends any frame. */
    void frame(int type, int flags, int stream, byte[] payload) throws IOException {
        byte[] head = {(byte) (payload.length >>> 16), (byte) (payload.length >>> 8), (byte) payload.length,
                (byte) type, (byte) flags, (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8),
                (byte) stream};
        out.write(head);
        out.write(payload);
        out.flush();
    }

    /** Reads frames until {@code stream} ends, is reset, or the connection ends. */
    Answer answer(int stream) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        while (true) {
            Frame frame = next();
            if (frame == null) {
                return new Answer(status(fields), fields, body.toString(StandardCharsets.UTF_8), Optional.empty(),
                        Optional.empty(), true);
            }
            if (frame.type() == GOAWAY) {
                int code = readInt(frame.payload(), 4);
                return new Answer(status(fields), fields, body.toString(StandardCharsets.UTF_8), Optional.empty(),
                        Optional.of(code), false);
            }
            if (frame.stream() != stream) {
                continue;
            }
            switch (frame.type()) {
                case HEADERS, CONTINUATION -> {
                    block.write(frame.payload());
                    if ((frame.flags() & END_HEADERS) != 0) {
                        decoder.decode(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, block.toByteArray()), true,
                                new DecodingCallback() {
                                    @Override
                                    public void onDecoded(CharSequence name, CharSequence value) {
                                        fields.put(name.toString(), value.toString());
                                    }
                                });
                        block.reset();
                    }
                }
                case DATA -> body.write(frame.payload());
                case RST_STREAM -> {
                    return new Answer(status(fields), fields, body.toString(StandardCharsets.UTF_8),
                            Optional.of(readInt(frame.payload(), 0)), Optional.empty(), false);
                }
                default -> {
                }
            }
            if ((frame.type() == HEADERS || frame.type() == DATA) && (frame.flags() & END_STREAM) != 0) {
                return new Answer(status(fields), fields, body.toString(StandardCharsets.UTF_8), Optional.empty(),
                        Optional.empty(), false);
            }
        }
    }

    /** The next frame (answering SETTINGS and PING as a client must), or null when the connection closed. */
    Frame next() throws IOException {
        byte[] head = new byte[9];
        try {
            in.readFully(head);
        } catch (EOFException closed) {
            return null;
        } catch (java.net.SocketException reset) {
            return null;
        }
        int length = ((head[0] & 0xFF) << 16) | ((head[1] & 0xFF) << 8) | (head[2] & 0xFF);
        byte[] payload = new byte[length];
        in.readFully(payload);
        Frame frame = new Frame(head[3] & 0xFF, head[4] & 0xFF, readInt(head, 5) & 0x7FFFFFFF, payload);
        if (frame.type() == SETTINGS && (frame.flags() & ACK) == 0) {
            for (int at = 0; at + 6 <= payload.length; at += 6) {
                serverSettings.put(((payload[at] & 0xFF) << 8) | (payload[at + 1] & 0xFF), readInt(payload, at + 2));
            }
            frame(SETTINGS, ACK, 0, new byte[0]);
        }
        if (frame.type() == PING && (frame.flags() & ACK) == 0) {
            frame(PING, ACK, 0, payload);
        }
        return frame;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static int status(Map<String, String> fields) {
        return fields.containsKey(":status") ? Integer.parseInt(fields.get(":status")) : -1;
    }

    private static void literal(ByteArrayOutputStream block, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        // A string literal: a 7-bit-prefix length (H bit clear: no Huffman coding), then the octets.
        int length = bytes.length;
        if (length < 127) {
            block.write(length);
        } else {
            block.write(127);
            length -= 127;
            while (length >= 128) {
                block.write((length & 0x7F) | 0x80);
                length >>>= 7;
            }
            block.write(length);
        }
        block.writeBytes(bytes);
    }

    private static int readInt(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }
}
