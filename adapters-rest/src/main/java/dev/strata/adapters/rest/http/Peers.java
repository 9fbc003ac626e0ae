package dev.strata.adapters.rest.http;

import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.grizzly.http.server.Request;

/**
 * The address of the peer a request came from, as the server saw it (a proxy's, when it came
 * through one). The server that {@code GrizzlyServers} builds puts it into the request property
 * {@link #PROPERTY} before Jersey runs; served any other way, it is read from the Grizzly request
 * Jersey injects, which costs HK2 a request-scoped lookup on every call (5% of the CPU of an
 * authenticated GET when the rate limits did it). Stateless.
 */
public final class Peers {

    /** The request property (a Grizzly request attribute) that holds the peer's address. */
    public static final String PROPERTY = Peers.class.getName() + ".address";

    private Peers() {
    }

    /** The peer's address, or null when neither the property nor the connection knows it. */
    static String address(ContainerRequestContext request, Provider<Request> connection) {
        if (request.getProperty(PROPERTY) instanceof String address) {
            return address;
        }
        Request current = connection == null ? null : connection.get();
        return current == null ? null : current.getRemoteAddr();
    }
}
