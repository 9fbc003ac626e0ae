package dev.strata.adapters.rest.grizzly;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.CompressionConfig;
import org.glassfish.grizzly.http.GZipContentEncoding;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpPacket;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.util.Header;
import java.util.regex.Pattern;

/**
 * The listener's response compression, for HTTP/2 responses: Grizzly applies its
 * {@link CompressionConfig} only in its HTTP/1.1 codec, which HTTP/2 frames never pass. The same
 * rules decide: a client that accepts gzip, a compressible content type, a body of at least the
 * minimum size (or of a size not known in advance), no content coding already; the response then
 * carries {@code Content-Encoding: gzip} and no {@code Content-Length} (HTTP/2 frames the body). See
 * {@link #decide} for the one difference.
 * Thread-safe: the encoder keeps each response's state on that response.
 */
final class Http2Gzip {

    private static final String DECIDED = Http2Gzip.class.getName() + ".decided";
    /** A weight of zero (RFC 9110 §12.4.2): the coding is refused. */
    private static final Pattern ZERO_WEIGHT = Pattern.compile("0(\\.0{0,3})?");

    private final CompressionConfig config;
    private final GZipContentEncoding gzip = new GZipContentEncoding();

    Http2Gzip(CompressionConfig config) {
        this.config = new CompressionConfig(config);
    }

    /**
     * Whether {@code response} is gzipped, chosen on its first write while its head is not yet sent
     * (and then given {@code Content-Encoding: gzip} and no {@code Content-Length}). Only a body
     * written whole at once is: Grizzly's gzip encoder holds back output between writes, and a
     * write that yields nothing stalls an HTTP/2 stream, so a body streamed in parts (larger than
     * the server's response buffer) goes uncompressed over HTTP/2.
     */
    boolean decide(HttpResponsePacket response, HttpPacket firstWrite) {
        Object decided = response.getAttributes().getAttribute(DECIDED);
        if (decided == null) {
            decided = !response.isCommitted() && firstWrite instanceof HttpContent content && content.isLast()
                    && compresses(response);
            response.getAttributes().setAttribute(DECIDED, decided);
            if ((Boolean) decided) {
                response.setHeader(Header.ContentEncoding, GZipContentEncoding.NAME);
                response.setContentLengthLong(-1);
            }
        }
        return (Boolean) decided;
    }

    /** {@code content}, the whole body of a response {@link #decide chosen} for gzip, gzipped. */
    HttpContent encode(Connection<?> connection, HttpContent content) {
        return gzip.encode(connection, content);
    }

    private boolean compresses(HttpResponsePacket response) {
        HttpRequestPacket request = response.getRequest();
        int status = response.getStatus();
        long length = response.getContentLength();
        return config.getCompressionMode() != CompressionConfig.CompressionMode.OFF
                && request != null && !"HEAD".equals(request.getMethod().getMethodString())
                && status != 204 && status != 304 && status >= 200
                && !response.containsHeader(Header.ContentEncoding)
                && (length < 0 || length >= config.getCompressionMinSize())
                && response.getContentType() != null && config.checkMimeType(response.getContentType())
                && acceptsGzip(request) && config.checkUserAgent(request);
    }

    /**
     * Whether {@code Accept-Encoding} names gzip with a non-zero weight. (Grizzly's own check answers
     * no for any request that is not HTTP/1.1.)
     */
    static boolean acceptsGzip(HttpRequestPacket request) {
        for (String field : RequestChecks.values(request.getHeaders(), Header.AcceptEncoding.toString())) {
            for (String coding : field.split(",")) {
                String[] parts = coding.split(";");
                if (!"gzip".equalsIgnoreCase(parts[0].strip())) {
                    continue;
                }
                boolean refused = false;
                for (int index = 1; index < parts.length; index++) {
                    String parameter = parts[index].strip().toLowerCase(java.util.Locale.ROOT);
                    refused |= parameter.startsWith("q=") && ZERO_WEIGHT.matcher(parameter.substring(2).strip()).matches();
                }
                return !refused;
            }
        }
        return false;
    }
}
