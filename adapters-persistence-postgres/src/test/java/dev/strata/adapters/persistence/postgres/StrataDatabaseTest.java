package dev.strata.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.common.UnavailableException;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.identity.store.NewAccountRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store contracts cannot see: migrations, the pool, timeouts and URLs. */
class StrataDatabaseTest {

    private static NewAccountRecord newAccount() {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        return new NewAccountRecord(AccountId.generate(Clock.systemUTC()), email, email, "Ada", "hash",
                Instant.parse("2026-01-02T03:04:05.123456Z"));
    }

    private static StrataDatabase openPrivateH2(int poolSize) {
        return StrataDatabase.open(DatabaseSettings.of(StrataDatabase.h2MemoryUrl("private-" + UUID.randomUUID()))
                .withPoolSize(poolSize));
    }

    @Nested
    class Migrating {

        @Test
        void migratingAnUpToDatePostgresDatabaseAgainAppliesNothingAndKeepsTheData() {
            AccountId id = TestDatabases.postgres().identityStore().insertAccount(newAccount()).id();

            assertThat(Migrations.migrate(TestDatabases.postgresSettings())).isZero();
            assertThat(TestDatabases.postgres().identityStore().findAccount(id)).isPresent();
        }

        @Test
        void migratingAnUpToDateH2DatabaseAgainAppliesNothingAndKeepsTheData() {
            AccountId id = TestDatabases.h2().identityStore().insertAccount(newAccount()).id();

            assertThat(Migrations.migrate(TestDatabases.h2Settings())).isZero();
            assertThat(TestDatabases.h2().identityStore().findAccount(id)).isPresent();
        }

        @Test
        void aDatabaseMigratedBeforeTheSchemaPlaceholderStillOpensWithItsData() {
            // src/test/resources/db/before-placeholder holds the migrations as they were when they
            // wrote their schema out (identity.accounts) instead of ${flyway:defaultSchema}.
            DatabaseSettings settings = DatabaseSettings.of(StrataDatabase.h2MemoryUrl("old-" + UUID.randomUUID()));
            for (String schema : Migrations.SCHEMAS) {
                Flyway.configure().dataSource(settings.url(), "", "").schemas(schema)
                        .locations("classpath:db/before-placeholder/" + schema).load().migrate();
            }
            AccountId id;
            try (StrataDatabase database = StrataDatabase.open(settings)) {
                id = database.identityStore().insertAccount(newAccount()).id();
            }

            try (StrataDatabase reopened = StrataDatabase.open(settings)) {
                assertThat(reopened.identityStore().findAccount(id)).isPresent();
                assertThat(reopened.migrate()).isZero();
            }
        }

        @Test
        void aFreshDatabaseGetsEverySchemaWithItsOwnHistory() {
            DatabaseSettings settings = DatabaseSettings.of(StrataDatabase.h2MemoryUrl("fresh-" + UUID.randomUUID()));

            assertThat(Migrations.migrate(settings)).isPositive();
            try (StrataDatabase database = StrataDatabase.open(settings)) {
                for (String schema : Migrations.SCHEMAS) {
                    int applied = database.jdbi().withHandle(handle -> handle
                            .createQuery("SELECT count(*) FROM " + schema + ".flyway_schema_history WHERE success")
                            .mapTo(Integer.class).one());
                    assertThat(applied).as(schema).isPositive();
                }
            }
        }
    }

    @Nested
    class WhenTheTextCannotBeStored {

        @Test
        void nulInAPostgresTextParameterIsAValidationFailureNotABug() {
            for (String text : new String[] {"\u0000", "a\u0000@b.c", "a\u0000\u0000b"}) {
                assertThatThrownBy(() -> TestDatabases.postgres().identityStore().findAccountByEmail(text))
                        .as(text).isInstanceOf(ValidationException.class)
                        .hasMessageContaining("cannot be stored");
            }
        }

        @Test
        void nulInAPostgresJsonbValueIsAValidationFailureNotABug() {
            DatabaseErrors errors = DatabaseErrors.translating(Map.of());

            assertThatThrownBy(() -> errors.call(() -> TestDatabases.postgres().jdbi().withHandle(handle -> handle
                    .createQuery("SELECT CAST(:json AS jsonb)::text").bind("json", "{\"a\":\"\\u0000\"}")
                    .mapTo(String.class).one())))
                    .isInstanceOf(ValidationException.class);
        }
    }

    @Nested
    class WhenTheDatabaseDoesNotAnswer {

        @Test
        void aClosedDatabaseIsUnavailableNotAnSqlError() {
            StrataDatabase database = openPrivateH2(2);
            IdentityStore store = database.identityStore();
            AccountId id = store.insertAccount(newAccount()).id();
            assertThat(database.isReachable()).isTrue();

            database.close();

            assertThat(database.isReachable()).isFalse();
            assertThatThrownBy(() -> store.findAccount(id))
                    .isInstanceOf(UnavailableException.class)
                    .hasFieldOrPropertyWithValue("code", "service_unavailable");
            assertThatThrownBy(() -> store.insertAccount(newAccount())).isInstanceOf(UnavailableException.class);
        }

        @Test
        @SuppressWarnings("try") // the handle is held open, unused, so that the pool's only connection is taken
        void anExhaustedPoolIsUnavailableAfterTheConnectionTimeout() {
            try (StrataDatabase database = openPrivateH2(1); Handle held = database.jdbi().open()) {
                long started = System.nanoTime();

                assertThatThrownBy(() -> database.identityStore().findAccountByEmail("nobody@example.com"))
                        .isInstanceOf(UnavailableException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - started))
                        .isLessThan(StrataDatabase.CONNECTION_TIMEOUT.plusSeconds(2));
            }
        }

        @Test
        void aConnectionThePostgresServerDroppedIsUnavailableAndThePoolReplacesIt() {
            try (StrataDatabase database = StrataDatabase.open(TestDatabases.postgresSettings().withPoolSize(1))) {
                DatabaseErrors errors = DatabaseErrors.translating(Map.of());
                try (Handle handle = database.jdbi().open()) {
                    int backend = handle.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one();
                    TestDatabases.postgres().jdbi().useHandle(other -> other
                            .createQuery("SELECT pg_terminate_backend(:backend)").bind("backend", backend)
                            .mapTo(Boolean.class).one());

                    assertThatThrownBy(() -> errors.call(() ->
                            handle.createQuery("SELECT 1").mapTo(Integer.class).one()))
                            .isInstanceOf(UnavailableException.class);
                }

                assertThat(database.identityStore().findAccountByEmail("nobody@example.com")).isEmpty();
            }
        }

        @Test
        void aServerThatIsNotThereIsUnavailableAtOpen() {
            DatabaseSettings nowhere = DatabaseSettings.of("jdbc:postgresql://127.0.0.1:1/strata?user=strata");

            assertThatThrownBy(() -> StrataDatabase.open(nowhere))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("127.0.0.1:1");
        }

        @Test
        void aStatementOverTheTimeoutIsCancelledAndUnavailable() {
            DatabaseSettings impatient = TestDatabases.postgresSettings().withPoolSize(1)
                    .withStatementTimeout(Duration.ofMillis(100));
            try (StrataDatabase database = StrataDatabase.open(impatient)) {
                DatabaseErrors errors = DatabaseErrors.translating(Map.of());

                assertThatThrownBy(() -> errors.call(() -> database.jdbi().withHandle(handle ->
                        handle.createQuery("SELECT 1 FROM pg_sleep(3)").mapTo(Integer.class).one())))
                        .isInstanceOf(UnavailableException.class);
                assertThat(database.isReachable()).isTrue();
            }
        }
    }

    @Nested
    class StatementTimeout {

        @Test
        void postgresConnectionsCancelStatementsAfterFiveSecondsByDefault() {
            String timeout = TestDatabases.postgres().jdbi().withHandle(handle ->
                    handle.createQuery("SHOW statement_timeout").mapTo(String.class).one());

            assertThat(timeout).isEqualTo("5s");
        }

        @Test
        void h2ConnectionsCancelStatementsAfterFiveSecondsByDefault() {
            String timeout = TestDatabases.h2().jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'QUERY_TIMEOUT'")
                    .mapTo(String.class).one());

            assertThat(timeout).isEqualTo("5000");
        }
    }

    @Nested
    class Urls {

        @Test
        void theH2FileUrlPointsIntoTheDataDirectoryInPostgresMode(@TempDir Path data) {
            String url = StrataDatabase.h2FileUrl(data);

            assertThat(url).startsWith("jdbc:h2:file:" + data.toAbsolutePath() + "/strata;")
                    .contains(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }

        @Test
        void anH2FileDatabaseKeepsItsDataAcrossRestarts(@TempDir Path data) {
            DatabaseSettings settings = DatabaseSettings.of(StrataDatabase.h2FileUrl(data)).withPoolSize(2);
            AccountId id;
            try (StrataDatabase database = StrataDatabase.open(settings)) {
                id = database.identityStore().insertAccount(newAccount()).id();
            }

            try (StrataDatabase reopened = StrataDatabase.open(settings)) {
                assertThat(reopened.identityStore().findAccount(id)).isPresent();
            }
            assertThat(data.resolve("strata.mv.db")).exists();
        }

        @Test
        void onlyPostgresAndH2UrlsAreAcceptedAndARefusedUrlIsNotEchoed() {
            assertThatThrownBy(() -> DatabaseSettings.of("jdbc:mysql://db/strata?password=secret"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("jdbc:mysql:")
                    .hasMessageNotContaining("secret");
        }

        @Test
        void settingsNeverShowThePassword() {
            DatabaseSettings settings = DatabaseSettings.of("jdbc:postgresql://db/strata").withCredentials("strata", "secret");

            assertThat(settings.toString()).contains("strata").doesNotContain("secret");
        }
    }
}
