package dev.strata.bench.peers.quarkus;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Marks the responses to authenticated requests {@code Cache-Control: private, no-cache}, as Strata
 * does: no shared cache may keep them, and a private one must revalidate with the ETag.
 */
public class CacheControl {

    @ServerResponseFilter
    public void privateResponses(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        }
    }
}
