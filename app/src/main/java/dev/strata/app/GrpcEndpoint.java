package dev.strata.app;

import dev.strata.adapters.grpc.GrpcApi;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC API served on its own port by grpc-java's Netty server (HTTP/2; TLS with the API's
 * keystore when one is set), stopped in step with the REST API: {@link #shuttingDown()} turns its
 * health NOT_SERVING with readiness, {@link #shutdown()} refuses new calls when the REST listener
 * closes, and calls in flight have until the grace period's deadline, when the rest is cut off.
 */
final class GrpcEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcEndpoint.class);

    private final GrpcApi api;
    private final Server server;

    private GrpcEndpoint(GrpcApi api, Server server) {
        this.api = api;
        this.server = server;
    }

    /** Serves {@code api} on {@code settings.grpcPort()} (which is not 0) and starts it. */
    static GrpcEndpoint start(Settings settings, GrpcApi api) {
        ServerCredentials credentials = settings.tls()
                .map(tls -> TlsServerCredentials.newBuilder().keyManager(tls.keyManagers()).build())
                .orElseGet(InsecureServerCredentials::create);
        NettyServerBuilder builder = NettyServerBuilder.forAddress(
                new InetSocketAddress(settings.host(), settings.grpcPort()), credentials);
        try {
            return new GrpcEndpoint(api, api.addTo(builder).build().start());
        } catch (IOException e) {
            api.close();
            throw new UncheckedIOException("cannot serve gRPC on " + settings.host() + ":" + settings.grpcPort(), e);
        }
    }

    /** The port gRPC is served on. */
    int port() {
        return server.getPort();
    }

    /** Updates what the health service reports from the readiness check. */
    void refreshHealth() {
        api.refreshHealth();
    }

    /** The health service reports NOT_SERVING from now on. */
    void shuttingDown() {
        api.shuttingDown();
    }

    /** Refuses new calls; calls in flight go on. */
    void shutdown() {
        server.shutdown();
    }

    /** Waits until the calls in flight are done or {@code deadline} ({@link System#nanoTime()}) passes; how many were cut off is logged. */
    void awaitTermination(long deadline) throws InterruptedException {
        if (!server.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            LOG.warn("cut off gRPC calls still in flight after the grace period");
            server.shutdownNow();
        }
    }

    /** Stops at once, cutting off whatever is left, and ends the API's executor. */
    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            api.close();
        }
    }
}
