package dev.strata.adapters.persistence.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The databases the tests share: one PostgreSQL and one in-memory H2 per JVM, each migrated once
 * on first use and closed when the JVM exits. Tests never need a clean database (each makes its
 * own accounts with unique emails), so every test class can use the same one.
 *
 * <p>PostgreSQL is the one at {@code STRATA_TEST_PG_URL} (a JDBC URL) when that is set, and
 * otherwise an embedded PostgreSQL started from its Maven artifact. There is no third way: if
 * neither works, the tests fail rather than skip.
 */
public final class TestDatabases {

    /** The environment variable naming an existing PostgreSQL to test against. */
    public static final String POSTGRES_URL_VARIABLE = "STRATA_TEST_PG_URL";

    /** Enough for the contract suites' races of 16 threads to queue briefly, not time out. */
    private static final int POOL_SIZE = 8;

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabases.class);

    private TestDatabases() {
    }

    /** The shared PostgreSQL database, migrated. */
    public static StrataDatabase postgres() {
        return PostgresHolder.DATABASE;
    }

    /** The settings {@link #postgres()} was opened with, to open more pools on the same server. */
    public static DatabaseSettings postgresSettings() {
        return PostgresHolder.SETTINGS;
    }

    /** The shared in-memory H2 database in PostgreSQL mode, migrated. */
    public static StrataDatabase h2() {
        return H2Holder.DATABASE;
    }

    /** The settings {@link #h2()} was opened with. */
    public static DatabaseSettings h2Settings() {
        return H2Holder.SETTINGS;
    }

    /** The schema names of {@link #postgresInCustomSchemas()}. */
    public static final SchemaNames CUSTOM_SCHEMAS = new SchemaNames("custom_identity", "custom_posts", "custom_orders");

    /**
     * The shared PostgreSQL server again, seen the way a host embeds Strata: over a pool of the
     * host's own, with every table in the schemas {@link #CUSTOM_SCHEMAS} names, migrated once.
     */
    public static StrataDatabase postgresInCustomSchemas() {
        return CustomSchemasHolder.DATABASE;
    }

    private static final class CustomSchemasHolder {

        static final StrataDatabase DATABASE = openInCustomSchemas();

        private static StrataDatabase openInCustomSchemas() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgresSettings().url());
            config.setMaximumPoolSize(POOL_SIZE);
            HikariDataSource hostPool = new HikariDataSource(config);
            StrataDatabase database = StrataDatabase.over(hostPool, CUSTOM_SCHEMAS);
            database.migrate();
            Runtime.getRuntime().addShutdownHook(new Thread(hostPool::close, "test-host-pool-close"));
            return database;
        }
    }

    /** A class of its own, so that PostgreSQL starts only when a test uses it, and only once. */
    private static final class PostgresHolder {

        private static final Optional<EmbeddedPostgres> EMBEDDED = startEmbeddedUnlessConfigured();
        static final DatabaseSettings SETTINGS = DatabaseSettings.of(EMBEDDED
                .map(server -> server.getJdbcUrl("postgres", "postgres"))
                .orElseGet(() -> System.getenv(POSTGRES_URL_VARIABLE)))
                .withPoolSize(POOL_SIZE);
        static final StrataDatabase DATABASE = openUntilExit(SETTINGS, EMBEDDED);

        private static Optional<EmbeddedPostgres> startEmbeddedUnlessConfigured() {
            String configured = System.getenv(POSTGRES_URL_VARIABLE);
            if (configured != null && !configured.isBlank()) {
                LOG.info("PostgreSQL tests use the server at {}", POSTGRES_URL_VARIABLE);
                return Optional.empty();
            }
            try {
                LOG.info("PostgreSQL tests start an embedded server ({} is not set)", POSTGRES_URL_VARIABLE);
                return Optional.of(EmbeddedPostgres.builder().start());
            } catch (IOException failure) {
                throw new UncheckedIOException(
                        "no PostgreSQL to test on: " + POSTGRES_URL_VARIABLE + " is not set and the embedded one did not start",
                        failure);
            }
        }
    }

    private static final class H2Holder {

        static final DatabaseSettings SETTINGS =
                DatabaseSettings.of(StrataDatabase.h2MemoryUrl("strata-tests")).withPoolSize(POOL_SIZE);
        static final StrataDatabase DATABASE = openUntilExit(SETTINGS, Optional.empty());
    }

    private static StrataDatabase openUntilExit(DatabaseSettings settings, Optional<EmbeddedPostgres> server) {
        StrataDatabase database = StrataDatabase.open(settings);
        LOG.info("Shared test database: {}", productOf(database));
        // One hook, so that the pool closes before the server it is connected to stops.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            database.close();
            server.ifPresent(TestDatabases::stop);
        }, "test-database-close"));
        return database;
    }

    private static String productOf(StrataDatabase database) {
        try {
            return database.jdbi().withHandle(handle -> {
                DatabaseMetaData metadata = handle.getConnection().getMetaData();
                return metadata.getDatabaseProductName() + " " + metadata.getDatabaseProductVersion();
            });
        } catch (SQLException failure) {
            return "(unknown: " + failure.getMessage() + ")";
        }
    }

    private static void stop(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException ignored) {
            // The JVM is exiting; the server's process is stopped or orphaned either way.
        }
    }
}
