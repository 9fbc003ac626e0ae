package dev.strata.contracts.identity;

import static dev.strata.contracts.identity.IdentityFixtures.FAST_HASHER;
import static dev.strata.contracts.identity.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.strata.core.common.AlreadyExistsException;
import dev.strata.contracts.MutableClock;
import dev.strata.contracts.Race;
import dev.strata.contracts.RuleReporter;
import dev.strata.core.common.AuthenticationException;
import dev.strata.core.common.ConflictException;
import dev.strata.core.common.FieldError;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.common.RateLimitedException;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.Account;
import dev.strata.core.identity.AccountChanges;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.Credentials;
import dev.strata.core.identity.IdentityPolicy;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.IssuedSession;
import dev.strata.core.identity.NewAccount;
import dev.strata.core.identity.PasswordHasher;
import dev.strata.core.identity.SessionId;
import dev.strata.core.identity.TokenSigner;
import dev.strata.core.identity.store.IdentityStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The identity service's behaviour, run over a real store. Extend it with {@link #newStore()}
 * returning your store; the suite proves the service and the store together keep every rule.
 */
@ExtendWith(RuleReporter.class)
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
                .isInstanceOfSatisfying(AlreadyExistsException.class,
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
    void forgedTokensFailWhileTheSessionTheyImitateIsLive() {
        String email = uniqueEmail();
        signUp(email);
        String token = signIn(email).token();
        String otherToken = signIn(email).token();
        SessionId session = identity.verifySession(token).session().id();
        String signature = token.substring(token.lastIndexOf('.') + 1);
        char last = token.charAt(token.length() - 1);
        String tamperedSignature = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        // Another live session's id under this token's signature.
        String swappedSession = "k1." + identity.verifySession(otherToken).session().id().value() + "." + signature;
        String truncated = token.substring(0, token.length() - 3);
        String foreign = IdentityFixtures.newSigner().sign(session);
        String unknownKey = "k9" + token.substring(token.indexOf('.'));

        for (String forged : List.of(tamperedSignature, swappedSession, truncated, foreign, unknownKey, "", "garbage")) {
            assertThatThrownBy(() -> identity.verifySession(forged))
                    .as(forged)
                    .isInstanceOfSatisfying(AuthenticationException.class, error -> {
                        assertThat(error.code()).isEqualTo("invalid_token");
                        assertThat(error.getMessage()).isEqualTo("the bearer token is not valid; sign in again");
                    });
        }
        // Each forgery imitated a session that was live all along.
        assertThat(identity.verifySession(token).session().id()).isEqualTo(session);
        assertThat(identity.verifySession(otherToken).accountId()).isEqualTo(identity.verifySession(token).accountId());
    }

    @Test
    void expiredAndEndedTokensFailLikeForgedOnes() {
        String email = uniqueEmail();
        signUp(email);
        String ended = signIn(email).token();
        identity.endSession(identity.verifySession(ended));
        String expiring = signIn(email).token();
        clock.advance(IdentityPolicy.DEFAULT.sessionLifetime().minusNanos(1000));
        assertThat(identity.verifySession(expiring).accountId()).isNotNull();
        clock.advance(Duration.ofNanos(1000));

        for (String bad : List.of(expiring, ended)) {
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
    void endingOneSessionByIdEndsOnlyThatOneOfTheCallersOwn() {
        Account account = signUp(uniqueEmail());
        Account other = signUp(uniqueEmail());
        IssuedSession mine = signIn(account.email());
        IssuedSession second = signIn(account.email());
        IssuedSession theirs = signIn(other.email());
        AuthenticatedSession me = identity.verifySession(mine.token());

        identity.endSession(me, account.id(), second.session().id());

        assertThatThrownBy(() -> identity.verifySession(second.token())).isInstanceOf(AuthenticationException.class);
        assertThat(identity.verifySession(mine.token()).accountId()).isEqualTo(account.id());
        assertThatThrownBy(() -> identity.endSession(me, account.id(), second.session().id()))
                .isInstanceOfSatisfying(NotFoundException.class,
                        error -> assertThat(error.code()).isEqualTo("session_not_found"));
        assertThatThrownBy(() -> identity.endSession(me, account.id(), theirs.session().id()))
                .isInstanceOfSatisfying(NotFoundException.class,
                        error -> assertThat(error.code()).isEqualTo("session_not_found"));
        assertThatThrownBy(() -> identity.endSession(me, other.id(), theirs.session().id()))
                .isInstanceOfSatisfying(NotFoundException.class,
                        error -> assertThat(error.code()).isEqualTo("account_not_found"));
        assertThat(identity.verifySession(theirs.token()).accountId()).isEqualTo(other.id());
    }

    @Test
    void anExpiredSessionCannotBeEndedByIdAndTheCallersOwnCan() {
        Account account = signUp(uniqueEmail());
        IssuedSession old = signIn(account.email());
        clock.advance(IdentityPolicy.DEFAULT.sessionLifetime().minusSeconds(1));
        IssuedSession mine = signIn(account.email());
        clock.advance(Duration.ofSeconds(1));
        AuthenticatedSession me = identity.verifySession(mine.token());

        assertThatThrownBy(() -> identity.endSession(me, account.id(), old.session().id()))
                .isInstanceOfSatisfying(NotFoundException.class,
                        error -> assertThat(error.code()).isEqualTo("session_not_found"));
        identity.endSession(me, account.id(), mine.session().id());
        assertThatThrownBy(() -> identity.verifySession(mine.token())).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void closingAnAccountNeedsItsPasswordEndsItsSessionsAndFreesItsEmail() {
        String email = uniqueEmail();
        Account account = signUp(email);
        Account other = signUp(uniqueEmail());
        String mine = signIn(email).token();
        String second = signIn(email).token();
        AuthenticatedSession me = identity.verifySession(mine);
        List<AccountId> released = new CopyOnWriteArrayList<>();

        assertThat(catchThrowableOfType(ValidationException.class,
                () -> identity.closeAccount(me, account.id(), null, released::add)).errors())
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("current_password", "required"));
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> identity.closeAccount(me, account.id(), "wrong password", released::add)).errors())
                .extracting(FieldError::code).containsExactly("incorrect");
        assertThatThrownBy(() -> identity.closeAccount(me, other.id(), PASSWORD, released::add))
                .isInstanceOfSatisfying(NotFoundException.class,
                        error -> assertThat(error.code()).isEqualTo("account_not_found"));
        assertThat(released).isEmpty();
        assertThat(identity.verifySession(second).accountId()).isEqualTo(account.id());

        identity.closeAccount(me, account.id(), PASSWORD, released::add);

        assertThat(released).containsExactly(account.id());
        assertThat(identity.findAccount(account.id())).isEmpty();
        assertThatThrownBy(() -> identity.verifySession(mine)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> identity.verifySession(second)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> signIn(email)).isInstanceOf(AuthenticationException.class);
        assertThat(identity.findAccount(other.id())).isPresent();
        Account again = signUp(email);
        assertThat(again.id()).isNotEqualTo(account.id());
    }

    @Test
    void aClosingThatFailsMidwayLeavesTheAccountToCloseAgain() {
        String email = uniqueEmail();
        Account account = signUp(email);
        AuthenticatedSession me = identity.verifySession(signIn(email).token());

        assertThatThrownBy(() -> identity.closeAccount(me, account.id(), PASSWORD, id -> {
            throw new IllegalStateException("the posts store is down");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(identity.findAccount(account.id())).isPresent();
        AuthenticatedSession again = identity.verifySession(signIn(email).token());
        identity.closeAccount(again, account.id(), PASSWORD, id -> { });
        assertThat(identity.findAccount(account.id())).isEmpty();
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
        // Far in the past, so that what this test counts is its own: the store may be shared, and
        // the first purge clears whatever older rows it holds.
        MutableClock past = new MutableClock(Instant.parse("1990-01-01T00:00:00Z")
                .plus(Duration.ofMinutes(ThreadLocalRandom.current().nextInt(1_000_000))));
        IdentityService service = new IdentityService(store, past, FAST_HASHER, signer);
        service.purgeExpired();
        Account account = service.createAccount(new NewAccount(uniqueEmail(), PASSWORD, "Ada"));
        String expiring = service.signIn(new Credentials(account.email(), PASSWORD)).token();
        past.advance(IdentityPolicy.DEFAULT.sessionLifetime());
        String live = service.signIn(new Credentials(account.email(), PASSWORD)).token();
        assertThatThrownBy(() -> service.signIn(new Credentials(account.email(), "wrong password")))
                .isInstanceOf(AuthenticationException.class);
        past.advance(IdentityPolicy.DEFAULT.signInFailureWindow());
        String recentFailure = uniqueEmail();
        assertThatThrownBy(() -> service.signIn(new Credentials(recentFailure, PASSWORD)))
                .isInstanceOf(AuthenticationException.class);
        past.advance(Duration.ofSeconds(1));

        // The session that expired, and the failure older than the window: nothing else.
        assertThat(service.purgeExpired()).isEqualTo(2);
        assertThat(store.findSession(new SessionId(expiring.split("\\.")[1]))).isEmpty();
        assertThat(service.verifySession(live).accountId()).isEqualTo(account.id());
        assertThat(store.signInFailuresSince(recentFailure, past.instant().minus(Duration.ofHours(1))).count())
                .isEqualTo(1);
        assertThat(store.signInFailuresSince(account.email(), past.instant().minus(Duration.ofDays(1))).count())
                .isZero();
        service.endAllSessions(service.verifySession(live), account.id());
        store.clearSignInFailures(recentFailure);
    }

    @Test
    void timestampsAreTruncatedToMicroseconds() {
        MutableClock precise = new MutableClock(Instant.parse("2026-03-04T05:06:07.123456789Z"));
        IdentityService service = new IdentityService(store, precise, FAST_HASHER, signer);

        Account account = service.createAccount(new NewAccount(uniqueEmail(), PASSWORD, "Micro"));
        IssuedSession session = service.signIn(new Credentials(account.email(), PASSWORD));

        Instant micros = Instant.parse("2026-03-04T05:06:07.123456Z");
        assertThat(account.createdAt()).isEqualTo(micros).isEqualTo(account.updatedAt());
        assertThat(session.session().createdAt()).isEqualTo(micros);
        assertThat(session.session().expiresAt()).isEqualTo(micros.plus(IdentityPolicy.DEFAULT.sessionLifetime()));
    }

    @Test
    void anUnknownEmailCostsOneArgon2ComputationLikeAWrongPassword() {
        List<PasswordHasher.Operation> computed = new CopyOnWriteArrayList<>();
        IdentityService counted = new IdentityService(store, clock,
                FAST_HASHER.observedBy((operation, took) -> computed.add(operation)), signer);
        String email = uniqueEmail();
        counted.createAccount(new NewAccount(email, PASSWORD, "Ada"));
        computed.clear();

        assertThatThrownBy(() -> counted.signIn(new Credentials(email, "wrong password")))
                .isInstanceOf(AuthenticationException.class);
        List<PasswordHasher.Operation> forWrongPassword = List.copyOf(computed);
        computed.clear();
        assertThatThrownBy(() -> counted.signIn(new Credentials(uniqueEmail(), "wrong password")))
                .isInstanceOf(AuthenticationException.class);

        assertThat(forWrongPassword).containsExactly(PasswordHasher.Operation.VERIFY);
        assertThat(computed).containsExactly(PasswordHasher.Operation.VERIFY);
    }

    @Test
    void aLockedOutEmailCannotChangeItsCredentialsEvenWithTheRightPassword() {
        Account account = signUp(uniqueEmail());
        AuthenticatedSession me = identity.verifySession(signIn(account.email()).token());
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> identity.signIn(new Credentials(account.email(), "wrong password")))
                    .isInstanceOf(AuthenticationException.class);
        }

        assertThatThrownBy(() -> identity.updateAccount(me, account.id(),
                AccountChanges.none().withNewPassword("a brand new password").withCurrentPassword(PASSWORD), 0))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        error -> assertThat(error.code()).isEqualTo("too_many_sign_in_attempts"));
        assertThat(identity.getAccount(me, account.id()).version()).isZero();
    }

    @Test
    void aWrongCurrentPasswordCountsAsAFailedSignIn() {
        Account account = signUp(uniqueEmail());
        AuthenticatedSession me = identity.verifySession(signIn(account.email()).token());
        AccountChanges guess = AccountChanges.none().withEmail(uniqueEmail()).withCurrentPassword("a wrong guess");
        for (int i = 0; i < 9; i++) {
            assertThatThrownBy(() -> identity.updateAccount(me, account.id(), guess, 0))
                    .isInstanceOf(ValidationException.class);
        }
        assertThatThrownBy(() -> identity.signIn(new Credentials(account.email(), "wrong password")))
                .isInstanceOf(AuthenticationException.class);

        assertThatThrownBy(() -> signIn(account.email())).isInstanceOf(RateLimitedException.class);
        assertThatThrownBy(() -> identity.updateAccount(me, account.id(), guess, 0))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void aNewPasswordFollowsTheSameRulesAsAtSignUp() {
        Account account = signUp(uniqueEmail());
        AuthenticatedSession me = identity.verifySession(signIn(account.email()).token());

        for (var bad : List.of(List.of("1234567", "too_short"), List.of("x".repeat(1025), "too_long"),
                List.of("", "required"))) {
            assertThat(catchThrowableOfType(ValidationException.class, () -> identity.updateAccount(me, account.id(),
                    AccountChanges.none().withNewPassword(bad.get(0)).withCurrentPassword(PASSWORD), 0)).errors())
                    .as(bad.get(1))
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(tuple("password", bad.get(1)));
        }
        Account changed = identity.updateAccount(me, account.id(),
                AccountChanges.none().withNewPassword("12345678").withCurrentPassword(PASSWORD), 0);

        assertThat(changed.version()).isEqualTo(1);
        assertThat(identity.signIn(new Credentials(account.email(), "12345678")).account().id()).isEqualTo(account.id());
    }

    @Test
    void anEmailsMaximumCountsItAsSentSurroundingSpacesIncluded() {
        String localPart = UUID.randomUUID() + "a".repeat(28);
        String email254 = localPart + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(49)
                + ".example.com";

        assertThat(catchThrowableOfType(ValidationException.class,
                () -> identity.createAccount(new NewAccount(" " + email254, "12345678", "A"))).errors())
                .as("254 characters once trimmed, 255 as sent")
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("email", "too_long"));
    }

    @Test
    void signingInWithAnEmailOrPasswordLongerThanAnyAccountsIsAMalformedRequest() {
        String email255 = "x".repeat(200) + "@" + "b".repeat(50) + ".com";
        Account account = identity.createAccount(new NewAccount(uniqueEmail(), PASSWORD, "A"));

        assertThat(catchThrowableOfType(ValidationException.class,
                () -> identity.signIn(new Credentials(email255, PASSWORD))).errors())
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("email", "too_long"));
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> identity.signIn(new Credentials(account.email(), "p".repeat(1025)))).errors())
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("password", "too_long"));
    }

    @Test
    void theShortestAndLongestAllowedValuesAreAccepted() {
        String localPart = UUID.randomUUID() + "a".repeat(28);
        String email254 = localPart + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(49)
                + ".example.com";
        String email255 = "x" + email254;
        String email = uniqueEmail();

        assertThat(email254).hasSize(254);
        assertThat(identity.createAccount(new NewAccount(email254, "12345678", "A")).email()).isEqualTo(email254);
        assertThat(identity.signIn(new Credentials(email254, "12345678")).account().email()).isEqualTo(email254);
        assertThat(identity.createAccount(new NewAccount(email, "p".repeat(1024), "d".repeat(100))).displayName())
                .hasSize(100);
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> identity.createAccount(new NewAccount(email255, "1234567", "d".repeat(101)))).errors())
                .extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(tuple("email", "too_long"),
                        tuple("password", "too_short"),
                        tuple("display_name", "too_long"));
    }

    @Test
    void aLocalPartOfUpTo64CharactersIsAnEmail() {
        String sixtyFour = "a".repeat(64) + "@" + UUID.randomUUID() + ".example.com";
        String sixtyFive = "a".repeat(65) + "@" + UUID.randomUUID() + ".example.com";

        assertThat(identity.createAccount(new NewAccount(sixtyFour, PASSWORD, "A")).email()).isEqualTo(sixtyFour);
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> identity.createAccount(new NewAccount(sixtyFive, PASSWORD, "A"))).errors())
                .extracting(FieldError::code).containsExactly("invalid_email");
    }

    @Test
    void signingInWithoutAnEmailOrAPasswordIsAMalformedRequestNamingTheField() {
        assertThatThrownBy(() -> identity.signIn(new Credentials(null, PASSWORD))).as("no email")
                .isInstanceOfSatisfying(ValidationException.class, error -> assertThat(error.errors())
                        .extracting(FieldError::field, FieldError::code).containsExactly(tuple("email", "required")));
        assertThatThrownBy(() -> identity.signIn(new Credentials(uniqueEmail(), null))).as("no password")
                .isInstanceOfSatisfying(ValidationException.class, error -> assertThat(error.errors())
                        .extracting(FieldError::field, FieldError::code).containsExactly(tuple("password", "required")));
        assertThatThrownBy(() -> identity.signIn(new Credentials(" ", ""))).as("blank email, empty password")
                .isInstanceOfSatisfying(ValidationException.class, error -> assertThat(error.errors())
                        .extracting(FieldError::field).containsExactly("email", "password"));
    }

    @Test
    void aBlankEmailIsMissingNotMalformed() {
        ValidationException error = catchThrowableOfType(ValidationException.class,
                () -> identity.createAccount(new NewAccount("   ", PASSWORD, "Ada")));

        assertThat(error.errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("email", "required"));
    }
}
