package dev.strata.bench.servers;

import java.io.IOException;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The ceiling: a bare Grizzly {@link HttpHandler} on 127.0.0.1 that answers every request with
 * {@link FixedBody}. Nothing Strata or Jersey does can be faster than this on the same machine.
 */
public final class BareGrizzlyServer {

    private BareGrizzlyServer() {
    }

    public static void main(String[] arguments) throws IOException, InterruptedException {
        HttpServer server = new HttpServer();
        server.addListener(new NetworkListener("bench", "127.0.0.1", Ports.fromArguments(arguments)));
        server.getServerConfiguration().addHttpHandler(new HttpHandler() {
            @Override
            public void service(Request request, Response response) throws IOException {
                response.setContentType("application/json");
                response.setContentLength(FixedBody.BYTES.length);
                response.getOutputStream().write(FixedBody.BYTES);
            }
        }, "/");
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "bench-shutdown"));
        Thread.currentThread().join();
    }
}
