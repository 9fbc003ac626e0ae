package dev.strata.adapters.rest.http;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Objects;

/**
 * A failure that belongs to HTTP itself rather than to a service (a missing {@code If-Match}, a
 * body too large). Thrown anywhere in the adapter, it becomes a problem response via
 * {@link ProblemMapper}.
 */
public final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Response.StatusType status;
    private final String code;
    private final transient Map<String, String> headers;

    public HttpProblem(Response.StatusType status, String code, String detail) {
        this(status, code, detail, Map.of());
    }

    public HttpProblem(Response.StatusType status, String code, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
        this.code = Objects.requireNonNull(code, "code");
        this.headers = Map.copyOf(headers);
    }

    public Response.StatusType status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Headers the problem response must carry, such as {@code Accept-Patch} on a 415. */
    public Map<String, String> headers() {
        return headers;
    }
}
