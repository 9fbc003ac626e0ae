package dev.strata.adapters.rest.grizzly;

import java.util.Map;
import java.util.Optional;
import org.glassfish.grizzly.http.HttpPacketParsing;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.MimeHeaders;

/**
 * The request checks of {@link StrictCodecFilter}, for requests that arrive in HTTP/2 frames and so
 * never pass the HTTP/1.1 codec: wraps the server's handler and answers a request that breaks them
 * with the same RFC 9457 problem and {@code Request-Id}, on its stream.
 *
 * <p>Grizzly's HTTP/2 filter already refuses what HTTP/2 itself forbids (RFC 9113 section 8.2): upper-case
 * or control characters in field names, pseudo-header fields missing, repeated, unknown or after
 * regular fields, {@code Connection}, {@code TE} other than {@code trailers}, and (a Grizzly 4.0.2
 * quirk) {@code Expect}; {@link Http2ServerAddOn} makes that a {@code GOAWAY PROTOCOL_ERROR}. What is left to check here is what the
 * HTTP/1.1 checks also check: the method ({@code CONNECT} is 405), the target ({@code :path}), field
 * names as tokens, the authority, and the body framing ({@code Transfer-Encoding} is a
 * connection-specific field that HTTP/2 forbids, RFC 9113 section 8.2.2; {@code Content-Length}
 * must be one number), plus the decoded size of the field section (RFC 9113 section 6.5.2, each
 * field counted as name + value + 32 octets), which is refused with 431 above
 * {@link GrizzlyServers#MAX_HEAD_BYTES} (414 when {@code :path} alone is that long). An HTTP/1.1 request, also the one that upgraded a
 * connection to h2c, passed the codec's checks and goes straight through.
 */
final class Http2RequestGuard extends HttpHandler {

    /** What RFC 9113 section 6.5.2 adds to each field's name and value when sizing a field section. */
    private static final int FIELD_OVERHEAD = 32;

    private final HttpHandler handler;

    Http2RequestGuard(HttpHandler handler) {
        super(handler.getName());
        this.handler = handler;
        setAllowEncodedSlash(handler.isAllowEncodedSlash());
        setAllowCustomStatusMessage(handler.isAllowCustomStatusMessage());
        setRequestURIEncoding(handler.getRequestURIEncoding());
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        HttpRequestPacket packet = request.getRequest();
        // Grizzly's HTTP/2 requests are not its HTTP/1.1 parser's packets; the request that upgraded
        // to h2c is, and was checked by the codec.
        Optional<RequestRefusal> refusal = packet.getProtocol() == Protocol.HTTP_2_0
                && !(packet instanceof HttpPacketParsing) ? refusalOf(packet) : Optional.empty();
        if (refusal.isPresent()) {
            RequestRefusal refused = refusal.get();
            GrizzlyServers.answerWithProblem(request, response, refused.status(), refused.code(), refused.detail(),
                    refused.headers());
            return;
        }
        handler.service(request, response);
    }

    @Override
    public void start() {
        handler.start();
    }

    @Override
    public void destroy() {
        handler.destroy();
    }

    /** The first rule an HTTP/2 request breaks, if any. */
    static Optional<RequestRefusal> refusalOf(HttpRequestPacket request) {
        String method = request.getMethodDC().toString();
        MimeHeaders headers = request.getHeaders();
        return fieldSectionSize(request)
                .or(() -> RequestChecks.method(method))
                .or(() -> RequestChecks.target(method, request.getRequestURIRef().getOriginalRequestURIBC().toString(),
                        request.getQueryStringDC().isNull() ? null : request.getQueryStringDC().toString()))
                .or(() -> RequestChecks.fields(headers))
                .or(() -> RequestChecks.host(headers, false))
                .or(() -> framing(headers));
    }

    private static Optional<RequestRefusal> fieldSectionSize(HttpRequestPacket request) {
        long path = pseudoField(":path", request.getRequestURIRef().getOriginalRequestURIBC().toString()
                + (request.getQueryStringDC().isNull() ? "" : "?" + request.getQueryStringDC()));
        if (path > GrizzlyServers.MAX_HEAD_BYTES) {
            return Optional.of(new RequestRefusal(414, "uri_too_long", "the request target is longer than "
                    + GrizzlyServers.MAX_HEAD_BYTES + " bytes", Map.of()));
        }
        long size = path + pseudoField(":method", request.getMethodDC().toString())
                + pseudoField(":scheme", request.isSecure() ? "https" : "http");
        MimeHeaders headers = request.getHeaders();
        for (int index = 0; index < headers.size(); index++) {
            size += headers.getName(index).getLength() + headers.getValue(index).getLength() + FIELD_OVERHEAD;
        }
        if (size <= GrizzlyServers.MAX_HEAD_BYTES) {
            return Optional.empty();
        }
        return Optional.of(new RequestRefusal(431, "request_header_fields_too_large",
                "the request's header fields are larger than " + GrizzlyServers.MAX_HEAD_BYTES
                        + " bytes (counted as in HTTP/2's SETTINGS_MAX_HEADER_LIST_SIZE)", Map.of()));
    }

    private static long pseudoField(String name, String value) {
        return name.length() + value.length() + FIELD_OVERHEAD;
    }

    private static Optional<RequestRefusal> framing(MimeHeaders headers) {
        if (!RequestChecks.values(headers, "Transfer-Encoding").isEmpty()) {
            return Optional.of(RequestRefusal.badRequest("unsupported_transfer_coding",
                    "HTTP/2 frames the body itself: a request must not have Transfer-Encoding"));
        }
        return RequestChecks.framing(headers, false, false);
    }
}
