package dev.strata.adapters.rest.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;

/**
 * Sends bytes no HTTP library would send over a plain socket and reads back the first final
 * response (interim 1xx responses skipped), or learns that the server closed the connection without
 * a byte. The request is followed by a half-close, so that the server sees the end of the stream.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** What came back: a response, or nothing at all before the server closed the connection. */
    public record Answer(Optional<Response> response, String raw) {
    }

    /**
     * One parsed response.
     *
     * @param trailing whatever the server sent after it: a second response means the server read a
     *                 second request out of the bytes of the first (request smuggling)
     */
    public record Response(int status, Map<String, List<String>> headers, String body, String trailing) {

        /** The first value of a header (case-insensitive name), if sent. */
        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }
    }

    /** Sends {@code request} to {@code host:port} and reads the answer (10-second hang guard). */
    public static Answer exchange(String host, int port, byte[] request) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException refusedMidway) {
                // The server may answer and close before it has read all of an oversized request.
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            try {
                in.transferTo(received);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server neither answered nor closed the connection within 10 s; got: "
                        + received.toString(StandardCharsets.ISO_8859_1), e);
            } catch (IOException reset) {
                // A reset after the answer: what arrived is what counts.
            }
            String raw = received.toString(StandardCharsets.ISO_8859_1);
            return new Answer(parse(raw), raw);
        }
    }

    private static Optional<Response> parse(String raw) {
        String rest = raw;
        while (!rest.isEmpty()) {
            int headEnd = rest.indexOf("\r\n\r\n");
            if (headEnd < 0 || !rest.startsWith("HTTP/1.")) {
                throw new AssertionError("not an HTTP/1.x response: " + raw);
            }
            String[] lines = rest.substring(0, headEnd).split("\r\n");
            int status = Integer.parseInt(lines[0].substring(9, 12));
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int index = 1; index < lines.length; index++) {
                int colon = lines[index].indexOf(':');
                headers.computeIfAbsent(lines[index].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        name -> new ArrayList<>()).add(lines[index].substring(colon + 1).strip());
            }
            String afterHead = rest.substring(headEnd + 4);
            if (status < 200) {
                rest = afterHead;
                continue;
            }
            List<String> length = headers.get("content-length");
            List<String> coding = headers.get("transfer-encoding");
            String body;
            String trailing = "";
            if (length != null) {
                int end = Math.min(afterHead.length(), Integer.parseInt(length.getFirst()));
                body = afterHead.substring(0, end);
                trailing = afterHead.substring(end);
            } else if (coding != null && coding.getFirst().equalsIgnoreCase("chunked")) {
                body = unchunk(afterHead);
            } else {
                body = afterHead;
            }
            return Optional.of(new Response(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8), trailing));
        }
        return Optional.empty();
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
