package dev.strata.adapters.rest.grizzly;

import dev.strata.adapters.common.RequestIds;
import dev.strata.adapters.rest.http.MediaTypes;
import dev.strata.adapters.rest.http.RequestIdFilter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages Grizzly's HTTP server writes itself (a handler that threw, no handler for the path, a
 * server shutting down) as RFC 9457 problems with a {@code Request-Id}, instead of its HTML page
 * with a Java stack trace. What failed is logged with the request id; the client gets no part of it.
 */
final class ProblemErrorPages implements ErrorPageGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorPages.class);

    private static final Map<Integer, RequestRefusal> KNOWN = Map.of(
            404, new RequestRefusal(404, "not_found", "there is no resource at this path", Map.of()),
            413, new RequestRefusal(413, "payload_too_large", "the request body is too large", Map.of()),
            500, new RequestRefusal(500, "internal_error",
                    "the server failed to answer this request; quote the request id when reporting it", Map.of()),
            503, new RequestRefusal(503, "service_unavailable", "the server is shutting down; retry shortly", Map.of()));

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        String requestId = RequestIds.idFor(request.getHeader(RequestIdFilter.HEADER));
        if (exception != null) {
            LOG.error("{} {} failed in the HTTP server [request {}]", request.getMethod(), request.getRequestURI(),
                    requestId, exception);
        }
        RequestRefusal refusal = KNOWN.getOrDefault(status, status >= 400 && status <= 599
                ? RequestRefusal.ofStatus(status) : KNOWN.get(500));
        Response response = request.getResponse();
        response.setContentType(MediaTypes.PROBLEM_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(RequestIdFilter.HEADER, requestId);
        return new String(refusal.body(requestId), StandardCharsets.UTF_8);
    }
}
