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
 * <p>It also treats a request offering a protocol upgrade (such as {@code Upgrade: h2c}, which
 * Java's own {@code HttpClient} sends by default) as the plain request it also is. RFC 9110 section
 * 7.8 lets a server ignore {@code Upgrade}; Strata serves no other protocol. Grizzly 4.0.2 instead
 * stops framing the request body (it sets "ignore content modifiers" for an upgrade nobody
 * handles), so such a request with a body hangs until the client gives up, and its response loses
 * its {@code Content-Type} (grizzly issues 2117, 1972, 2192).
 */
final class StrictCodecFilter extends HttpServerFilter {

    private static final String REFUSAL = StrictCodecFilter.class.getName() + ".refusal";

    // Every constructor of Grizzly's codec is deprecated, yet its own HttpServer builds the codec
    // with this one; there is nothing else to call.
    @SuppressWarnings("deprecation")
    StrictCodecFilter(boolean chunkingEnabled, int maxHeadersSize, KeepAlive keepAlive, int maxRequestHeaders,
            int maxResponseHeaders) {
        super(chunkingEnabled, maxHeadersSize, null, keepAlive, null, maxRequestHeaders, maxResponseHeaders);
    }

    @Override
    protected void onIncomingUpgrade(FilterChainContext context, HttpHeader header) {
        // Forget the offer: the request is then framed, served and kept alive like any other. The
        // Upgrade header itself stays visible to the application.
        header.getUpgradeDC().recycle();
    }

    @Override
    protected boolean onHttpHeaderParsed(HttpHeader header, Buffer buffer, FilterChainContext context) {
        HttpRequestPacket request = (HttpRequestPacket) header;
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
