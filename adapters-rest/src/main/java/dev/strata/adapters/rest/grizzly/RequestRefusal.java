package dev.strata.adapters.rest.grizzly;

import dev.strata.adapters.rest.http.JsonMapper;
import dev.strata.adapters.rest.http.ProblemDetails;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Why the HTTP server itself refuses a request before the API sees it, as the API would say it: a
 * status, a stable {@code code}, a sentence, and any header the answer needs (such as
 * {@code Allow}). {@link #body(String)} is the same RFC 9457 {@link ProblemDetails} the API's own
 * errors have.
 */
record RequestRefusal(int status, String code, String detail, Map<String, String> headers) {

    RequestRefusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        headers = Map.copyOf(headers);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a refusal is a 4xx or 5xx: " + status);
        }
    }

    static RequestRefusal badRequest(String code, String detail) {
        return new RequestRefusal(400, code, detail, Map.of());
    }

    /** A refusal for a status the server chose for a reason it did not say. */
    static RequestRefusal ofStatus(int status) {
        String reason = reasonPhrase(status);
        return new RequestRefusal(status, reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"), reason,
                Map.of());
    }

    String reasonPhrase() {
        return reasonPhrase(status);
    }

    /** The problem document, in UTF-8 JSON. */
    byte[] body(String requestId) {
        ProblemDetails problem = new ProblemDetails("about:blank", reasonPhrase(), status, detail, null, code,
                requestId, null);
        try {
            return JsonMapper.mapper().writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String reasonPhrase(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : status < 500 ? "Bad Request" : "Internal Server Error";
    }
}
