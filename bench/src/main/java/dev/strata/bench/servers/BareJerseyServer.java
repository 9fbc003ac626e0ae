package dev.strata.bench.servers;

import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The framework baseline: one Jersey resource on Grizzly returning {@link FixedBody}, with the
 * settings Strata's own {@code StrataApi} uses (virtual threads, no WADL, no auto-discovery), so
 * that the difference to Strata is Strata's own work: filters, authentication, the store, Jackson.
 */
public final class BareJerseyServer {

    private BareJerseyServer() {
    }

    public static void main(String[] arguments) throws InterruptedException {
        ResourceConfig application = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true)
                .property(CommonProperties.USE_VIRTUAL_THREADS, true)
                .register(new FixedBodyResource());
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
                URI.create("http://127.0.0.1:" + Ports.fromArguments(arguments) + "/"), application);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "bench-shutdown"));
        Thread.currentThread().join();
    }
}
