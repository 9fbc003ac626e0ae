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

    private Migrations() {
    }

    /**
     * Applies every pending migration of every schema; returns how many were applied (0 when all
     * were already applied). Migrations use their own short-lived connections rather than the
     * pool, so that the pool's statement timeout never cuts a long migration short.
     */
    static int migrate(DatabaseSettings settings) {
        int applied = 0;
        for (String schema : SCHEMAS) {
            applied += Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(settings.url(), settings.user(), settings.password())
                    .schemas(schema)
                    .locations(Dialect.of(settings.url()).migrationLocations(schema))
                    // A missing folder is a packaging mistake, not an empty service.
                    .failOnMissingLocations(true)
                    .load()
                    .migrate()
                    .migrationsExecuted;
        }
        return applied;
    }
}
