package dev.strata.app;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import dev.strata.adapters.rest.grizzly.Http2Connections;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.ConnectionProbe;
import org.glassfish.grizzly.GenericCloseListener;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.nio.NIOConnection;
import org.glassfish.grizzly.nio.transport.TCPNIOServerConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drain of a lame-duck shutdown, on the API listener's connections. Grizzly's own graceful
 * shutdown is not used: it closes the listening socket under the connections waiting in its
 * accept queue (the kernel resets them), answers new requests on kept-alive connections with an
 * HTML 503 and, once the last request in flight is done, closes every connection at once, also
 * those whose next request has already arrived unread, which the kernel then resets too.
 *
 * <p>Instead, {@link #closeListeners()} accepts what is pending before it closes, and once {@link #startDraining()} is called, every response whose head is not yet sent
 * carries {@code Connection: close}, so its connection closes right after it, between requests.
 * A connection with nothing in flight (no request bytes since its last response, none waiting
 * unread in the kernel, nothing left to write) that has been quiet for {@link #QUIET_BEFORE_CLOSING}
 * is closed the way a server ends a kept-alive connection: its output is shut down (a FIN, never a
 * reset) and whatever the client still sends is read and dropped until the client closes its side.
 * "Unread in the kernel" matters on a busy server: bytes a client sent before the drain began may
 * not have been read yet when the connection looks quiet, and closing it then would drop a request
 * the client rightly took as sent; so the drain asks the kernel, through a selector of its own, whether
 * the socket has input waiting, without reading it. {@link #awaitClosed} waits
 * for all of this. An HTTP/2 connection, which has no {@code Connection: close}, is sent
 * {@code GOAWAY} instead (its client starts no new request on it), and counts as idle once every
 * request on it has its whole response (see {@link Http2Connections}). Thread-safe.
 */
final class ConnectionDrain implements AddOn {

    /** How long a connection must have been idle before the drain closes it. */
    static final Duration QUIET_BEFORE_CLOSING = Duration.ofSeconds(1);

    /** Longest the drain waits for a selector to let go of a listening socket before closing it anyway. */
    private static final Duration DEREGISTRATION_PATIENCE = Duration.ofSeconds(2);

    private static final int MAX_BROKEN_ACCEPTS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionDrain.class);

    private final Map<Connection<?>, Tracked> open = new ConcurrentHashMap<>();
    private final Set<TCPNIOServerConnection> listening = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final Object closes = new Object();
    private final LongSupplier nanoTime;
    private volatile boolean draining;
    /** Asks the kernel whether a socket has input waiting; opened by {@link #awaitClosed}, used by its thread alone. */
    private Selector probe;

    ConnectionDrain() {
        this(System::nanoTime);
    }

    /** With the clock that says how long a connection has been quiet ({@link System#nanoTime()}'s scale). */
    ConnectionDrain(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder chain) {
        int transport = chain.indexOfType(TransportFilter.class);
        int codec = chain.indexOfType(HttpServerFilter.class);
        if (transport < 0 || codec < 0) {
            throw new IllegalStateException("the listener has no transport or HTTP codec filter");
        }
        chain.add(codec + 1, new ResponseHeads());
        chain.add(transport + 1, new RequestBytes());
        listener.getTransport().getConnectionMonitoringConfig().addProbes(new ConnectionProbe.Adapter() {
            @Override
            public void onBindEvent(Connection connection) {
                if (connection instanceof TCPNIOServerConnection server) {
                    listening.add(server);
                }
            }

            @Override
            public void onAcceptEvent(Connection serverConnection, Connection clientConnection) {
                accepted.incrementAndGet();
                track(clientConnection);
            }
        });
    }

    /**
     * Closes the listening sockets without resetting a connection the kernel has completed but
     * Grizzly has not accepted yet: closing a listening socket resets every connection still in
     * its accept queue, and under load Grizzly's selector can leave connections there for a long
     * while. So the socket is first taken off its selector, everything pending is accepted (and
     * served), and the socket is closed at once after the last accept found nothing.
     */
    void closeListeners() {
        for (TCPNIOServerConnection server : listening) {
            SelectableChannel channel = server.getChannel();
            SelectionKey key = server.getSelectionKey();
            if (key != null) {
                key.cancel();
                key.selector().wakeup();
            }
            long patience = System.nanoTime() + DEREGISTRATION_PATIENCE.toNanos();
            while (channel.isOpen() && channel.isRegistered() && System.nanoTime() < patience) {
                acceptPending(server);
                LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
            }
            acceptPending(server);
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing the listening socket failed; it is closed anyway", e);
            }
        }
    }

    /** Accepts until the accept queue is empty; a connection that broke before it was accepted is skipped. */
    private void acceptPending(TCPNIOServerConnection server) {
        for (int broken = 0; broken < MAX_BROKEN_ACCEPTS; ) {
            long before = accepted.get();
            try {
                server.onAccept();
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException brokenConnection) {
                LOG.debug("a pending connection broke while it was accepted", brokenConnection);
                broken++;
                continue;
            }
            if (accepted.get() == before) {
                return;
            }
        }
    }

    /** From now on, responses close their connections and idle connections are closed. */
    void startDraining() {
        draining = true;
    }

    /**
     * Closes idle connections as they become idle until none is left or {@code deadlineNanos}
     * (on the drain's clock, {@link System#nanoTime()} unless a test gave another) passes; returns
     * how many connections still had a request in flight then.
     */
    int awaitClosed(long deadlineNanos) throws InterruptedException {
        try (Selector selector = Selector.open()) {
            probe = selector;
            while (true) {
                closeIdle();
                long remaining = deadlineNanos - nanoTime.getAsLong();
                if (open.isEmpty()) {
                    return 0;
                }
                if (remaining <= 0) {
                    return (int) open.values().stream().filter(Tracked::inFlight).count();
                }
                synchronized (closes) {
                    if (!open.isEmpty()) {
                        closes.wait(Math.max(1, Math.min(Duration.ofNanos(remaining).toMillis(), 25)));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the drain cannot open a selector", e);
        } finally {
            probe = null;
        }
    }

    private void closeIdle() {
        long now = nanoTime.getAsLong();
        for (Tracked tracked : open.values()) {
            tracked.goAwayIfHttp2();
            tracked.closeIfIdle(now, this::inputWaiting);
        }
    }

    /**
     * Whether the kernel holds input on this socket that the server has not read yet (or its end of
     * stream): the socket is registered with the drain's own selector for a moment (a channel may be
     * registered with several), which reads nothing. When the kernel cannot be asked, the answer is
     * yes: the connection is then left to its reads or to the grace period, never closed under a request.
     */
    private boolean inputWaiting(SocketChannel socket) {
        try {
            SelectionKey key = socket.register(probe, SelectionKey.OP_READ);
            try {
                return probe.selectNow() > 0 && key.isReadable();
            } finally {
                key.cancel();
                probe.selectNow(); // deregisters the cancelled key, so that the socket can be asked again
            }
        } catch (IOException | CancelledKeyException | IllegalBlockingModeException e) {
            return true;
        }
    }

    /**
     * The connection's state, tracked from the first event seen on it: Grizzly may deliver a
     * connection's first read before its accept event.
     */
    private Tracked track(Connection<?> connection) {
        Tracked tracked = open.get(connection);
        if (tracked != null) {
            return tracked;
        }
        Tracked created = new Tracked(connection, nanoTime.getAsLong());
        Tracked existing = open.putIfAbsent(connection, created);
        if (existing != null) {
            return existing;
        }
        connection.addCloseListener((GenericCloseListener) (closed, type) -> forget(connection));
        if (!connection.isOpen()) {
            forget(connection);
        }
        return created;
    }

    private void forget(Connection<?> connection) {
        open.remove(connection);
        synchronized (closes) {
            closes.notifyAll();
        }
    }

    /** One connection's state, guarded by its own monitor. */
    private static final class Tracked {

        private final Connection<?> connection;
        private boolean busy;
        private boolean closing;
        private long lastActivity;

        Tracked(Connection<?> connection, long now) {
            this.connection = connection;
            this.lastActivity = now;
        }

        private boolean toldToGoAway;

        synchronized boolean inFlight() {
            return busy() && !closing;
        }

        /** HTTP/1.1: bytes since the last response; HTTP/2: a request without its whole response. */
        private boolean busy() {
            return Http2Connections.isHttp2(connection) ? Http2Connections.openStreams(connection) > 0 : busy;
        }

        synchronized void goAwayIfHttp2() {
            if (!toldToGoAway && !closing && Http2Connections.isHttp2(connection)) {
                toldToGoAway = true;
                Http2Connections.goAway(connection);
            }
        }

        /** Bytes arrived; returns false when the connection is closing and they are to be dropped. */
        synchronized boolean received(long now) {
            if (closing) {
                return false;
            }
            busy = true;
            lastActivity = now;
            return true;
        }

        synchronized void responded(long now) {
            busy = false;
            lastActivity = now;
        }

        synchronized void closeIfIdle(long now, Predicate<SocketChannel> inputWaiting) {
            if (closing || busy() || now - lastActivity < QUIET_BEFORE_CLOSING.toNanos()
                    || connection instanceof NIOConnection nio && !nio.getAsyncWriteQueue().isEmpty()) {
                return;
            }
            SelectableChannel channel = connection instanceof NIOConnection nio ? nio.getChannel() : null;
            if (channel instanceof SocketChannel socket && inputWaiting.test(socket)) {
                return; // a request (or the client's close) the server has yet to read
            }
            closing = true;
            try {
                if (channel instanceof SocketChannel socket) {
                    // A FIN: what the client sends from now on is read and dropped until it closes too.
                    socket.shutdownOutput();
                } else {
                    connection.closeSilently();
                }
            } catch (IOException e) {
                connection.closeSilently();
            }
        }
    }

    /** Right after the transport: notes that request bytes arrived, or drops them on a closing connection. */
    private final class RequestBytes extends BaseFilter {

        @Override
        public NextAction handleAccept(FilterChainContext context) throws IOException {
            track(context.getConnection());
            return context.getInvokeAction();
        }

        @Override
        public NextAction handleRead(FilterChainContext context) throws IOException {
            if (!track(context.getConnection()).received(nanoTime.getAsLong())) {
                return context.getStopAction();
            }
            return context.getInvokeAction();
        }
    }

    /** Just above the HTTP codec: marks responses done, and makes them close their connection while draining. */
    private final class ResponseHeads extends BaseFilter {

        @Override
        public NextAction handleWrite(FilterChainContext context) throws IOException {
            if (context.getMessage() instanceof HttpContent content
                    && content.getHttpHeader() instanceof HttpResponsePacket response) {
                if (draining && !response.isCommitted() && !response.isAcknowledgement()) {
                    response.setHeader(Header.Connection, "close");
                }
                if (content.isLast()) {
                    track(context.getConnection()).responded(nanoTime.getAsLong());
                }
            }
            return context.getInvokeAction();
        }
    }
}
