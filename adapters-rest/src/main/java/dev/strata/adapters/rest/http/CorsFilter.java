package dev.strata.adapters.rest.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin resource sharing for browsers on the configured origins only (none by default).
 * A preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) from an allowed origin
 * is answered at once with the methods and headers the API accepts and how long a browser may
 * cache that answer; other responses to an allowed origin name it and expose the headers a client
 * needs ({@code ETag}, {@code Link}, {@code Location}, {@code Request-Id}, {@code Retry-After},
 * {@code RateLimit-*}, ...). Requests from other origins get no CORS headers, so that the
 * browser withholds the response. Tokens travel in {@code Authorization}, not cookies, so
 * credentials are never allowed. Thread-safe.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 350)
public final class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** How long a browser may cache a preflight answer, in seconds. */
    public static final int MAX_AGE_SECONDS = 600;

    private static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String ALLOWED_HEADERS =
            "Authorization, Content-Type, Accept, If-Match, If-None-Match, Idempotency-Key, Prefer, Request-Id";
    private static final String EXPOSED_HEADERS = "ETag, Link, Location, Request-Id, Retry-After, RateLimit-Limit, "
            + "RateLimit-Remaining, RateLimit-Reset, Idempotent-Replayed, Preference-Applied, WWW-Authenticate";

    private final Set<String> origins;

    /** @param origins exact origins, such as {@code https://app.example.com} */
    public CorsFilter(List<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && request.getHeaderString("Access-Control-Request-Method") != null;
        if (preflight && origin != null && origins.contains(origin)) {
            request.abortWith(Response.noContent()
                    .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
                    .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .header("Access-Control-Max-Age", MAX_AGE_SECONDS)
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        response.getHeaders().add("Vary", "Origin");
        if (origin == null || !origins.contains(origin)) {
            return;
        }
        response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
        response.getHeaders().putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }
}
