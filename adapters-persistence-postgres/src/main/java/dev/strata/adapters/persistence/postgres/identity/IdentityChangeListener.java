package dev.strata.adapters.persistence.postgres.identity;

import dev.strata.core.identity.AccountId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed of a {@link CachingIdentityStore} on PostgreSQL: one connection of its own (not from
 * the pool) that {@code LISTEN}s on the channel {@code strata.<identity schema>}, on which the
 * identity schema's triggers (migration {@code V2_1}, PostgreSQL only) send an account's id in the
 * transaction that deletes one of its sessions or changes or deletes the account, so that the
 * notification is delivered exactly when, and only if, the change commits.
 *
 * <p>It fails safe. Every {@link #HEARTBEAT} it asks the server whether this very backend is still
 * listening ({@code pg_backend_pid()} and {@code pg_listening_channels()}); only then does it tell the
 * cache it may be used until {@link #LIVENESS} after the heartbeat was sent. A lost or killed
 * connection, a server restart, a heartbeat that does not come back in time (the thread or the
 * network is stuck) or a connection that is not really listening (a transaction-pooling pgbouncer
 * hands each transaction another backend, and its reset query ends the {@code LISTEN}) all make the
 * cache bypassed and empty; it reconnects by itself, and the cache comes back empty, since
 * notifications may have been missed meanwhile. So a committed change is honoured by every instance
 * within {@link #LIVENESS} plus the time a notification takes to arrive, whatever happens to this
 * connection.
 *
 * <p>Runs on a daemon thread of its own from {@link #start} to {@link #close}. Thread-safe.
 */
public final class IdentityChangeListener implements AutoCloseable {

    /** How often the listener checks its connection when no notification comes. */
    public static final Duration HEARTBEAT = Duration.ofMillis(200);
    /** How long after a heartbeat was sent the cache may be used without another. */
    public static final Duration LIVENESS = Duration.ofMillis(750);

    /** How long the listener's connection waits for an answer or to connect before it gives up. */
    public static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);

    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(IdentityChangeListener.class);

    /** Opens a new connection straight to PostgreSQL (not through a pool or a pooler). */
    @FunctionalInterface
    public interface Connector {
        /**
         * A new connection, which the listener closes.
         *
         * @throws SQLException when it cannot connect
         */
        Connection connect() throws SQLException;

        /**
         * Connections to the PostgreSQL at {@code url} (a {@code jdbc:postgresql:} URL, straight to the
         * server: a transaction-pooling pgbouncer cannot keep a {@code LISTEN}), as {@code user} with
         * {@code password} when they are not empty; with TCP keep-alives, and a read that gives up after
         * {@link #SOCKET_TIMEOUT} so that a silent network cannot hold the listener forever.
         */
        static Connector direct(String url, String user, String password) {
            Properties properties = new Properties();
            if (!user.isEmpty()) {
                properties.setProperty("user", user);
            }
            if (!password.isEmpty()) {
                properties.setProperty("password", password);
            }
            properties.setProperty("tcpKeepAlive", "true");
            properties.setProperty("socketTimeout", Long.toString(SOCKET_TIMEOUT.toSeconds()));
            properties.setProperty("connectTimeout", Long.toString(SOCKET_TIMEOUT.toSeconds()));
            properties.setProperty("ApplicationName", "strata-session-cache");
            return () -> DriverManager.getConnection(url, properties);
        }
    }

    /**
     * What the listener did, for logs and tests: {@code kind} is {@code listening}, {@code changed}
     * (with the account), {@code lost} (with the cause) or {@code not_listening}; {@code at} is by
     * the listener's clock.
     *
     * @param kind    what happened
     * @param at      when, by the listener's clock
     * @param account the account a change was announced for, when it is one
     * @param detail  a cause or an explanation, or empty
     */
    public record Event(String kind, Instant at, Optional<AccountId> account, String detail) {
    }

    private final Connector connector;
    private final String schema;
    private final CachingIdentityStore cache;
    private final Clock clock;
    private final Consumer<Event> events;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection current;
    private volatile int backendPid;

    private IdentityChangeListener(Connector connector, String schema, CachingIdentityStore cache, Clock clock,
            Consumer<Event> events) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        this.thread = new Thread(this::run, "strata-session-cache-listener");
        this.thread.setDaemon(true);
    }

    /**
     * Starts listening for changes to the identity tables in {@code schema} (the schema the store's
     * tables are in, {@code identity} by default) and feeding them to {@code cache}; {@code events}
     * hears of every step.
     */
    public static IdentityChangeListener start(Connector connector, String schema, CachingIdentityStore cache,
            Clock clock, Consumer<Event> events) {
        IdentityChangeListener listener = new IdentityChangeListener(connector, schema, cache, clock, events);
        listener.thread.start();
        return listener;
    }

    /** The channel the triggers of the identity tables in {@code schema} notify on. */
    static String channel(String schema) {
        return "strata." + schema;
    }

    /** The server process of the listening connection, 0 while there is none: to find it in {@code pg_stat_activity}. */
    public int backendPid() {
        return backendPid;
    }

    /** Stops listening and closes the connection; the cache is then bypassed. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        closeQuietly(current);
        try {
            thread.join(LAST_RETRY.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        cache.feedLost();
    }

    private void run() {
        Duration retry = FIRST_RETRY;
        boolean warned = false;
        while (running) {
            try (Connection connection = connector.connect()) {
                current = connection;
                listen(connection);
                retry = FIRST_RETRY;
                warned = false;
                loop(connection);
            } catch (SQLException | RuntimeException failure) {
                cache.feedLost();
                backendPid = 0;
                if (!running) {
                    return;
                }
                // Once per outage at WARN: a listener that cannot connect retries every few seconds.
                if (warned) {
                    LOG.debug("The session cache's listener still cannot listen: {}", failure.getMessage());
                } else {
                    LOG.warn("The session cache is bypassed until its listener reconnects: {}", failure.getMessage());
                    warned = true;
                }
                events.accept(new Event("lost", clock.instant(), Optional.empty(), String.valueOf(failure.getMessage())));
            } finally {
                current = null;
            }
            try {
                Thread.sleep(retry.toMillis());
            } catch (InterruptedException interrupted) {
                return;
            }
            retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
        }
    }

    private void listen(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (PreparedStatement triggers = connection.prepareStatement("""
                SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND t.tgname LIKE 'notify_change_%'
                """)) {
            triggers.setString(1, schema);
            try (ResultSet result = triggers.executeQuery()) {
                result.next();
                if (result.getInt(1) == 0) {
                    throw new SQLException("the schema " + schema + " has no change triggers: migrate it on PostgreSQL");
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + quoted(channel(schema)));
            try (ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
                result.next();
                backendPid = result.getInt(1);
            }
        }
        Instant sent = clock.instant();
        heartbeat(connection);
        // Anything kept from before this connection is dropped here: changes may have been missed.
        cache.feedLost();
        cache.feedAlive(sent.plus(LIVENESS));
        LOG.info("The session cache listens for changes on PostgreSQL (backend {})", backendPid);
        events.accept(new Event("listening", clock.instant(), Optional.empty(), "backend " + backendPid));
    }

    private void loop(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        Instant lastSent = clock.instant();
        while (running) {
            apply(notifications.getNotifications((int) HEARTBEAT.toMillis()));
            Instant now = clock.instant();
            if (Duration.between(lastSent, now).compareTo(HEARTBEAT) >= 0) {
                heartbeat(connection);
                // Notifications that came in with the heartbeat's answer are applied before the cache is trusted again.
                apply(notifications.getNotifications());
                cache.feedAlive(now.plus(LIVENESS));
                lastSent = now;
            }
        }
    }

    private void heartbeat(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_backend_pid() = ? AND ? IN (SELECT pg_listening_channels())")) {
            statement.setInt(1, backendPid);
            statement.setString(2, channel(schema));
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next() || !result.getBoolean(1)) {
                    events.accept(new Event("not_listening", clock.instant(), Optional.empty(),
                            "the connection is not listening: behind a transaction pooler?"));
                    throw new SQLException("its connection does not stay on one listening backend; connect it to "
                            + "PostgreSQL directly, not through a transaction-pooling pgbouncer");
                }
            }
        }
    }

    private void apply(PGNotification[] received) {
        if (received == null) {
            return;
        }
        for (PGNotification notification : received) {
            AccountId account;
            try {
                account = new AccountId(notification.getParameter());
            } catch (RuntimeException malformed) {
                // Not one of ours: drop everything rather than guess.
                cache.feedLost();
                continue;
            }
            cache.accountChanged(account);
            events.accept(new Event("changed", clock.instant(), Optional.of(account), ""));
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing to stop: nothing to do about a failure.
        }
    }
}
