package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.ConnectionProbe;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The drain on a bare Grizzly server, with a selector held still where the test needs it. The
 * listener's close: connections the kernel has completed but the server has not accepted yet are
 * answered, not reset (the selector that accepts is held in the first accept, so that the
 * connections after it wait in the kernel's accept queue exactly as a busy selector leaves them;
 * closing the listening socket under them would reset every one). The idle close: a request the
 * server has not read yet keeps its connection open.
 */
@Timeout(value = 2, unit = java.util.concurrent.TimeUnit.MINUTES)
class ConnectionDrainTest {

    private static final int QUEUED = 5;

    @Test
    void connectionsWaitingInTheAcceptQueueWhenTheListenerClosesAreAnsweredNotReset() throws Exception {
        HeldAcceptor acceptor = new HeldAcceptor();
        acceptor.holdNextAccept();
        ConnectionDrain drain = new ConnectionDrain();
        NetworkListener listener = new NetworkListener("drain-test", "127.0.0.1", 0);
        HttpServer server = serving(listener, drain, acceptor);
        List<RawHttpConnection> queued = new ArrayList<>();
        try {
            int port = listener.getPort();
            queued.add(RawHttpConnection.open(port));
            acceptor.awaitHeld();
            for (int index = 0; index < QUEUED; index++) {
                RawHttpConnection connection = RawHttpConnection.open(port);
                connection.write("GET", "/queued-" + index, Map.of(), null);
                queued.add(connection);
            }
            queued.getFirst().write("GET", "/held", Map.of(), null);

            drain.startDraining();
            drain.closeListeners();
            acceptor.release();

            for (RawHttpConnection connection : queued) {
                RawHttpConnection.Response response = connection.read();
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("served");
                assertThat(response.closesConnection()).as("a response while draining closes its connection").isTrue();
                connection.awaitEndOfStream();
            }
            // The socket was still registered with the held selector, so the JDK closes it there once let go.
            await("the listening socket closed").atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                    assertThatThrownBy(() -> RawHttpConnection.open(port).close()).isInstanceOf(ConnectException.class));
        } finally {
            acceptor.release();
            for (RawHttpConnection connection : queued) {
                connection.close();
            }
            server.shutdownNow();
        }
    }

    /**
     * A connection whose request the server has not read yet when the drain looks at it is not
     * idle: its bytes wait in the kernel while the only selector is held (in the accept of another
     * connection), the drain's clock says it has been quiet for longer than
     * {@link ConnectionDrain#QUIET_BEFORE_CLOSING}, and the request is still answered once the
     * selector reads it, instead of the connection being shut down and the request dropped.
     */
    @Test
    void aRequestWaitingUnreadInTheKernelKeepsItsConnectionOpenThroughTheDrain() throws Exception {
        HeldAcceptor acceptor = new HeldAcceptor();
        AtomicLong clock = new AtomicLong();
        ConnectionDrain drain = new ConnectionDrain(clock::get);
        NetworkListener listener = new NetworkListener("drain-test", "127.0.0.1", 0);
        listener.getTransport().setSelectorRunnersCount(1); // holding it holds every read
        HttpServer server = serving(listener, drain, acceptor);
        try (RawHttpConnection kept = RawHttpConnection.open(listener.getPort())) {
            kept.write("GET", "/before", Map.of(), null);
            assertThat(kept.read().status()).isEqualTo(200);

            acceptor.holdNextAccept();
            try (RawHttpConnection other = RawHttpConnection.open(listener.getPort())) {
                acceptor.awaitHeld();
                kept.write("GET", "/unread", Map.of(), null);

                clock.addAndGet(ConnectionDrain.QUIET_BEFORE_CLOSING.multipliedBy(2).toNanos());
                drain.startDraining();
                assertThat(drain.awaitClosed(clock.get())).as("no request the server knows of is in flight").isZero();
                acceptor.release();

                RawHttpConnection.Response response = kept.read();
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("served");
                assertThat(response.closesConnection()).as("a response while draining closes its connection").isTrue();
                kept.awaitEndOfStream();
            }
        } finally {
            acceptor.release();
            server.shutdownNow();
        }
    }

    /** A started server on the listener, answering every request with "served", the drain and the probe added. */
    private static HttpServer serving(NetworkListener listener, ConnectionDrain drain, ConnectionProbe probe)
            throws IOException {
        HttpServer server = new HttpServer();
        server.addListener(listener);
        listener.registerAddOn(drain);
        server.getServerConfiguration().addHttpHandler(new HttpHandler() {
            @Override
            public void service(Request request, Response response) throws Exception {
                response.setContentType("text/plain");
                response.getWriter().write("served");
            }
        }, "/");
        listener.getTransport().getConnectionMonitoringConfig().addProbes(probe);
        server.start();
        return server;
    }

    /** Holds the selector that accepts, in the next accept once told to, until released. */
    private static final class HeldAcceptor extends ConnectionProbe.Adapter {

        private final AtomicBoolean hold = new AtomicBoolean();
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        void holdNextAccept() {
            hold.set(true);
        }

        void awaitHeld() throws InterruptedException {
            held.await();
        }

        void release() {
            release.countDown();
        }

        @Override
        @SuppressWarnings("rawtypes") // Grizzly's probe interface takes raw connections
        public void onAcceptEvent(Connection serverConnection, Connection clientConnection) {
            if (hold.compareAndSet(true, false)) {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
