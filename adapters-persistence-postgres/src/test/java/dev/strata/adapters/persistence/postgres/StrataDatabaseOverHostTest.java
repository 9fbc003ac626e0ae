package dev.strata.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.store.NewAccountRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Strata embedded in a host: opened over the host's pool or the host's {@link Jdbi}, with schema
 * names of the host's choosing, migrated only when asked, and never closing what the host owns.
 * Each case runs on a database of its own (a private H2, or fresh schema names on PostgreSQL).
 */
class StrataDatabaseOverHostTest {

    /** How a host hands its pool to Strata. */
    enum Handover {
        DATA_SOURCE(StrataDatabase::over),
        JDBI((pool, names) -> StrataDatabase.over(Jdbi.create(pool), names));

        private final BiFunction<HikariDataSource, SchemaNames, StrataDatabase> open;

        Handover(BiFunction<HikariDataSource, SchemaNames, StrataDatabase> open) {
            this.open = open;
        }
    }

    static Stream<Arguments> databasesAndHandovers() {
        Function<String, String> h2 = name -> StrataDatabase.h2MemoryUrl("host-" + name);
        Function<String, String> postgres = name -> TestDatabases.postgresSettings().url();
        return Stream.of(Handover.values()).flatMap(handover -> Stream.of(
                Arguments.of("H2", h2, handover),
                Arguments.of("PostgreSQL", postgres, handover)));
    }

    private static HikariDataSource hostPool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    private static SchemaNames freshNames() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        return new SchemaNames("people_" + suffix, "notes_" + suffix, "sales_" + suffix);
    }

    private static NewAccountRecord newAccount() {
        String email = "host-" + UUID.randomUUID() + "@example.com";
        return new NewAccountRecord(AccountId.generate(Clock.systemUTC()), email, email, "Ada", "hash",
                Instant.parse("2026-01-02T03:04:05.123456Z"));
    }

    private static List<String> tablesIn(HikariDataSource pool, String schema) {
        return Jdbi.create(pool).withHandle(handle -> handle.createQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = :schema ORDER BY table_name")
                .bind("schema", schema).mapTo(String.class).list());
    }

    @ParameterizedTest(name = "{0}, over a {2}")
    @MethodSource("databasesAndHandovers")
    void theStoresUseTheSchemasTheHostNamedAndMigrateOnlyWhenAsked(String product, Function<String, String> url,
            Handover handover) {
        SchemaNames names = freshNames();
        try (HikariDataSource pool = hostPool(url.apply(names.identity()))) {
            try (StrataDatabase database = handover.open.apply(pool, names)) {
                assertThat(tablesIn(pool, names.identity())).as("opening migrates nothing").isEmpty();

                assertThat(database.migrate()).isPositive();
                assertThat(database.migrate()).as("already up to date").isZero();

                AccountId id = database.identityStore().insertAccount(newAccount()).id();
                assertThat(database.identityStore().findAccount(id)).isPresent();
                int inHostSchema = Jdbi.create(pool).withHandle(handle -> handle
                        .createQuery("SELECT count(*) FROM " + names.identity() + ".accounts WHERE id = :id")
                        .bind("id", id.value()).mapTo(Integer.class).one());
                assertThat(inHostSchema).isEqualTo(1);
                assertThat(tablesIn(pool, names.posts())).contains("posts", "channels", "members");
                assertThat(tablesIn(pool, names.orders())).contains("orders", "order_items");
                assertThat(database.schemas()).isEqualTo(names);
            }

            assertThat(pool.isClosed()).as("closing Strata leaves the host's pool open").isFalse();
            int answer = Jdbi.create(pool).withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
            assertThat(answer).isEqualTo(1);
        }
    }

    @Test
    void onAPrivateH2TheDefaultSchemasAreNotTouchedWhenOthersAreNamed() {
        SchemaNames names = freshNames();
        try (HikariDataSource pool = hostPool(StrataDatabase.h2MemoryUrl("host-only-" + names.identity()));
                StrataDatabase database = StrataDatabase.over(pool, names)) {
            database.migrate();
            database.identityStore().insertAccount(newAccount());

            assertThat(tablesIn(pool, names.identity())).contains("accounts", "sessions", "sign_in_failures");
            assertThat(tablesIn(pool, "identity")).isEmpty();
            assertThat(tablesIn(pool, "posts")).isEmpty();
            assertThat(tablesIn(pool, "orders")).isEmpty();
        }
    }

    @Test
    void schemaNamesMustBePlainDistinctIdentifiers() {
        assertThatThrownBy(() -> new SchemaNames("identity; DROP TABLE x", "posts", "orders"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("identity schema name");
        assertThatThrownBy(() -> new SchemaNames("Identity", "posts", "orders"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SchemaNames("shared", "shared", "orders"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema of its own");
    }

    @Test
    void aHostPoolCannotHaveItsMetricsPublishedByStrata() {
        try (HikariDataSource pool = hostPool(StrataDatabase.h2MemoryUrl("host-metrics-" + UUID.randomUUID()));
                StrataDatabase database = StrataDatabase.over(pool)) {
            assertThatThrownBy(() -> database.publishPoolMetrics(new Object()))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
