package dev.strata.adapters.persistence.postgres.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.adapters.persistence.postgres.StrataDatabase;
import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.contracts.Race;
import dev.strata.core.common.StrataException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.store.AccountRecord;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.identity.store.NewAccountRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the store contract cannot see of this store, on both databases. */
class JdbiIdentityStoreSpecificsTest {

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("PostgreSQL", (Supplier<StrataDatabase>) TestDatabases::postgres),
                Arguments.of("H2", (Supplier<StrataDatabase>) TestDatabases::h2));
    }

    private static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    private static NewAccountRecord newAccount(AccountId id) {
        String email = uniqueEmail();
        return new NewAccountRecord(id, email, email, "Ada", "hash", Instant.parse("2026-01-02T03:04:05Z"));
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("databases")
    void onlyTheEmailConstraintIsAnEmailConflictAndAnyOtherViolationIsABug(String name,
            Supplier<StrataDatabase> database) {
        IdentityStore store = new JdbiIdentityStore(database.get().jdbi());
        AccountRecord first = store.insertAccount(newAccount(AccountId.generate(Clock.systemUTC())));

        assertThatThrownBy(() -> store.insertAccount(newAccount(first.id())))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(StrataException.class)
                .hasMessageContaining("23505");
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("databases")
    void failuresRecordedConcurrentlyForOneEmailAreAllCountedAndItsOldOnesForgotten(String name,
            Supplier<StrataDatabase> database) throws Exception {
        IdentityStore store = new JdbiIdentityStore(database.get().jdbi());
        String email = uniqueEmail();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant forgetBefore = now.minus(Duration.ofMinutes(15));
        for (int i = 1; i <= 5; i++) {
            store.recordSignInFailure(email, forgetBefore.minusSeconds(i), forgetBefore.minus(Duration.ofDays(1)));
        }

        List<Race.Outcome> outcomes = Race.of(12, () -> {
            store.recordSignInFailure(email, now, forgetBefore);
            return null;
        });

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.error()).isNull());
        assertThat(store.signInFailuresSince(email, Instant.EPOCH).count()).isEqualTo(12);
    }
}
