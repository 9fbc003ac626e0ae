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
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import java.util.Properties;
import org.jdbi.v3.core.Jdbi;

/**
 * Strata's database: a configured {@link Jdbi} and the three services' stores built on it, opened
 * in one of three ways.
 * <ul>
 *   <li>{@link #open(DatabaseSettings)} (what the app does): Strata builds its own HikariCP pool from
 *   the settings, migrates every schema first, and closing this object closes the pool. Every
 *   statement is cancelled by the database after the settings' statement timeout (set per
 *   connection: {@code SET statement_timeout} on PostgreSQL, {@code SET QUERY_TIMEOUT} on H2), and
 *   a caller waits at most {@link #CONNECTION_TIMEOUT} for a connection before getting an
 *   {@link UnavailableException}.</li>
 *   <li>{@link #over(DataSource, SchemaNames)}: over the host's own pool, which stays the host's:
 *   closing this object leaves it open. Nothing is migrated unless the host calls {@link #migrate()}
 *   (or runs the Flyway locations named there itself).</li>
 *   <li>{@link #over(Jdbi, SchemaNames)}: the same over the host's {@link Jdbi}, on which the stores
 *   install {@link StrataJdbiPlugin}.</li>
 * </ul>
 * Thread-safe.
 */
public final class StrataDatabase implements AutoCloseable {

    /** The longest a caller waits for a connection from the pool Strata builds itself. */
    public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);

    /** H2 settings that bring it closest to PostgreSQL. */
    private static final String H2_POSTGRESQL_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private static final int PROBE_TIMEOUT_SECONDS = 1;

    private final Jdbi jdbi;
    private final DataSource connections;
    private final Optional<HikariDataSource> ownPool;
    private final SchemaNames schemas;
    private final Consumer<FluentConfiguration> migrationConnections;
    private final IdentityStore identityStore;
    private final PostStore postStore;
    private final OrderStore orderStore;

    private StrataDatabase(Jdbi jdbi, DataSource connections, Optional<HikariDataSource> ownPool, SchemaNames schemas,
            Consumer<FluentConfiguration> migrationConnections) {
        this.jdbi = jdbi.installPlugin(new StrataJdbiPlugin());
        this.connections = connections;
        this.ownPool = ownPool;
        this.schemas = Objects.requireNonNull(schemas, "schemas");
        this.migrationConnections = migrationConnections;
        this.identityStore = new JdbiIdentityStore(jdbi, schemas.identity());
        this.postStore = new JdbiPostStore(jdbi, schemas.posts());
        this.orderStore = new JdbiOrderStore(jdbi, schemas.orders());
    }

    /**
     * Migrates every schema (under the default {@link SchemaNames}, plus the app's PostgreSQL-only
     * {@code rate_limits}), then opens a pool of Strata's own, which {@link #close()} closes.
     *
     * @throws UnavailableException when the database cannot be reached
     */
    public static StrataDatabase open(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        try (Connection keptOpen = holdEmbeddedDatabaseOpen(settings)) {
            Migrations.migrate(settings);
            HikariDataSource pool = new HikariDataSource(poolConfig(settings));
            return new StrataDatabase(Jdbi.create(pool), pool, Optional.of(pool), SchemaNames.DEFAULT,
                    flyway -> flyway.dataSource(settings.url(), settings.user(), settings.password()));
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
     * Strata's stores over the host's {@code dataSource} (a pool the host configured and owns),
     * with the tables in the schemas {@code schemas} names. Connects to nothing and migrates
     * nothing: call {@link #migrate()} or run the migrations yourself. {@link #close()} leaves
     * {@code dataSource} open.
     */
    public static StrataDatabase over(DataSource dataSource, SchemaNames schemas) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new StrataDatabase(Jdbi.create(dataSource), dataSource, Optional.empty(), schemas,
                flyway -> flyway.dataSource(dataSource));
    }

    /** {@link #over(DataSource, SchemaNames)} with the default schema names. */
    public static StrataDatabase over(DataSource dataSource) {
        return over(dataSource, SchemaNames.DEFAULT);
    }

    /**
     * Strata's stores over the host's {@code jdbi}, with the tables in the schemas {@code schemas}
     * names. The stores install {@link StrataJdbiPlugin} on {@code jdbi} (short exception messages,
     * {@code Instant}s as {@code timestamp with time zone} at UTC). Connects to nothing and migrates
     * nothing: call {@link #migrate()} or run the migrations yourself. {@link #close()} leaves
     * whatever {@code jdbi} connects through open.
     */
    public static StrataDatabase over(Jdbi jdbi, SchemaNames schemas) {
        Objects.requireNonNull(jdbi, "jdbi");
        DataSource connections = new JdbiConnections(jdbi);
        return new StrataDatabase(jdbi, connections, Optional.empty(), schemas, flyway -> flyway.dataSource(connections));
    }

    /** {@link #over(Jdbi, SchemaNames)} with the default schema names. */
    public static StrataDatabase over(Jdbi jdbi) {
        return over(jdbi, SchemaNames.DEFAULT);
    }

    /**
     * Applies every pending migration of the three services' schemas, named as this database was
     * opened with; returns how many were applied (0 when the schemas were up to date). Safe to call
     * from several instances at once (Flyway locks its history table) and again at every start.
     *
     * <p>To run them with your own Flyway instead, run one Flyway per service with
     * {@code schemas(<its schema name>)} and the location {@code classpath:db/migration/identity},
     * {@code classpath:db/migration/posts} or {@code classpath:db/migration/orders}; on PostgreSQL
     * add {@code classpath:db/migration-postgresql/posts} to the posts one (a trigram index) and
     * {@code classpath:db/migration-postgresql/identity} to the identity one (the triggers that
     * announce changes to a session cache's {@code IdentityChangeListener}). Each
     * keeps its own {@code flyway_schema_history} in its schema; the migrations name their schema
     * with {@code ${flyway:defaultSchema}}, so keep Flyway's placeholder replacement on.
     *
     * @throws UnavailableException when the database cannot be reached
     */
    public int migrate() {
        try {
            return Migrations.migrate(migrationConnections, dialect(), schemas, ownPool.isPresent());
        } catch (RuntimeException failure) {
            if (DatabaseErrors.isUnavailable(failure)) {
                throw new UnavailableException("cannot reach the database to migrate it", failure);
            }
            throw failure;
        }
    }

    /** The schema names the stores use. */
    public SchemaNames schemas() {
        return schemas;
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

    /** The {@link Jdbi} the stores use, with {@link StrataJdbiPlugin} installed. */
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
     * (see {@link SharedBuckets}). Each call makes a new view over the same table, the app's
     * {@code rate_limits.token_buckets}, which only {@link #open(DatabaseSettings)} migrates.
     *
     * @throws IllegalStateException on H2, which has no shared bucket backend
     */
    public SharedBuckets sharedBuckets() {
        if (dialect() != Dialect.POSTGRESQL) {
            throw new IllegalStateException("shared rate-limit buckets need PostgreSQL; H2 keeps them in memory");
        }
        return SharedBuckets.over(connections);
    }

    /**
     * Whether the database answers {@code SELECT 1} now, for a readiness check. Takes at most about
     * {@link #CONNECTION_TIMEOUT} plus a second; never throws.
     */
    public boolean isReachable() {
        try (Connection connection = connections.getConnection(); Statement statement = connection.createStatement()) {
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
        Objects.requireNonNull(meterRegistry, "meterRegistry");
        ownPool.orElseThrow(() -> new IllegalStateException("the pool is the host's: publish its metrics where it is built"))
                .setMetricRegistry(meterRegistry);
    }

    /**
     * Closes the pool Strata built in {@link #open(DatabaseSettings)}; the stores then throw
     * {@link UnavailableException}. A host's {@code DataSource} or {@code Jdbi} is left open: it is
     * the host's to close. Closing twice is harmless.
     */
    @Override
    public void close() {
        ownPool.ifPresent(HikariDataSource::close);
    }

    /** Which database is behind the connections, asked of the first one. */
    private Dialect dialect() {
        if (ownPool.isPresent()) {
            return Dialect.of(ownPool.get().getJdbcUrl());
        }
        try (Connection connection = connections.getConnection()) {
            return Dialect.of(connection.getMetaData().getURL());
        } catch (SQLException failure) {
            throw new UnavailableException("cannot reach the database", failure);
        }
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
