package dev.strata.adapters.rest.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import dev.strata.core.common.ValidationException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Gives every request an id and every response a {@code Request-Id} header. A client-supplied id
 * of 1 to {@link #MAX_LENGTH} safe characters ({@code [A-Za-z0-9._:-]}) is kept, so that a caller can
 * follow its own id through the logs; any other value is refused with a 400 naming the header (the
 * refusal carries a fresh id), as the API document says. The id is written back into the request's
 * headers, where the error mapper and the access log read it.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public final class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The header, on requests and responses. */
    public static final String HEADER = "Request-Id";

    /** The longest id a client may send. */
    public static final int MAX_LENGTH = 128;
    /** What a client's id must match, whole; the document's pattern for the header. */
    public static final String PATTERN = "[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}";

    private static final Pattern SAFE = Pattern.compile(PATTERN);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> offered = request.getHeaders().get(HEADER);
        boolean kept = offered != null && offered.size() == 1 && SAFE.matcher(offered.getFirst()).matches();
        request.getHeaders().putSingle(HEADER, kept ? offered.getFirst() : newId());
        if (offered != null && !kept) {
            throw ValidationException.of(HEADER, "invalid_request_id",
                    "must be 1 to " + MAX_LENGTH + " of A-Z, a-z, 0-9, '.', '_', ':' and '-', given once");
        }
    }

    /**
     * The id of a request that offered {@code offered} (null when it offered none): the offer when
     * it is safe, otherwise a fresh one. The HTTP server's own refusals use it too.
     */
    public static String idFor(String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? offered : newId();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String id = request.getHeaderString(HEADER);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "req_" + HexFormat.of().formatHex(bytes);
    }
}
