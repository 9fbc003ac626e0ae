package dev.strata.adapters.persistence.postgres;

import java.time.Duration;
import java.util.Map;

/**
 * Where PostgreSQL and H2 (in PostgreSQL mode) still differ for Strata. The schema SQL and every
 * store query are shared; only connection setup and PostgreSQL-only migrations (see
 * {@link #migrationLocations}) live here.
 */
enum Dialect {

    POSTGRESQL {
        @Override
        String statementTimeoutSql(Duration timeout) {
            return "SET statement_timeout = " + timeout.toMillis();
        }

        @Override
        Map<String, String> driverProperties(Duration statementTimeout) {
            // The server cancels slow statements, but if the network goes away mid-statement no
            // answer ever comes: give up reading a little after the server would have given up.
            long seconds = statementTimeout.plus(SOCKET_TIMEOUT_MARGIN).toSeconds() + 1;
            return Map.of("socketTimeout", Long.toString(seconds));
        }
    },

    H2 {
        @Override
        String statementTimeoutSql(Duration timeout) {
            return "SET QUERY_TIMEOUT " + timeout.toMillis();
        }

        @Override
        Map<String, String> driverProperties(Duration statementTimeout) {
            // Embedded: there is no network to lose.
            return Map.of();
        }
    };

    private static final Duration SOCKET_TIMEOUT_MARGIN = Duration.ofSeconds(5);

    /** The SQL that makes the database cancel any statement of this session running longer than {@code timeout}. */
    abstract String statementTimeoutSql(Duration timeout);

    /** JDBC driver properties for pooled connections; settings in the URL take precedence. */
    abstract Map<String, String> driverProperties(Duration statementTimeout);

    /**
     * Where Flyway finds a schema's migrations: its shared folder {@code db/migration/<schema>},
     * plus, on PostgreSQL only, {@code db/migration-postgresql/<schema>} when that folder exists,
     * for what H2 cannot run (extensions, trigram and other special indexes). Versions in the
     * PostgreSQL folder go between the shared ones (V1_1 after V1), so that both databases apply
     * the shared migrations in the same order.
     */
    String[] migrationLocations(String schema) {
        String shared = "classpath:db/migration/" + schema;
        String postgresOnly = "db/migration-postgresql/" + schema;
        if (this == POSTGRESQL && Dialect.class.getClassLoader().getResource(postgresOnly) != null) {
            return new String[] {shared, "classpath:" + postgresOnly};
        }
        return new String[] {shared};
    }

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalArgumentException(
                "Strata runs on PostgreSQL (jdbc:postgresql:...) or H2 (jdbc:h2:...), not on " + safePrefix(jdbcUrl));
    }

    private static String safePrefix(String jdbcUrl) {
        // The URL may carry a password: name only its scheme.
        int end = jdbcUrl.indexOf(':', "jdbc:".length());
        return end < 0 ? "this URL" : jdbcUrl.substring(0, end + 1) + "...";
    }
}
