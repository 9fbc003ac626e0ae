package dev.strata.adapters.persistence.postgres;

import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * Brings every service's schema up to date. Each service owns one schema, migrated by its own
 * Flyway with its own history table ({@code <schema>.flyway_schema_history}) from its own folder
 * {@code db/migration/<schema>}, so that services migrate independently and could later move to
 * databases of their own. A new slice adds its schema name here and its folder of migrations.
 */
final class Migrations {

    /** Every service's schema, in the order they migrate. */
    static final List<String> SCHEMAS = List.of("identity", "posts", "orders");

    /**
     * Schemas that exist on PostgreSQL only, migrated after the others from
     * {@code db/migration-postgresql/<schema>}: {@code rate_limits}, the buckets shared by every
     * instance (H2 is embedded in one process, so there is nothing to share).
     */
    static final List<String> POSTGRESQL_ONLY_SCHEMAS = List.of("rate_limits");

    private Migrations() {
    }

    /**
     * Applies every pending migration of every schema; returns how many were applied (0 when all
     * were already applied). Migrations use their own short-lived connections rather than the
     * pool, so that the pool's statement timeout never cuts a long migration short.
     */
    static int migrate(DatabaseSettings settings) {
        Dialect dialect = Dialect.of(settings.url());
        int applied = 0;
        for (String schema : SCHEMAS) {
            applied += migrate(settings, schema, dialect.migrationLocations(schema));
        }
        if (dialect == Dialect.POSTGRESQL) {
            for (String schema : POSTGRESQL_ONLY_SCHEMAS) {
                applied += migrate(settings, schema, "classpath:db/migration-postgresql/" + schema);
            }
        }
        return applied;
    }

    private static int migrate(DatabaseSettings settings, String schema, String... locations) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(settings.url(), settings.user(), settings.password())
                .schemas(schema)
                .locations(locations)
                // A missing folder is a packaging mistake, not an empty service.
                .failOnMissingLocations(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
