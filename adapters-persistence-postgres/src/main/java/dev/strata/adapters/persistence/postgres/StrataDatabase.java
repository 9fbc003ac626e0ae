package dev.strata.adapters.persistence.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.strata.adapters.persistence.postgres.identity.JdbiIdentityStore;
import dev.strata.adapters.persistence.postgres.orders.JdbiOrderStore;
import dev.strata.adapters.persistence.postgres.posts.JdbiPostStore;
import dev.strata.adapters.persistence.postgres.ratelimits.SharedBuckets;
import dev.strata.core.common.UnavailableException;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.orders.store.OrderStore;
import dev.strata.core.posts.store.PostStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.jdbi.v3.core.Jdbi;

/**
 * Strata's database, opened: a HikariCP connection pool over PostgreSQL or H2 (in PostgreSQL
 * mode), every service's schema migrated, a configured {@link Jdbi}, and the stores built on it.
 * The app opens one at start and closes it at shutdown, which closes the pool. Every statement is
 * cancelled by the database after the settings' statement timeout (set per connection: {@code SET
 * statement_timeout} on PostgreSQL, {@code SET QUERY_TIMEOUT} on H2), and a caller waits at most
 * {@link #CONNECTION_TIMEOUT} for a connection before getting an {@link UnavailableException}.
 * Thread-safe.
 */
public final class StrataDatabase implements AutoCloseable {

    /** The longest a caller waits for a connection from the pool. */
    public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);

    /** H2 settings that bring it closest to PostgreSQL. */
    private static final String H2_POSTGRESQL_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private static final int PROBE_TIMEOUT_SECONDS = 1;

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final IdentityStore identityStore;
    private final PostStore postStore;
    private final OrderStore orderStore;

    private StrataDatabase(HikariDataSource pool) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool).installPlugin(new StrataJdbiPlugin());
        this.identityStore = new JdbiIdentityStore(jdbi);
        this.postStore = new JdbiPostStore(jdbi);
        this.orderStore = new JdbiOrderStore(jdbi);
    }

    /**
     * Migrates every service's schema, then opens the pool.
     *
     * @throws UnavailableException when the database cannot be reached
     */
    public static StrataDatabase open(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        try (Connection keptOpen = holdEmbeddedDatabaseOpen(settings)) {
            Migrations.migrate(settings);
            return new StrataDatabase(new HikariDataSource(poolConfig(settings)));
        } catch (SQLException failure) {
            throw new UnavailableException("cannot open the database at " + settings.url(), failure);
        } catch (RuntimeException failure) {
            if (DatabaseErrors.isUnavailable(failure)) {
                throw new UnavailableException("cannot reach the database at " + settings.url(), failure);
            }
            throw failure;
        }
    }

    /**
     * On H2, a connection that keeps the embedded database open until the pool has connections of
     * its own: H2 closes a database when its last connection closes, and each schema's Flyway run
     * opens and closes its own, so without it the database would be opened (and its file read and
     * recovered) once per schema and once more for the pool, a third of Strata's start-up on H2.
     * On PostgreSQL, {@code null}: there is nothing to keep open.
     */
    private static Connection holdEmbeddedDatabaseOpen(DatabaseSettings settings) throws SQLException {
        if (Dialect.of(settings.url()) != Dialect.H2) {
            return null;
        }
        Properties credentials = new Properties();
        if (!settings.user().isEmpty()) {
            credentials.setProperty("user", settings.user());
        }
        if (!settings.password().isEmpty()) {
            credentials.setProperty("password", settings.password());
        }
        return DriverManager.getConnection(settings.url(), credentials);
    }

    /**
     * The URL of the embedded H2 database kept in {@code dataDirectory} (file {@code strata.mv.db}).
     * H2 is told not to close the database from its own shutdown hook, so that requests still
     * draining during a graceful shutdown can finish; closing this object closes it.
     */
    public static String h2FileUrl(Path dataDirectory) {
        String directory = dataDirectory.toAbsolutePath().normalize().toString();
        if (directory.indexOf(';') >= 0) {
            throw new IllegalArgumentException("an H2 data directory cannot contain ';': " + directory);
        }
        return "jdbc:h2:file:" + directory + "/strata" + H2_POSTGRESQL_MODE + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * The URL of a private in-memory H2 database called {@code name}, for tests. It lives until the
     * JVM exits, even while no connection is open.
     */
    public static String h2MemoryUrl(String name) {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("an in-memory database name is letters, digits, _ and -: " + name);
        }
        return "jdbc:h2:mem:" + name + H2_POSTGRESQL_MODE + ";DB_CLOSE_DELAY=-1";
    }

    /** The {@link Jdbi} over the pool, with {@link StrataJdbiPlugin} installed. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The identity service's store. */
    public IdentityStore identityStore() {
        return identityStore;
    }

    /** The posts service's store. */
    public PostStore postStore() {
        return postStore;
    }

    /** The orders service's store. */
    public OrderStore orderStore() {
        return orderStore;
    }

    /**
     * Rate-limit buckets kept in this database, shared by every instance of the app that uses it
     * (see {@link SharedBuckets}). Each call makes a new view over the same table.
     *
     * @throws IllegalStateException on H2, which has no shared bucket backend
     */
    public SharedBuckets sharedBuckets() {
        if (Dialect.of(pool.getJdbcUrl()) != Dialect.POSTGRESQL) {
            throw new IllegalStateException("shared rate-limit buckets need PostgreSQL; H2 keeps them in memory");
        }
        return SharedBuckets.over(pool);
    }

    /**
     * Whether the database answers {@code SELECT 1} now, for a readiness check. Takes at most about
     * {@link #CONNECTION_TIMEOUT} plus a second; never throws.
     */
    public boolean isReachable() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
            try (ResultSet result = statement.executeQuery("SELECT 1")) {
                return result.next();
            }
        } catch (SQLException | RuntimeException failure) {
            return false;
        }
    }

    /**
     * Publishes the pool's meters (HikariCP's {@code hikaricp.connections.*}: active, idle, pending,
     * timeouts, acquire and usage times) to {@code meterRegistry}, a Micrometer {@code MeterRegistry}
     * taken as an {@code Object} so that this module does not depend on Micrometer. Call it once.
     */
    public void publishPoolMetrics(Object meterRegistry) {
        pool.setMetricRegistry(Objects.requireNonNull(meterRegistry, "meterRegistry"));
    }

    /** Closes the pool; the stores then throw {@link UnavailableException}. Closing twice is harmless. */
    @Override
    public void close() {
        pool.close();
    }

    private static HikariConfig poolConfig(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("strata");
        config.setJdbcUrl(settings.url());
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
        }
        if (!settings.password().isEmpty()) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        // Must stay below the connection timeout, or HikariCP resets it with a warning.
        config.setValidationTimeout(Duration.ofSeconds(1).toMillis());
        Dialect dialect = Dialect.of(settings.url());
        config.setConnectionInitSql(dialect.statementTimeoutSql(settings.statementTimeout()));
        dialect.driverProperties(settings.statementTimeout()).forEach(config::addDataSourceProperty);
        return config;
    }
}
