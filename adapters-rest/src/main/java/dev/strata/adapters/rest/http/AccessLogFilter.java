package dev.strata.adapters.rest.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per request to the {@code strata.access} logger: method, path, status, duration
 * and request id. Never headers or bodies, so that no password or token reaches a log.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 400)
public final class AccessLogFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger ACCESS = LoggerFactory.getLogger("strata.access");
    private static final String STARTED = AccessLogFilter.class.getName() + ".started";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        double millis = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000_000.0 : -1;
        ACCESS.info("{} {} {} {}ms request_id={}", request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(),
                response.getStatus(), String.format(java.util.Locale.ROOT, "%.1f", millis),
                request.getHeaderString(RequestIdFilter.HEADER));
    }
}
