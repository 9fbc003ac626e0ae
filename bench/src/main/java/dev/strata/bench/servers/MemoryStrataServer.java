package dev.strata.bench.servers;

import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.adapters.rest.StrataApi;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.PasswordHasher;
import dev.strata.core.identity.TokenSigner;
import dev.strata.core.identity.TokenSigner.SigningKey;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/**
 * Strata's API over the in-memory stores, wired as the app wires it but without a database: the
 * app itself always opens one (H2 or PostgreSQL), and this measures Strata with the store's cost
 * taken out.
 */
public final class MemoryStrataServer {

    private MemoryStrataServer() {
    }

    public static void main(String[] arguments) throws InterruptedException {
        Clock clock = Clock.systemUTC();
        IdentityService identity = new IdentityService(new InMemoryIdentityStore(), clock, new PasswordHasher(),
                new TokenSigner(List.of(SigningKey.generate("bench"))));
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
                URI.create("http://127.0.0.1:" + Ports.fromArguments(arguments) + "/"),
                StrataApi.builder(identity).build());
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "bench-shutdown"));
        Thread.currentThread().join();
    }
}
