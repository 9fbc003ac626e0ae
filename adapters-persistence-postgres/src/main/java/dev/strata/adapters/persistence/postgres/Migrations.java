package dev.strata.adapters.persistence.postgres;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Brings every service's schema up to date. Each service owns one schema, migrated by its own
 * Flyway with its own history table ({@code <schema>.flyway_schema_history}) from its own folder
 * {@code db/migration/<service>}, so that services migrate independently and could later move to
 * databases of their own. The schema's name is the one in {@link SchemaNames}; the migrations
 * name it through Flyway's {@code ${flyway:defaultSchema}} placeholder. A new slice adds its
 * schema name here and its folder of migrations.
 */
final class Migrations {

    /** Every service's default schema (and migration folder), in the order they migrate. */
    static final List<String> SCHEMAS = SchemaNames.DEFAULT.all();

    /**
     * Schemas that exist on PostgreSQL only, migrated after the others from
     * {@code db/migration-postgresql/<schema>}: {@code rate_limits}, the buckets shared by every
     * instance of the app (H2 is embedded in one process, so there is nothing to share).
     */
    static final List<String> POSTGRESQL_ONLY_SCHEMAS = List.of("rate_limits");

    /**
     * Flyway's checksums of the migrations as they were before they named their schema through
     * {@code ${flyway:defaultSchema}}: identity V1 and V2, posts V1, orders V1, and the
     * PostgreSQL-only posts V1_1.
     */
    private static final Set<Integer> CHECKSUMS_BEFORE_THE_PLACEHOLDER =
            Set.of(-752021949, -1219837898, 1144552124, 2033981608, 1750932646);

    private Migrations() {
    }

    /**
     * Applies every pending migration of every schema, under the default names; returns how many
     * were applied (0 when all were already applied). Migrations use their own short-lived
     * connections rather than the pool, so that the pool's statement timeout never cuts a long
     * migration short.
     */
    static int migrate(DatabaseSettings settings) {
        return migrate(flyway -> flyway.dataSource(settings.url(), settings.user(), settings.password()),
                Dialect.of(settings.url()), SchemaNames.DEFAULT, true);
    }

    /**
     * Applies every pending migration of the three services' schemas, named by {@code names},
     * through the connections {@code connect} configures; and, when {@code withRateLimits} and on
     * PostgreSQL, of the app's {@code rate_limits} schema.
     */
    static int migrate(Consumer<FluentConfiguration> connect, Dialect dialect, SchemaNames names, boolean withRateLimits) {
        int applied = 0;
        for (int service = 0; service < SCHEMAS.size(); service++) {
            applied += migrate(connect, names.all().get(service), dialect.migrationLocations(SCHEMAS.get(service)));
        }
        if (withRateLimits && dialect == Dialect.POSTGRESQL) {
            for (String schema : POSTGRESQL_ONLY_SCHEMAS) {
                applied += migrate(connect, schema, "classpath:db/migration-postgresql/" + schema);
            }
        }
        return applied;
    }

    private static int migrate(Consumer<FluentConfiguration> connect, String schema, String... locations) {
        FluentConfiguration configuration = Flyway.configure(Migrations.class.getClassLoader());
        connect.accept(configuration);
        Flyway flyway = configuration
                .schemas(schema)
                .locations(locations)
                // A missing folder is a packaging mistake, not an empty service.
                .failOnMissingLocations(true)
                .load();
        try {
            return flyway.migrate().migrationsExecuted;
        } catch (FlywayValidateException failure) {
            if (!appliedBeforeThePlaceholder(flyway)) {
                throw failure;
            }
            flyway.repair();
            return flyway.migrate().migrationsExecuted;
        }
    }

    /**
     * Whether the only thing validation refused is migrations applied before they named their schema
     * through {@code ${flyway:defaultSchema}} (the same statements, with the schema written out),
     * so that repairing the history (recording the new checksums) changes nothing in the database.
     * Any other mismatch still fails, as Flyway means it to.
     */
    private static boolean appliedBeforeThePlaceholder(Flyway flyway) {
        List<ValidateOutput> invalid = flyway.validateWithResult().invalidMigrations;
        Map<String, Integer> appliedChecksums = new HashMap<>();
        for (MigrationInfo applied : flyway.info().applied()) {
            if (applied.getVersion() != null && applied.getChecksum() != null) {
                appliedChecksums.put(applied.getVersion().getVersion(), applied.getChecksum());
            }
        }
        boolean anyMismatch = false;
        for (ValidateOutput output : invalid) {
            if (output.errorDetails.errorCode == CoreErrorCode.CHECKSUM_MISMATCH) {
                Integer applied = appliedChecksums.get(output.version);
                if (applied == null || !CHECKSUMS_BEFORE_THE_PLACEHOLDER.contains(applied)) {
                    return false;
                }
                anyMismatch = true;
            } else if (output.errorDetails.errorCode != CoreErrorCode.RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED) {
                return false;
            }
        }
        return anyMismatch;
    }
}
