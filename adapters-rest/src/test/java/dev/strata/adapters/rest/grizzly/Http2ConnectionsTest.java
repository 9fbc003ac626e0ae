package dev.strata.adapters.rest.grizzly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.adapters.rest.StrataApi;
import dev.strata.contracts.MutableClock;
import dev.strata.contracts.identity.IdentityFixtures;
import dev.strata.core.identity.IdentityService;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.server.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a drain sees of an HTTP/2 connection, and the GOAWAY it sends on it. */
class Http2ConnectionsTest {

    private final Queue<Connection<?>> accepted = new ConcurrentLinkedQueue<>();
    private HttpServer server;
    private URI uri;

    @BeforeEach
    void start() throws IOException {
        IdentityService identity = new IdentityService(new InMemoryIdentityStore(), MutableClock.startingNow(),
                IdentityFixtures.FAST_HASHER, IdentityFixtures.newSigner());
        server = GrizzlyServers.create("127.0.0.1", 0, StrataApi.builder(identity).build(),
                GrizzlyServers.Options.DEFAULT);
        server.getListeners().forEach(listener -> listener.registerAddOn((network, chain) ->
                chain.add(chain.indexOfType(TransportFilter.class) + 1, new BaseFilter() {
                    @Override
                    public NextAction handleAccept(FilterChainContext context) {
                        accepted.add(context.getConnection());
                        return context.getInvokeAction();
                    }
                })));
        server.start();
        uri = URI.create("http://127.0.0.1:" + GrizzlyServers.port(server));
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void aRequestIsOpenUntilItsResponseIsWrittenAndGoAwayLetsItFinish() throws Exception {
        try (RawHttp2 h2 = RawHttp2.connect(uri)) {
            h2.headers(1, RawHttp2.get("/v1"), true);
            assertThat(h2.answer(1).status()).isEqualTo(200);
            Connection<?> connection = accepted.peek();
            assertThat(Http2Connections.isHttp2(connection)).isTrue();
            assertThat(Http2Connections.openStreams(connection)).isZero();

            // A request whose body has not come yet is open.
            h2.headers(3, RawHttp2.request("POST", "/v1/accounts", "content-type", "application/json"), false);
            await().until(() -> Http2Connections.openStreams(connection) == 1);

            Http2Connections.goAway(connection);
            RawHttp2.Frame goAway = nextOfType(h2, RawHttp2.GOAWAY);
            assertThat(goAway.payload()).startsWith(0x7F, 0xFF, 0xFF, 0xFF); // last stream id: any
            assertThat(goAway.payload()[7]).as("NO_ERROR").isZero();

            h2.data(3, "{}".getBytes(StandardCharsets.US_ASCII), true);
            RawHttp2.Answer answer = h2.answer(3);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            await().until(() -> Http2Connections.openStreams(connection) == 0);
        }
    }

    @Test
    void anHttp11ConnectionIsNotHttp2AndGetsNoGoAway() throws Exception {
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write("GET /v1 HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            await().until(() -> !accepted.isEmpty());
            assertThat(Http2Connections.isHttp2(accepted.peek())).isFalse();
        }
    }

    private static RawHttp2.Frame nextOfType(RawHttp2 h2, int type) throws IOException {
        RawHttp2.Frame frame;
        do {
            frame = h2.next();
        } while (frame != null && frame.type() != type);
        assertThat(frame).as("a frame of type " + type).isNotNull();
        return frame;
    }
}
