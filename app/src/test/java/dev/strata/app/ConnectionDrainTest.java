package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * The drain's listener close, on a bare Grizzly server: connections the kernel has completed but
 * the server has not accepted yet are answered, not reset. The selector that accepts is held
 * still in the first accept, so that the connections after it wait in the kernel's accept queue
 * exactly as a busy selector leaves them; closing the listening socket under them would reset
 * every one.
 */
@Timeout(value = 2, unit = java.util.concurrent.TimeUnit.MINUTES)
class ConnectionDrainTest {

    private static final int QUEUED = 5;

    @Test
    void connectionsWaitingInTheAcceptQueueWhenTheListenerClosesAreAnsweredNotReset() throws Exception {
        CountDownLatch acceptorHeld = new CountDownLatch(1);
        CountDownLatch releaseAcceptor = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        HttpServer server = new HttpServer();
        NetworkListener listener = new NetworkListener("drain-test", "127.0.0.1", 0);
        server.addListener(listener);
        ConnectionDrain drain = new ConnectionDrain();
        listener.registerAddOn(drain);
        server.getServerConfiguration().addHttpHandler(new HttpHandler() {
            @Override
            public void service(Request request, Response response) throws Exception {
                response.setContentType("text/plain");
                response.getWriter().write("served");
            }
        }, "/");
        listener.getTransport().getConnectionMonitoringConfig().addProbes(new ConnectionProbe.Adapter() {
            @Override
            @SuppressWarnings("rawtypes") // Grizzly's probe interface takes raw connections
            public void onAcceptEvent(Connection serverConnection, Connection clientConnection) {
                if (first.compareAndSet(true, false)) {
                    acceptorHeld.countDown();
                    try {
                        releaseAcceptor.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        server.start();
        List<RawHttpConnection> queued = new ArrayList<>();
        try {
            int port = listener.getPort();
            queued.add(RawHttpConnection.open(port));
            acceptorHeld.await();
            for (int index = 0; index < QUEUED; index++) {
                RawHttpConnection connection = RawHttpConnection.open(port);
                connection.write("GET", "/queued-" + index, Map.of(), null);
                queued.add(connection);
            }
            queued.getFirst().write("GET", "/held", Map.of(), null);

            drain.startDraining();
            drain.closeListeners();
            releaseAcceptor.countDown();

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
            releaseAcceptor.countDown();
            for (RawHttpConnection connection : queued) {
                connection.close();
            }
            server.shutdownNow();
        }
    }
}
