package dev.strata.adapters.rest.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Gives every request an id and every response a {@code Request-Id} header. A client-supplied id
 * of at most 128 safe characters is kept, so that a caller can follow its own id through the logs;
 * anything else is replaced by a fresh random one. The id is written back into the request's
 * headers, where the error mapper and the access log read it.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public final class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The header, on requests and responses. */
    public static final String HEADER = "Request-Id";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void filter(ContainerRequestContext request) {
        request.getHeaders().putSingle(HEADER, idFor(request.getHeaderString(HEADER)));
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
