package dev.strata.adapters.rest.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Adds {@code Vary: Accept-Encoding} to every response: the server gzips bodies of 1 KiB and more
 * for clients that accept it (see {@code GrizzlyServers}), so a shared cache must not hand a
 * compressed copy to a client that did not ask for one.
 */
public final class VaryFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().add("Vary", "Accept-Encoding");
    }
}
