package dev.strata.core.identity;

import static dev.strata.core.identity.IdentityFixtures.FAST_HASHER;
import static dev.strata.core.identity.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strata.core.common.AuthenticationException;
import dev.strata.core.common.ConflictException;
import dev.strata.core.common.FieldError;
import dev.strata.core.common.MutableClock;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.common.Race;
import dev.strata.core.common.RateLimitedException;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.store.IdentityStore;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The identity service's behaviour, run over a real store. Extend it with {@link #newStore()}
 * returning your store; the suite proves the service and the store together keep every rule.
 */
public abstract class IdentityServiceContract {

    private static final String PASSWORD = "correct horse battery staple";

    protected IdentityStore store;
    protected MutableClock clock;
    protected TokenSigner signer;
    protected IdentityService identity;

    /** A new store; it may share its backing database with other tests. */
    protected abstract IdentityStore newStore();

    @BeforeEach
    void createService() {
        store = newStore();
        clock = MutableClock.startingNow();
        signer = IdentityFixtures.newSigner();
        identity = new IdentityService(store, clock, FAST_HASHER, signer);
    }

    private Account signUp(String email) {
        return identity.createAccount(new NewAccount(email, PASSWORD, "Ada Lovelace"));
    }

    private IssuedSession signIn(String email) {
        return identity.signIn(new Credentials(email, PASSWORD));
    }

    @Test
    void signingUpTrimsTheInputAndStartsAtVersionZero() {
        String email = uniqueEmail();

        Account account = identity.createAccount(new NewAccount("  " + email + " ", PASSWORD, "  Ada  "));

        assertThat(account.email()).isEqualTo(email);
        assertThat(account.displayName()).isEqualTo("Ada");
        assertThat(account.version()).isZero();
        assertThat(account.createdAt()).isEqualTo(clock.instant()).isEqualTo(account.updatedAt());
        assertThat(account.id().value()).startsWith("acct_");
    }

    @Test
    void thePasswordIsStoredOnlyAsAnArgon2idHash() {
        Account account = signUp(uniqueEmail());

        String hash = store.findAccount(account.id()).orElseThrow().passwordHash();

        assertThat(hash).startsWith("$argon2id$v=19$").doesNotContain(PASSWORD);
    }

    @Test
    void signingUpWithEveryFieldWrongNamesEveryField() {
        ValidationException error = catchThrowableOfType(ValidationException.class,
                () -> identity.createAccount(new NewAccount("not-an-email", "short", "\u0007bell")));

        assertThat(error.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("email", "password", "display_name");
    }

    @Test
    void signingUpWithMissingFieldsNamesThemAsRequired() {
        ValidationException error = catchThrowableOfType(ValidationException.class,
                () -> identity.createAccount(new NewAccount(null, null, "   ")));

        assertThat(error.errors()).extracting(FieldError::code).containsOnly("required");
        assertThat(error.errors()).hasSize(3);
    }

    @Test
    void emailsLongerThan254CharactersAreRefused() {
        String longEmail = "a".repeat(60) + "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60)
                + ".example.com";

        assertThatThrownBy(() -> identity.createAccount(new NewAccount(longEmail, PASSWORD, "Long")))
                .isInstanceOfSatisfying(ValidationException.class,
                        error -> assertThat(error.errors()).extracting(FieldError::code).containsExactly("too_long"));
    }

    @Test
    void passwordsOutsideEightTo1024CharactersAreRefused() {
        assertThatThrownBy(() -> identity.createAccount(new NewAccount(uniqueEmail(), "1234567", "Short")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> identity.createAccount(new NewAccount(uniqueEmail(), "x".repeat(1025), "Long")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aLongPasswordIsNeverTruncated() {
        String email = uniqueEmail();
        String password = "p".repeat(1023) + "!";
        identity.createAccount(new NewAccount(email, password, "Long"));

        assertThatThrownBy(() -> identity.signIn(new Credentials(email, "p".repeat(1023) + "?")))
                .isInstanceOf(AuthenticationException.class);
        assertThat(identity.signIn(new Credentials(email, password)).account().email()).isEqualTo(email);
    }

    @Test
    void anEmailIsUniqueRegardlessOfCase() {
        String email = uniqueEmail();
        signUp(email);

        assertThatThrownBy(() -> signUp(email.toUpperCase(java.util.Locale.ROOT)))
                .isInstanceOfSatisfying(ConflictException.class,
                        error -> assertThat(error.code()).isEqualTo("email_already_registered"));
    }

    @Test
    void manyThreadsSigningUpOneEmailMakeExactlyOneAccount() throws Exception {
        String email = uniqueEmail();

        List<Race.Outcome> outcomes = Race.of(12, () -> signUp(email));

        assertThat(outcomes).filteredOn(Race.Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded())
                .allSatisfy(outcome -> assertThat(outcome.error()).isInstanceOf(ConflictException.class));
    }

    @Test
    void signingInWithTheRightPasswordIssuesATokenThatVerifies() {
        String email = uniqueEmail();
        Account account = signUp(email);

        IssuedSession issued = identity.signIn(new Credentials(email.toUpperCase(java.util.Locale.ROOT), PASSWORD));
        AuthenticatedSession verified = identity.verifySession(issued.token());

        assertThat(issued.account()).isEqualTo(account);
        assertThat(verified.session()).isEqualTo(issued.session());
        assertThat(verified.account()).isEqualTo(account);
        assertThat(issued.session().expiresAt())
                .isEqualTo(clock.instant().plus(IdentityPolicy.DEFAULT.sessionLifetime()));
    }

    @Test
    void anUnknownEmailAndAWrongPasswordFailExactlyAlike() {
        String email = uniqueEmail();
        signUp(email);

        AuthenticationException wrongPassword = catchThrowableOfType(AuthenticationException.class,
                () -> identity.signIn(new Credentials(email, "wrong password")));
        AuthenticationException unknownEmail = catchThrowableOfType(AuthenticationException.class,
                () -> identity.signIn(new Credentials(uniqueEmail(), PASSWORD)));

        assertThat(wrongPassword.code()).isEqualTo(unknownEmail.code()).isEqualTo("invalid_credentials");
        assertThat(wrongPassword.getMessage()).isEqualTo(unknownEmail.getMessage());
    }

    @Test
    void tenFailedSignInsLockTheEmailOutEvenForTheRightPasswordUntilTheWindowPasses() {
        String email = uniqueEmail();
        signUp(email);
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(30));
            assertThatThrownBy(() -> identity.signIn(new Credentials(email, "wrong password")))
                    .isInstanceOf(AuthenticationException.class);
        }

        RateLimitedException locked = catchThrowableOfType(RateLimitedException.class, () -> signIn(email));

        assertThat(locked.code()).isEqualTo("too_many_sign_in_attempts");
        // The first failure happened 4.5 minutes before the last: the lock lifts 15 minutes after it.
        assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(15).minusSeconds(270));
        clock.advance(locked.retryAfter());
        assertThat(signIn(email).account().email()).isEqualTo(email);
    }

    @Test
    void nineFailuresDoNotLockAndASuccessResetsTheCount() {
        String email = uniqueEmail();
        signUp(email);
        for (int i = 0; i < 9; i++) {
            assertThatThrownBy(() -> identity.signIn(new Credentials(email, "wrong password")))
                    .isInstanceOf(AuthenticationException.class);
        }
        signIn(email);
        for (int i = 0; i < 9; i++) {
            assertThatThrownBy(() -> identity.signIn(new Credentials(email, "wrong password")))
                    .isInstanceOf(AuthenticationException.class);
        }

        assertThat(signIn(email).account().email()).isEqualTo(email);
    }

    @Test
    void anEmailWithNoAccountIsLockedOutTheSameWay() {
        String email = uniqueEmail();
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> identity.signIn(new Credentials(email, PASSWORD)))
                    .isInstanceOf(AuthenticationException.class);
        }

        assertThatThrownBy(() -> identity.signIn(new Credentials(email, PASSWORD)))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void theLockOutHoldsForAnotherServiceOverTheSameStore() {
        String email = uniqueEmail();
        signUp(email);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> identity.signIn(new Credentials(email, "wrong password")))
                    .isInstanceOf(AuthenticationException.class);
        }
        IdentityService otherInstance = new IdentityService(store, clock, FAST_HASHER, signer);

        assertThatThrownBy(() -> otherInstance.signIn(new Credentials(email, PASSWORD)))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void tamperedTruncatedForeignExpiredAndEndedTokensAllFailAlike() {
        String email = uniqueEmail();
        signUp(email);
        String token = signIn(email).token();
        String ended = signIn(email).token();
        identity.endSession(identity.verifySession(ended));
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String truncated = token.substring(0, token.length() - 3);
        String foreign = IdentityFixtures.newSigner().sign(identity.verifySession(token).session().id());
        String unknownKey = "k9" + token.substring(token.indexOf('.'));
        String expired = signIn(email).token();
        clock.advance(IdentityPolicy.DEFAULT.sessionLifetime());

        for (String bad : List.of(tampered, truncated, foreign, unknownKey, expired, ended, "", "garbage")) {
            assertThatThrownBy(() -> identity.verifySession(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(AuthenticationException.class, error -> {
                        assertThat(error.code()).isEqualTo("invalid_token");
                        assertThat(error.getMessage()).isEqualTo("the bearer token is not valid; sign in again");
                    });
        }
    }

    @Test
    void tokensSignedWithARetiredKeyStillVerifyWhileTheKeyIsKept() {
        TokenSigner.SigningKey oldKey = TokenSigner.SigningKey.generate("k1");
        IdentityService beforeRotation = new IdentityService(store, clock, FAST_HASHER,
                new TokenSigner(List.of(oldKey)));
        String email = uniqueEmail();
        beforeRotation.createAccount(new NewAccount(email, PASSWORD, "Ada"));
        String oldToken = beforeRotation.signIn(new Credentials(email, PASSWORD)).token();

        IdentityService afterRotation = new IdentityService(store, clock, FAST_HASHER,
                new TokenSigner(List.of(TokenSigner.SigningKey.generate("k2"), oldKey)));
        IdentityService afterRetirement = new IdentityService(store, clock, FAST_HASHER,
                new TokenSigner(List.of(TokenSigner.SigningKey.generate("k2"))));

        assertThat(afterRotation.verifySession(oldToken).account().email()).isEqualTo(email);
        assertThat(afterRotation.signIn(new Credentials(email, PASSWORD)).token()).startsWith("k2.");
        assertThatThrownBy(() -> afterRetirement.verifySession(oldToken)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void anAccountIsVisibleOnlyToItself() {
        Account mine = signUp(uniqueEmail());
        Account theirs = signUp(uniqueEmail());
        AuthenticatedSession me = identity.verifySession(signIn(mine.email()).token());

        assertThat(identity.getAccount(me, mine.id())).isEqualTo(mine);
        assertThatThrownBy(() -> identity.getAccount(me, theirs.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> identity.listSessions(me, theirs.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> identity.endAllSessions(me, theirs.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> identity.updateAccount(me, theirs.id(), AccountChanges.none().withDisplayName("x"), 0))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void changingTheDisplayNameNeedsNoPasswordAndRaisesTheVersion() {
        Account account = signUp(uniqueEmail());
        AuthenticatedSession me = identity.verifySession(signIn(account.email()).token());
        clock.advance(Duration.ofSeconds(5));

        Account changed = identity.updateAccount(me, account.id(), AccountChanges.none().withDisplayName(" Grace "), 0);

        assertThat(changed.displayName()).isEqualTo("Grace");
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.updatedAt()).isEqualTo(clock.instant());
        assertThat(changed.createdAt()).isEqualTo(account.createdAt());
    }

    @Test
    void aChangeAtAStaleVersionIsRefused() {
        Account account = signUp(uniqueEmail());
        AuthenticatedSession me = identity.verifySession(signIn(account.email()).token());
        identity.updateAccount(me, account.id(), AccountChanges.none().withDisplayName("First"), 0);

        assertThatThrownBy(() -> identity.updateAccount(me, account.id(),
                AccountChanges.none().withDisplayName("Second"), 0))
                .isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void changingTheEmailOrPasswordNeedsTheCurrentPassword() {
        Account account = signUp(uniqueEmail());
        AuthenticatedSession me = identity.verifySession(signIn(account.email()).token());

        assertThat(catchThrowableOfType(ValidationException.class, () -> identity.updateAccount(me, account.id(),
                AccountChanges.none().withEmail(uniqueEmail()), 0)).errors())
                .containsExactly(new FieldError("current_password", "required",
                        "is required to change the email or the password"));
        assertThat(catchThrowableOfType(ValidationException.class, () -> identity.updateAccount(me, account.id(),
                AccountChanges.none().withNewPassword("another password").withCurrentPassword("wrong one!"), 0))
                .errors()).extracting(FieldError::code).containsExactly("incorrect");
        assertThat(identity.getAccount(me, account.id()).version()).isZero();
    }

    @Test
    void changingTheEmailSignsInWithTheNewOneOnly() {
        Account account = signUp(uniqueEmail());
        AuthenticatedSession me = identity.verifySession(signIn(account.email()).token());
        String newEmail = uniqueEmail();

        identity.updateAccount(me, account.id(), AccountChanges.none().withEmail(newEmail).withCurrentPassword(PASSWORD), 0);

        assertThat(signIn(newEmail).account().id()).isEqualTo(account.id());
        assertThatThrownBy(() -> signIn(account.email())).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionButKeepsTheCallers() {
        Account account = signUp(uniqueEmail());
        String mine = signIn(account.email()).token();
        String other = signIn(account.email()).token();
        AuthenticatedSession me = identity.verifySession(mine);

        identity.updateAccount(me, account.id(),
                AccountChanges.none().withNewPassword("a brand new password").withCurrentPassword(PASSWORD), 0);

        assertThat(identity.verifySession(mine).accountId()).isEqualTo(account.id());
        assertThatThrownBy(() -> identity.verifySession(other)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> signIn(account.email())).isInstanceOf(AuthenticationException.class);
        assertThat(identity.signIn(new Credentials(account.email(), "a brand new password")).token()).isNotBlank();
    }

    @Test
    void listingSessionsShowsTheLiveOnesNewestFirst() {
        Account account = signUp(uniqueEmail());
        IssuedSession first = signIn(account.email());
        clock.advance(Duration.ofSeconds(1));
        IssuedSession second = signIn(account.email());
        AuthenticatedSession me = identity.verifySession(second.token());

        assertThat(identity.listSessions(me, account.id())).containsExactly(second.session(), first.session());
    }

    @Test
    void signingOutEndsOnlyThatSessionAndSigningOutEverywhereEndsAll() {
        Account account = signUp(uniqueEmail());
        String first = signIn(account.email()).token();
        String second = signIn(account.email()).token();
        String third = signIn(account.email()).token();

        identity.endSession(identity.verifySession(first));
        assertThatThrownBy(() -> identity.verifySession(first)).isInstanceOf(AuthenticationException.class);
        assertThat(identity.verifySession(second).accountId()).isEqualTo(account.id());

        identity.endAllSessions(identity.verifySession(second), account.id());
        assertThatThrownBy(() -> identity.verifySession(second)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> identity.verifySession(third)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void housekeepingRemovesExpiredSessionsAndStaleFailuresOnly() {
        Account account = signUp(uniqueEmail());
        String expiring = signIn(account.email()).token();
        clock.advance(IdentityPolicy.DEFAULT.sessionLifetime());
        String live = signIn(account.email()).token();
        assertThatThrownBy(() -> identity.signIn(new Credentials(account.email(), "wrong password")))
                .isInstanceOf(AuthenticationException.class);
        clock.advance(IdentityPolicy.DEFAULT.signInFailureWindow().plusSeconds(1));

        assertThat(identity.purgeExpired()).isGreaterThanOrEqualTo(2);
        assertThat(store.findSession(new SessionId(expiring.split("\\.")[1]))).isEmpty();
        assertThat(identity.verifySession(live).accountId()).isEqualTo(account.id());
    }

    @Test
    void timestampsHaveMicrosecondPrecision() {
        Account account = signUp(uniqueEmail());

        assertThat(account.createdAt()).isEqualTo(account.createdAt().truncatedTo(ChronoUnit.MICROS));
    }
}
