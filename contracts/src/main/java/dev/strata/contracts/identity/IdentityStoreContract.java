package dev.strata.contracts.identity;

import static dev.strata.contracts.identity.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.contracts.Checks;
import dev.strata.contracts.Race;
import dev.strata.contracts.RuleReporter;
import dev.strata.core.common.AlreadyExistsException;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.common.StrataException;
import dev.strata.core.common.Timestamps;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.SessionId;
import dev.strata.core.identity.store.AccountRecord;
import dev.strata.core.identity.store.AccountUpdateRecord;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.identity.store.NewAccountRecord;
import dev.strata.core.identity.store.SessionAccountRecord;
import dev.strata.core.identity.store.SessionRecord;
import dev.strata.core.identity.store.SignInFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The behaviour every {@link IdentityStore} must have. Extend it with {@link #newStore()} returning
 * your implementation; tests make their own accounts with unique emails, so a store may share its
 * database with other tests.
 */
@ExtendWith(RuleReporter.class)
public abstract class IdentityStoreContract {

    /** A clock-independent base instant with microsecond precision, as the service writes them. */
    protected static final Instant T0 = Timestamps.now(Clock.systemUTC());

    protected IdentityStore store;

    /** A new store; it may share its backing database with other tests. */
    protected abstract IdentityStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    protected AccountRecord insertAccount(String email) {
        return store.insertAccount(newAccount(email));
    }

    private static NewAccountRecord newAccount(String email) {
        return new NewAccountRecord(AccountId.generate(Clock.systemUTC()), email, email.toLowerCase(Locale.ROOT),
                "Ada Lovelace", "$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA", T0);
    }

    private SessionRecord insertSession(AccountId account, Instant createdAt, Duration lifetime) {
        SessionRecord session = new SessionRecord(SessionId.generate(), account, createdAt, createdAt.plus(lifetime));
        store.insertSession(session);
        return session;
    }

    private static AccountUpdateRecord renamed(AccountRecord account, long expectedVersion, String displayName) {
        return new AccountUpdateRecord(account.id(), expectedVersion, account.email(), account.emailNormalized(),
                displayName, account.passwordHash(), T0.plusSeconds(1), Optional.empty());
    }

    @Test

    @Checks(IdentityStoreRules.INSERT_ACCOUNT)
    void anInsertedAccountReadsBackFieldForFieldAtVersionZero() {
        String email = "Mixed.Case-" + uniqueEmail();
        AccountRecord inserted = insertAccount(email);

        assertThat(inserted.version()).isZero();
        assertThat(inserted.updatedAt()).isEqualTo(inserted.createdAt());
        assertThat(store.findAccount(inserted.id())).contains(inserted);
        assertThat(inserted.email()).isEqualTo(email);
        assertThat(inserted.createdAt()).isEqualTo(T0);
        assertThat(store.findAccountByEmail(email.toLowerCase(Locale.ROOT))).contains(inserted);
    }

    @Test

    @Checks(IdentityStoreRules.FIND_ACCOUNT_MISS)
    void aMissingAccountIsEmptyNotAnError() {
        assertThat(store.findAccount(AccountId.generate(Clock.systemUTC()))).isEmpty();
        assertThat(store.findAccountByEmail(uniqueEmail())).isEmpty();
    }

    @Test
    @Checks(IdentityStoreRules.FIND_ACCOUNTS)
    void manyAccountsAreFoundInOneReadAndMissingOnesAreLeftOut() {
        AccountRecord ada = insertAccount(uniqueEmail());
        AccountRecord bob = insertAccount(uniqueEmail());
        AccountId missing = AccountId.generate(Clock.systemUTC());

        assertThat(store.findAccounts(Set.of(ada.id(), bob.id(), missing))).containsExactlyInAnyOrder(ada, bob);
        assertThat(store.findAccounts(Set.of(missing))).isEmpty();
        assertThat(store.findAccounts(Set.of())).isEmpty();
    }

    @Test
    @Checks(IdentityStoreRules.FIND_BY_EMAIL_EXACT)
    void findingByEmailMatchesTheNormalizedEmailExactly() {
        String email = uniqueEmail();
        insertAccount(email);

        assertThat(store.findAccountByEmail(email.toUpperCase(Locale.ROOT))).isEmpty();
        assertThat(store.findAccountByEmail(email)).isPresent();
    }

    @Test

    @Checks(IdentityStoreRules.EMAIL_UNIQUE)
    void aSecondAccountWithTheSameNormalizedEmailIsAConflictAndIsNotInserted() {
        String email = uniqueEmail();
        insertAccount(email);
        NewAccountRecord duplicate = newAccount(email.toUpperCase(Locale.ROOT));

        assertThatThrownBy(() -> store.insertAccount(duplicate))
                .isInstanceOf(AlreadyExistsException.class)
                .extracting(error -> ((StrataException) error).code()).isEqualTo("email_already_registered");
        assertThat(store.findAccount(duplicate.id())).isEmpty();
    }

    @Test

    @Checks(IdentityStoreRules.EMAIL_UNIQUE)
    void concurrentInsertsOfOneEmailCreateExactlyOneAccount() throws Exception {
        String email = uniqueEmail();
        List<Race.Outcome> outcomes = Race.of(16, () -> insertAccount(email));

        assertThat(outcomes).filteredOn(Race.Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded())
                .allSatisfy(outcome -> assertThat(outcome.error()).isInstanceOf(AlreadyExistsException.class));
        assertThat(store.findAccountByEmail(email)).isPresent();
    }

    @Test

    @Checks(IdentityStoreRules.UPDATE_ACCOUNT)
    void anUpdateAtTheCurrentVersionWritesAndRaisesTheVersionByOne() {
        AccountRecord account = insertAccount(uniqueEmail());

        AccountRecord updated = store.updateAccount(renamed(account, 0, "Grace Hopper"));

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.displayName()).isEqualTo("Grace Hopper");
        assertThat(updated.updatedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(updated.createdAt()).isEqualTo(account.createdAt());
        assertThat(store.findAccount(account.id())).contains(updated);
    }

    @Test

    @Checks(IdentityStoreRules.UPDATE_ACCOUNT_STALE)
    void anUpdateAtAStaleVersionFailsAndChangesNothing() {
        AccountRecord account = insertAccount(uniqueEmail());
        store.updateAccount(renamed(account, 0, "First"));

        assertThatThrownBy(() -> store.updateAccount(renamed(account, 0, "Second")))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(store.findAccount(account.id()).orElseThrow().displayName()).isEqualTo("First");
    }

    @Test

    @Checks(IdentityStoreRules.UPDATE_ACCOUNT_MISSING)
    void updatingAMissingAccountIsNotFound() {
        AccountRecord ghost = new AccountRecord(AccountId.generate(Clock.systemUTC()), "g@example.com",
                "g@example.com", "Ghost", "hash", T0, T0, 0);

        assertThatThrownBy(() -> store.updateAccount(renamed(ghost, 0, "Nobody")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test

    @Checks(IdentityStoreRules.UPDATE_ACCOUNT_EMAIL_TAKEN)
    void anUpdateToAnotherAccountsEmailIsAConflictAndChangesNothing() {
        AccountRecord first = insertAccount(uniqueEmail());
        AccountRecord second = insertAccount(uniqueEmail());
        AccountUpdateRecord taking = new AccountUpdateRecord(second.id(), 0, first.email(), first.emailNormalized(),
                "Thief", second.passwordHash(), T0, Optional.empty());

        assertThatThrownBy(() -> store.updateAccount(taking))
                .isInstanceOf(AlreadyExistsException.class)
                .extracting(error -> ((StrataException) error).code()).isEqualTo("email_already_registered");
        assertThat(store.findAccount(second.id())).contains(second);
    }

    @Test

    @Checks(IdentityStoreRules.UPDATE_ACCOUNT_STALE)
    void concurrentUpdatesAtOneVersionLetExactlyOneThrough() throws Exception {
        AccountRecord account = insertAccount(uniqueEmail());
        List<Race.Outcome> outcomes = Race.of(12, () -> store.updateAccount(renamed(account, 0, "Racer")));

        assertThat(outcomes).filteredOn(Race.Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded())
                .allSatisfy(outcome -> assertThat(outcome.error()).isInstanceOf(PreconditionFailedException.class));
        assertThat(store.findAccount(account.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test

    @Checks(IdentityStoreRules.UPDATE_ENDS_OTHER_SESSIONS)
    void anUpdateThatEndsOtherSessionsKeepsOnlyTheNamedOne() {
        AccountRecord account = insertAccount(uniqueEmail());
        SessionRecord kept = insertSession(account.id(), T0, Duration.ofDays(1));
        SessionRecord ended = insertSession(account.id(), T0, Duration.ofDays(1));
        AccountRecord other = insertAccount(uniqueEmail());
        SessionRecord othersSession = insertSession(other.id(), T0, Duration.ofDays(1));

        store.updateAccount(new AccountUpdateRecord(account.id(), 0, account.email(), account.emailNormalized(),
                account.displayName(), "new-hash", T0, Optional.of(kept.id())));

        assertThat(store.findSession(kept.id())).isPresent();
        assertThat(store.findSession(ended.id())).isEmpty();
        assertThat(store.findSession(othersSession.id())).isPresent();
        assertThat(store.findAccount(account.id()).orElseThrow().passwordHash()).isEqualTo("new-hash");
    }

    @Test

    @Checks(IdentityStoreRules.UPDATE_ACCOUNT_STALE)
    void aStaleUpdateEndsNoSession() {
        AccountRecord account = insertAccount(uniqueEmail());
        SessionRecord kept = insertSession(account.id(), T0, Duration.ofDays(1));
        SessionRecord other = insertSession(account.id(), T0, Duration.ofDays(1));

        assertThatThrownBy(() -> store.updateAccount(new AccountUpdateRecord(account.id(), 7, account.email(),
                account.emailNormalized(), account.displayName(), "new-hash", T0, Optional.of(kept.id()))))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(store.findSession(other.id())).isPresent();
    }

    @Test

    @Checks(IdentityStoreRules.SESSION_READS_BACK)
    void aSessionReadsBackJoinedToItsAccount() {
        AccountRecord account = insertAccount(uniqueEmail());
        SessionRecord session = insertSession(account.id(), T0, Duration.ofHours(2));

        SessionAccountRecord found = store.findSession(session.id()).orElseThrow();

        assertThat(found.session()).isEqualTo(session);
        assertThat(found.account()).isEqualTo(account);
    }

    @Test

    @Checks(IdentityStoreRules.SESSION_READS_BACK)
    void expiredSessionsAreStillFoundBecauseLivenessIsTheServicesCall() {
        AccountRecord account = insertAccount(uniqueEmail());
        SessionRecord session = insertSession(account.id(), T0.minus(Duration.ofDays(30)), Duration.ofDays(1));

        assertThat(store.findSession(session.id())).isPresent();
    }

    @Test

    @Checks(IdentityStoreRules.SESSION_NEEDS_ACCOUNT)
    void aSessionForAMissingAccountIsNotFound() {
        SessionRecord orphan = new SessionRecord(SessionId.generate(), AccountId.generate(Clock.systemUTC()), T0,
                T0.plusSeconds(60));

        assertThatThrownBy(() -> store.insertSession(orphan)).isInstanceOf(NotFoundException.class);
        assertThat(store.findSession(orphan.id())).isEmpty();
    }

    @Test

    @Checks(IdentityStoreRules.LIST_SESSIONS)
    void listingSessionsGivesOnlyLiveOnesNewestFirst() {
        AccountRecord account = insertAccount(uniqueEmail());
        SessionRecord oldest = insertSession(account.id(), T0.minusSeconds(30), Duration.ofHours(1));
        SessionRecord newest = insertSession(account.id(), T0.minusSeconds(10), Duration.ofHours(1));
        SessionRecord middle = insertSession(account.id(), T0.minusSeconds(20), Duration.ofHours(1));
        insertSession(account.id(), T0.minus(Duration.ofDays(2)), Duration.ofDays(1));
        insertSession(insertAccount(uniqueEmail()).id(), T0, Duration.ofHours(1));

        assertThat(store.listSessions(account.id(), T0)).containsExactly(newest, middle, oldest);
        assertThat(store.listSessions(AccountId.generate(Clock.systemUTC()), T0)).isEmpty();
    }

    @Test

    @Checks(IdentityStoreRules.LIST_SESSIONS)
    void aSessionThatExpiresExactlyNowIsNotLive() {
        AccountRecord account = insertAccount(uniqueEmail());
        insertSession(account.id(), T0.minusSeconds(60), Duration.ofSeconds(60));

        assertThat(store.listSessions(account.id(), T0)).isEmpty();
    }

    @Test
    @Checks(IdentityStoreRules.DELETE_ACCOUNT)
    void aDeletedAccountTakesItsSessionsAndFreesItsEmail() {
        String email = uniqueEmail();
        AccountRecord account = insertAccount(email);
        AccountRecord other = insertAccount(uniqueEmail());
        SessionRecord session = insertSession(account.id(), T0, Duration.ofHours(1));
        SessionRecord othersSession = insertSession(other.id(), T0, Duration.ofHours(1));

        assertThat(store.deleteAccount(account.id())).isTrue();

        assertThat(store.findAccount(account.id())).isEmpty();
        assertThat(store.findAccountByEmail(account.emailNormalized())).isEmpty();
        assertThat(store.findSession(session.id())).isEmpty();
        assertThat(store.listSessions(account.id(), T0)).isEmpty();
        assertThat(store.findSession(othersSession.id())).isPresent();
        assertThat(store.findAccount(other.id())).contains(other);
        assertThat(store.deleteAccount(account.id())).isFalse();
        AccountRecord again = insertAccount(email);
        assertThat(again.id()).isNotEqualTo(account.id());
        assertThat(store.findAccountByEmail(account.emailNormalized())).contains(again);
    }

    @Test
    @Checks(IdentityStoreRules.DELETE_SESSION)
    void deletingASessionReportsWhetherItExisted() {
        AccountRecord account = insertAccount(uniqueEmail());
        SessionRecord session = insertSession(account.id(), T0, Duration.ofHours(1));

        assertThat(store.deleteSession(session.id())).isTrue();
        assertThat(store.deleteSession(session.id())).isFalse();
        assertThat(store.findSession(session.id())).isEmpty();
    }

    @Test

    @Checks(IdentityStoreRules.DELETE_SESSIONS)
    void deletingAllSessionsOfAnAccountLeavesOtherAccountsAlone() {
        AccountRecord account = insertAccount(uniqueEmail());
        insertSession(account.id(), T0, Duration.ofHours(1));
        insertSession(account.id(), T0, Duration.ofHours(1));
        SessionRecord others = insertSession(insertAccount(uniqueEmail()).id(), T0, Duration.ofHours(1));

        assertThat(store.deleteSessions(account.id())).isEqualTo(2);
        assertThat(store.listSessions(account.id(), T0)).isEmpty();
        assertThat(store.findSession(others.id())).isPresent();
    }

    @Test

    @Checks(IdentityStoreRules.PURGE_SESSIONS)
    void purgingExpiredSessionsDeletesExactlyThoseExpiredAtOrBeforeTheCutoff() {
        AccountRecord account = insertAccount(uniqueEmail());
        Instant cutoff = uniquePastInstant();
        // The store may be shared: clear what older rows it holds, so that the count below is ours.
        store.deleteSessionsExpiredBefore(cutoff);
        SessionRecord expiredEarlier = insertSession(account.id(), cutoff.minus(Duration.ofDays(1)), Duration.ofHours(1));
        SessionRecord expiredAtCutoff = insertSession(account.id(), cutoff.minus(Duration.ofDays(1)), Duration.ofDays(1));
        SessionRecord expiringJustAfter = insertSession(account.id(), cutoff.minus(Duration.ofDays(1)),
                Duration.ofDays(1).plusNanos(1000));
        SessionRecord live = insertSession(account.id(), T0, Duration.ofDays(1));

        assertThat(store.deleteSessionsExpiredBefore(cutoff)).isEqualTo(2);
        assertThat(store.findSession(expiredEarlier.id())).isEmpty();
        assertThat(store.findSession(expiredAtCutoff.id())).isEmpty();
        assertThat(store.findSession(expiringJustAfter.id())).isPresent();
        assertThat(store.findSession(live.id())).isPresent();
        store.deleteSessions(account.id());
    }

    @Test

    @Checks(IdentityStoreRules.COUNT_FAILURES)
    void signInFailuresAreCountedPerEmailWithinTheWindow() {
        String email = uniqueEmail();
        String otherEmail = uniqueEmail();
        Instant window = T0.minus(Duration.ofMinutes(15));
        store.recordSignInFailure(email, T0.minus(Duration.ofMinutes(20)), window.minus(Duration.ofHours(1)));
        store.recordSignInFailure(email, T0.minus(Duration.ofMinutes(10)), window.minus(Duration.ofHours(1)));
        store.recordSignInFailure(email, T0.minus(Duration.ofMinutes(5)), window.minus(Duration.ofHours(1)));
        store.recordSignInFailure(otherEmail, T0, window);

        SignInFailures failures = store.signInFailuresSince(email, window);

        assertThat(failures.count()).isEqualTo(2);
        assertThat(failures.oldest()).contains(T0.minus(Duration.ofMinutes(10)));
        assertThat(store.signInFailuresSince(uniqueEmail(), window)).isEqualTo(SignInFailures.NONE);
    }

    @Test

    @Checks(IdentityStoreRules.COUNT_FAILURES)
    void signInFailuresCountOnlyStrictlyAfterSince() {
        String email = uniqueEmail();
        Instant since = T0.minus(Duration.ofMinutes(15));
        store.recordSignInFailure(email, since, since.minus(Duration.ofHours(1)));
        store.recordSignInFailure(email, since.plusNanos(1000), since.minus(Duration.ofHours(1)));

        SignInFailures failures = store.signInFailuresSince(email, since);

        assertThat(failures).isEqualTo(new SignInFailures(1, Optional.of(since.plusNanos(1000))));
        assertThat(store.signInFailuresSince(email, since.minusNanos(1000)).count()).isEqualTo(2);
    }

    @Test

    @Checks(IdentityStoreRules.PURGE_FAILURES)
    void purgingOldSignInFailuresDeletesExactlyThoseBeforeTheCutoff() {
        String email = uniqueEmail();
        String otherEmail = uniqueEmail();
        Instant cutoff = uniquePastInstant();
        Instant forgetNothing = cutoff.minus(Duration.ofDays(1));
        // The store may be shared: clear what older rows it holds, so that the count below is ours.
        store.deleteSignInFailuresBefore(cutoff);
        store.recordSignInFailure(email, cutoff.minusNanos(1000), forgetNothing);
        store.recordSignInFailure(otherEmail, cutoff.minusSeconds(60), forgetNothing);
        store.recordSignInFailure(email, cutoff, forgetNothing);
        store.recordSignInFailure(email, T0, forgetNothing);

        assertThat(store.deleteSignInFailuresBefore(cutoff)).isEqualTo(2);
        assertThat(store.signInFailuresSince(email, forgetNothing))
                .isEqualTo(new SignInFailures(2, Optional.of(cutoff)));
        assertThat(store.signInFailuresSince(otherEmail, forgetNothing)).isEqualTo(SignInFailures.NONE);
        store.clearSignInFailures(email);
    }

    @Test

    @Checks(IdentityStoreRules.CLEAR_FAILURES)
    void clearingSignInFailuresForgetsOnlyThatEmail() {
        String email = uniqueEmail();
        String otherEmail = uniqueEmail();
        store.recordSignInFailure(email, T0, T0.minus(Duration.ofHours(1)));
        store.recordSignInFailure(otherEmail, T0, T0.minus(Duration.ofHours(1)));

        store.clearSignInFailures(email);

        assertThat(store.signInFailuresSince(email, T0.minusSeconds(1)).count()).isZero();
        assertThat(store.signInFailuresSince(otherEmail, T0.minusSeconds(1)).count()).isEqualTo(1);
    }

    @Test

    @Checks(IdentityStoreRules.MICROSECONDS)
    void instantsKeepTheirMicroseconds() {
        Instant precise = Instant.parse("2026-03-04T05:06:07.123456Z");
        String email = uniqueEmail();
        AccountRecord account = store.insertAccount(new NewAccountRecord(AccountId.generate(Clock.systemUTC()), email,
                email, "Micro", "hash", precise));

        assertThat(store.findAccount(account.id()).orElseThrow().createdAt())
                .isEqualTo(precise)
                .isEqualTo(precise.truncatedTo(ChronoUnit.MICROS));
    }

    @Test

    @Checks(IdentityStoreRules.TEXT_EXACT)
    void textIsStoredByteForByte() {
        String email = uniqueEmail();
        String name = "Zoë \u200F\u05E9\u05DC\u05D5\u05DD \uD83D\uDE80 \u200D";
        AccountRecord account = store.insertAccount(new NewAccountRecord(AccountId.generate(Clock.systemUTC()), email,
                email, name, "hash", T0));

        assertThat(store.findAccount(account.id()).orElseThrow().displayName()).isEqualTo(name);
    }

    /**
     * An instant years before now that no other test picks: tests that purge by time count only
     * rows around it.
     */
    private static Instant uniquePastInstant() {
        return Instant.parse("1990-01-01T00:00:00Z")
                .plus(Duration.ofSeconds(ThreadLocalRandom.current().nextLong(100_000_000)));
    }
}
