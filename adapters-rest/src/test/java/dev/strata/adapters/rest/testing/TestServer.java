package dev.strata.adapters.rest.testing;

import dev.strata.adapters.rest.grizzly.GrizzlyServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * A real Grizzly server on an ephemeral loopback port, serving a Jersey application, built by
 * {@link GrizzlyServers} exactly as the app builds its own.
 */
public final class TestServer implements AutoCloseable {

    private final HttpServer server;
    private final URI uri;

    private TestServer(HttpServer server) {
        this.server = server;
        this.uri = URI.create((server.getListener("grizzly").isSecure() ? "https" : "http") + "://127.0.0.1:"
                + server.getListener("grizzly").getPort());
    }

    public static TestServer start(ResourceConfig application) {
        return start(application, GrizzlyServers.Options.DEFAULT);
    }

    public static TestServer start(ResourceConfig application, GrizzlyServers.Options options) {
        HttpServer server = GrizzlyServers.create("127.0.0.1", 0, application, options);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestServer(server);
    }

    /** The server's base URI, such as {@code http://127.0.0.1:40123}. */
    public URI uri() {
        return uri;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
