package dev.strata.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The dialect seam of migrations: PostgreSQL-only folders are added on PostgreSQL, and only where they exist. */
class DialectMigrationLocationsTest {

    @Test
    void postgresqlAlsoRunsAServicesPostgresqlOnlyFolder() {
        assertThat(Dialect.POSTGRESQL.migrationLocations("posts"))
                .containsExactly("classpath:db/migration/posts", "classpath:db/migration-postgresql/posts");
    }

    @Test
    void identityAlsoRunsItsChangeTriggersOnPostgresql() {
        assertThat(Dialect.POSTGRESQL.migrationLocations("identity"))
                .containsExactly("classpath:db/migration/identity", "classpath:db/migration-postgresql/identity");
    }

    @Test
    void aServiceWithoutAPostgresqlOnlyFolderRunsItsSharedOneOnly() {
        assertThat(Dialect.POSTGRESQL.migrationLocations("orders")).containsExactly("classpath:db/migration/orders");
    }

    @Test
    void h2RunsTheSharedFoldersOnly() {
        assertThat(Dialect.H2.migrationLocations("posts")).containsExactly("classpath:db/migration/posts");
    }
}
