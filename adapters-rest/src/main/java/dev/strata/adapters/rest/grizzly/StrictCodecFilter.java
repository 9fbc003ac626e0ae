package dev.strata.adapters.rest.grizzly;

import dev.strata.adapters.common.RequestIds;
import dev.strata.adapters.rest.http.MediaTypes;
import dev.strata.adapters.rest.http.RequestIdFilter;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.KeepAlive;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * Grizzly's HTTP/1.1 codec, made strict and made to speak problem details. A request head that
 * breaks {@link RequestChecks} is refused before the API sees it, and every refusal the codec makes
 * (the ones of {@link RequestChecks}, an oversized head, too many headers, a broken chunked body)
 * answers an RFC 9457 problem with a {@code Request-Id}, as the API's own errors do, instead of
 * Grizzly's empty 400 or 505; the connection is then closed, since where the next request starts
 * is no longer certain.
 *
 * <p>It also treats a request offering a protocol upgrade as the plain request it also is, unless
 * HTTP/2 is on and the offer is {@code Upgrade: h2c} (which Java's own {@code HttpClient} sends by
 * default): that one is handed to Grizzly's HTTP/2 filter, which answers {@code 101} and serves the
 * request as stream 1 when the offer is well formed (RFC 7540 section 3.2). RFC 9110 section 7.8
 * lets a server ignore any other {@code Upgrade}. Grizzly 4.0.2 instead stops framing the request
 * body (it sets "ignore content modifiers" for an upgrade nobody handles), so such a request with a
 * body hangs until the client gives up, and its response loses its {@code Content-Type} (grizzly
 * issues 2117, 1972, 2192). With HTTP/2 on, the HTTP/2 connection preface ({@code PRI * HTTP/2.0},
 * h2c with prior knowledge) passes to that filter too instead of being refused as a bad version.
 */
final class StrictCodecFilter extends HttpServerFilter {

    private static final String REFUSAL = StrictCodecFilter.class.getName() + ".refusal";
    private static final String H2C = "h2c";

    private final boolean http2;

    // Every constructor of Grizzly's codec is deprecated, yet its own HttpServer builds the codec
    // with this one; there is nothing else to call.
    @SuppressWarnings("deprecation")
    StrictCodecFilter(boolean chunkingEnabled, int maxHeadersSize, KeepAlive keepAlive, int maxRequestHeaders,
            int maxResponseHeaders, boolean http2) {
        super(chunkingEnabled, maxHeadersSize, null, keepAlive, null, maxRequestHeaders, maxResponseHeaders);
        this.http2 = http2;
    }

    @Override
    protected void onIncomingUpgrade(FilterChainContext context, HttpHeader header) {
        if (http2 && H2C.equals(header.getUpgrade())) {
            // Tells the filters above; the HTTP/2 filter takes a well-formed offer (Connection: Upgrade,
            // HTTP2-Settings) by framing the body again, and leaves any other.
            super.onIncomingUpgrade(context, header);
            if (!header.isIgnoreContentModifiers()) {
                return;
            }
            header.setIgnoreContentModifiers(false);
        }
        // Forget the offer: the request is then framed, served and kept alive like any other. The
        // Upgrade header itself stays visible to the application.
        header.getUpgradeDC().recycle();
    }

    @Override
    protected boolean onHttpHeaderParsed(HttpHeader header, Buffer buffer, FilterChainContext context) {
        HttpRequestPacket request = (HttpRequestPacket) header;
        if (http2 && isHttp2Preface(request)) {
            return super.onHttpHeaderParsed(header, buffer, context);
        }
        Optional<RequestRefusal> refusal = RequestChecks.refusalOf(request);
        if (refusal.isPresent()) {
            remember(request, refusal.get());
            // Answer in a version the client may read, whatever it wrote.
            request.setProtocol(Protocol.HTTP_1_1);
            return true;
        }
        return super.onHttpHeaderParsed(header, buffer, context);
    }

    @Override
    protected void onHttpHeaderError(HttpHeader header, FilterChainContext context, Throwable failure)
            throws IOException {
        HttpRequestPacket request = (HttpRequestPacket) header;
        if (refusal(request) == null) {
            remember(request, classify(request.getResponse().getStatus(), failure));
        }
        if (!"HTTP/1.0".equals(request.getProtocolString())) {
            // An unparsed or unsupported version would make Grizzly answer HTTP/0.9: a bare body.
            request.setProtocol(Protocol.HTTP_1_1);
        }
        request.getResponse().setStatus(refusal(request).status());
        request.getResponse().setReasonPhrase(refusal(request).reasonPhrase());
        super.onHttpHeaderError(header, context, failure);
    }

    @Override
    protected void onHttpContentError(HttpHeader header, FilterChainContext context, Throwable failure)
            throws IOException {
        HttpRequestPacket request = (HttpRequestPacket) header;
        if (refusal(request) == null) {
            remember(request, RequestRefusal.badRequest("malformed_body",
                    "the request body's chunked framing or content coding is invalid"));
        }
        super.onHttpContentError(header, context, failure);
    }

    /** The body of every refusal the codec answers itself: a problem, never an empty page. */
    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
        HttpRequestPacket request = response.getRequest();
        RequestRefusal refusal = request == null ? null : refusal(request);
        if (refusal == null) {
            refusal = classify(response.getStatus(), null);
        }
        String requestId = RequestIds.idFor(request == null ? null : request.getHeader(RequestIdFilter.HEADER));
        byte[] body = refusal.body(requestId);
        response.setStatus(refusal.status());
        response.setReasonPhrase(refusal.reasonPhrase());
        response.setContentType(MediaTypes.PROBLEM_JSON);
        response.setHeader(RequestIdFilter.HEADER, requestId);
        refusal.headers().forEach(response::setHeader);
        response.setContentLength(body.length);
        return HttpContent.builder(response)
                .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
                .last(true)
                .build();
    }

    /** The start of the HTTP/2 connection preface (RFC 9113 section 3.4), as an HTTP/1.1 parser reads it. */
    private static boolean isHttp2Preface(HttpRequestPacket request) {
        return "PRI".equals(request.getMethodDC().toString()) && "HTTP/2.0".equals(request.getProtocolString())
                && "*".equals(request.getRequestURIRef().getOriginalRequestURIBC().toString());
    }

    /** What Grizzly's own parser refused, from the little it tells. */
    private static RequestRefusal classify(int status, Throwable failure) {
        if (failure instanceof MimeHeaders.MaxHeaderCountExceededException) {
            return new RequestRefusal(431, "too_many_headers",
                    "the request has more than " + GrizzlyServers.MAX_REQUEST_HEADERS + " headers", Map.of());
        }
        if (failure instanceof NumberFormatException) {
            // Grizzly reads Content-Length while it parses the head, before the checks see it.
            return RequestChecks.INVALID_CONTENT_LENGTH;
        }
        String message = failure == null || failure.getMessage() == null ? "" : failure.getMessage();
        if (message.contains("intial line is too large") || message.contains("initial line is too large")) {
            return new RequestRefusal(414, "uri_too_long", "the request line is longer than "
                    + GrizzlyServers.MAX_HEAD_BYTES + " bytes", Map.of());
        }
        if (message.contains("too large")) {
            return new RequestRefusal(431, "request_header_fields_too_large", "the request line and headers are longer than "
                    + GrizzlyServers.MAX_HEAD_BYTES + " bytes", Map.of());
        }
        if (status == 505) {
            return RequestChecks.version("").orElseThrow();
        }
        return status >= 400 && status != 400 ? RequestRefusal.ofStatus(status)
                : RequestRefusal.badRequest("malformed_request", "the request is not a valid HTTP/1.1 request");
    }

    private static void remember(HttpRequestPacket request, RequestRefusal refusal) {
        request.getAttributes().setAttribute(REFUSAL, refusal);
    }

    private static RequestRefusal refusal(HttpRequestPacket request) {
        return (RequestRefusal) request.getAttributes().getAttribute(REFUSAL);
    }
}
