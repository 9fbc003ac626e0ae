package dev.strata.core.identity;

import dev.strata.core.common.AuthenticationException;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.RateLimitedException;
import dev.strata.core.common.Timestamps;
import dev.strata.core.common.ValidationException;
import dev.strata.core.common.Validator;
import dev.strata.core.common.WhiteSpace;
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
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accounts and sessions: sign up, sign in, verify a bearer token, change an account, sign out.
 *
 * <p>Rules it keeps: emails are checked, trimmed and unique regardless of case; passwords are 8 to
 * 1024 characters, never truncated, and hashed with Argon2id; sign-in never reveals whether an
 * email has an account (same error, same work); after too many failed sign-ins for one email, that
 * email is refused until the window passes, even with the right password; an account is seen and
 * changed only by itself, and anyone else is told it does not exist.
 *
 * <p>Bounds, as {@code IdentityServiceContract} checks them: an email is at most 254 characters
 * counted as sent (surrounding spaces included) with a local part of at most 64, and is trimmed; a
 * blank email is missing, not malformed; a password is 8 to 1024 characters; under
 * {@link IdentityPolicy#DEFAULT} 10 failed sign-ins within 15 minutes lock the email out (9 do not,
 * and a successful sign-in clears the count), the lock-out holds for every service over the same
 * store, refuses credential changes too, and a wrong current password counts as a failure; tokens
 * of expired or ended sessions fail like forged ones, and tokens signed with a retired key verify
 * while that key is kept; instants are truncated to microseconds.
 *
 * <p>Thread-safe: all state lives in the store.
 */
public final class IdentityService {

    private static final int MAX_EMAIL_LENGTH = 254;
    private static final int MIN_PASSWORD_LENGTH = 8;
    private static final int MAX_PASSWORD_LENGTH = 1024;
    private static final int MAX_DISPLAY_NAME_LENGTH = 100;

    private final IdentityStore store;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final TokenSigner signer;
    private final IdentityPolicy policy;

    public IdentityService(IdentityStore store, Clock clock, PasswordHasher hasher, TokenSigner signer) {
        this(store, clock, hasher, signer, IdentityPolicy.DEFAULT);
    }

    public IdentityService(IdentityStore store, Clock clock, PasswordHasher hasher, TokenSigner signer,
            IdentityPolicy policy) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Signs up a new account.
     *
     * @throws ValidationException                       naming every invalid field
     * @throws dev.strata.core.common.ConflictException with code {@code email_already_registered}
     */
    public Account createAccount(NewAccount request) {
        Validator validator = new Validator();
        String email = checkEmail(validator, "email", request.email());
        checkPassword(validator, "password", request.password());
        String displayName = validator.text("display_name", request.displayName(), 1, MAX_DISPLAY_NAME_LENGTH);
        validator.throwIfInvalid();

        Instant now = Timestamps.now(clock);
        AccountRecord created = store.insertAccount(new NewAccountRecord(AccountId.generate(clock), email,
                normalize(email), displayName, hasher.hash(request.password()), now));
        return toAccount(created);
    }

    /**
     * The caller's own account. Any other account id, existing or not, is not found: accounts are
     * private to themselves.
     */
    public Account getAccount(AuthenticatedSession caller, AccountId id) {
        requireSelf(caller, id);
        return store.findAccount(id).map(IdentityService::toAccount).orElseThrow(IdentityService::accountNotFound);
    }

    /**
     * An account by id, for other services that need to know an account exists (to add it to a
     * channel, say). It performs no authorization: adapters must not expose it to clients as is.
     */
    public Optional<Account> findAccount(AccountId id) {
        return store.findAccount(id).map(IdentityService::toAccount);
    }

    /**
     * The accounts with these ids that exist, by id, in one read of the store: for adapters that
     * resolve many accounts at once (a page of posts and their authors). Like {@link #findAccount}
     * it performs no authorization: adapters decide what of another account a caller may see.
     */
    public Map<AccountId, Account> findAccounts(Collection<AccountId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return store.findAccounts(Set.copyOf(ids)).stream().map(IdentityService::toAccount)
                .collect(Collectors.toUnmodifiableMap(Account::id, account -> account));
    }

    /**
     * Changes the caller's own account if it is still at {@code expectedVersion}. Changing the
     * email or the password needs the current password; a new password ends every other session of
     * the account, keeping the caller's.
     *
     * @throws ValidationException naming every invalid field; {@code current_password} is
     *                             {@code required} or {@code incorrect} when it must be given
     * @throws dev.strata.core.common.PreconditionFailedException when the version is stale
     * @throws RateLimitedException when the account's email is locked out by failed attempts
     */
    public Account updateAccount(AuthenticatedSession caller, AccountId id, AccountChanges changes,
            long expectedVersion) {
        requireSelf(caller, id);
        Validator validator = new Validator();
        String displayName = changes.displayName()
                .map(name -> validator.text("display_name", name, 1, MAX_DISPLAY_NAME_LENGTH))
                .orElse(null);
        String email = changes.email().map(value -> checkEmail(validator, "email", value)).orElse(null);
        changes.newPassword().ifPresent(value -> checkPassword(validator, "password", value));
        if (changes.changesCredentials() && changes.currentPassword().isEmpty()) {
            validator.reject("current_password", "required", "is required to change the email or the password");
        }
        validator.throwIfInvalid();

        AccountRecord current = store.findAccount(id).orElseThrow(IdentityService::accountNotFound);
        if (changes.changesCredentials()) {
            confirmCurrentPassword(current, changes.currentPassword().orElseThrow());
        }
        String newEmail = email == null ? current.email() : email;
        AccountRecord updated = store.updateAccount(new AccountUpdateRecord(id, expectedVersion, newEmail,
                normalize(newEmail), displayName == null ? current.displayName() : displayName,
                changes.newPassword().map(hasher::hash).orElse(current.passwordHash()), Timestamps.now(clock),
                changes.newPassword().map(ignored -> caller.session().id())));
        return toAccount(updated);
    }

    /**
     * Checks an email and password and returns the account they belong to.
     *
     * @throws ValidationException     naming {@code email} and {@code password} when either is missing,
     *                                 blank or longer than any account's can be: a malformed request,
     *                                 which says nothing about which accounts exist
     * @throws AuthenticationException with code {@code invalid_credentials} for an unknown email and
     *                                 for a wrong password alike, after the same hashing work
     * @throws RateLimitedException    with code {@code too_many_sign_in_attempts} while the email is
     *                                 locked out, whether or not the password is right
     */
    public Account authenticate(Credentials credentials) {
        checkCredentialsShape(credentials);
        String email = WhiteSpace.strip(credentials.email());
        String password = credentials.password();
        String normalized = normalize(email);
        Instant now = Timestamps.now(clock);
        refuseWhileLockedOut(normalized, now);

        Optional<AccountRecord> account = store.findAccountByEmail(normalized);
        boolean verified;
        if (account.isPresent()) {
            verified = hasher.verify(password, account.get().passwordHash());
        } else {
            hasher.verifyAgainstNothing(password);
            verified = false;
        }
        if (!verified) {
            store.recordSignInFailure(normalized, now, now.minus(policy.signInFailureWindow()));
            throw invalidCredentials();
        }
        store.clearSignInFailures(normalized);
        return toAccount(account.get());
    }

    /** Starts a session for an account (after {@link #authenticate}), and signs its token. */
    public IssuedSession startSession(Account account) {
        Instant now = Timestamps.now(clock);
        SessionRecord session = new SessionRecord(SessionId.generate(), account.id(), now,
                now.plus(policy.sessionLifetime()));
        store.insertSession(session);
        return new IssuedSession(toSession(session), account, signer.sign(session.id()));
    }

    /** {@link #authenticate} and {@link #startSession} in one: what signing in is. */
    public IssuedSession signIn(Credentials credentials) {
        return startSession(authenticate(credentials));
    }

    /**
     * The live session a bearer token stands for.
     *
     * @throws AuthenticationException with code {@code invalid_token} when the token is malformed,
     *                                 tampered with, signed by an unknown key, expired, or its
     *                                 session was ended: all alike
     */
    public AuthenticatedSession verifySession(String token) {
        SessionAccountRecord found = signer.verify(token)
                .flatMap(store::findSession)
                .filter(record -> record.session().expiresAt().isAfter(Timestamps.now(clock)))
                .orElseThrow(() -> new AuthenticationException("invalid_token",
                        "the bearer token is not valid; sign in again"));
        return new AuthenticatedSession(toSession(found.session()), toAccount(found.account()));
    }

    /** Ends the caller's own session (signing out). Ending it twice is harmless. */
    public void endSession(AuthenticatedSession caller) {
        store.deleteSession(caller.session().id());
    }

    /** Ends every session of the caller's own account, the caller's included. */
    public void endAllSessions(AuthenticatedSession caller, AccountId id) {
        requireSelf(caller, id);
        store.deleteSessions(id);
    }

    /** The live sessions of the caller's account, newest first: {@code listSessions(caller, caller.accountId())}. */
    public List<Session> listSessions(AuthenticatedSession caller) {
        return listSessions(caller, caller.accountId());
    }

    /**
     * Ends one live session of the caller's own account (from its session list); ending the
     * caller's own session this way is signing out.
     *
     * @throws NotFoundException with code {@code account_not_found} for another account;
     *                           {@code session_not_found} when the account has no such live session
     *                           (another account's session included)
     */
    public void endSession(AuthenticatedSession caller, AccountId id, SessionId sessionId) {
        requireSelf(caller, id);
        boolean ownAndLive = store.findSession(sessionId)
                .filter(found -> found.session().accountId().equals(id))
                .filter(found -> found.session().expiresAt().isAfter(Timestamps.now(clock)))
                .isPresent();
        if (!ownAndLive || !store.deleteSession(sessionId)) {
            throw new NotFoundException("session_not_found", "no such session");
        }
    }

    /**
     * Closes the caller's own account: checks its current password, ends every session of it, lets
     * {@code releaseContent} delete or settle what other services keep for it, then deletes the
     * account, which frees its email. Use {@code AccountClosingService}, which passes what the other
     * services must do; this is its identity half.
     *
     * <p>Not one transaction across services: the sessions end first, so that no new request of
     * the account's starts while its content goes; if a later step fails, the account still exists,
     * its owner signs in again and closing it again finishes the work (every step is harmless to
     * repeat).
     *
     * @throws ValidationException  naming {@code current_password}: {@code required} or {@code incorrect}
     * @throws NotFoundException    with code {@code account_not_found} for another account
     * @throws RateLimitedException when the account's email is locked out by failed attempts
     */
    public void closeAccount(AuthenticatedSession caller, AccountId id, String currentPassword,
            Consumer<AccountId> releaseContent) {
        requireSelf(caller, id);
        Objects.requireNonNull(releaseContent, "releaseContent");
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw ValidationException.of("current_password", "required", "is required to close the account");
        }
        if (currentPassword.codePointCount(0, currentPassword.length()) > MAX_PASSWORD_LENGTH) {
            throw ValidationException.of("current_password", "too_long",
                    "must be at most " + MAX_PASSWORD_LENGTH + " characters");
        }
        AccountRecord account = store.findAccount(id).orElseThrow(IdentityService::accountNotFound);
        confirmCurrentPassword(account, currentPassword);
        store.deleteSessions(id);
        releaseContent.accept(id);
        store.deleteAccount(id);
    }

    /** The live sessions of the caller's own account, newest first. */
    public List<Session> listSessions(AuthenticatedSession caller, AccountId id) {
        requireSelf(caller, id);
        return store.listSessions(id, Timestamps.now(clock)).stream().map(IdentityService::toSession).toList();
    }

    /**
     * Deletes what no rule needs any more: expired sessions, and failed sign-ins older than the
     * lock-out window. For a periodic housekeeping job; returns how many rows went.
     */
    public int purgeExpired() {
        Instant now = Timestamps.now(clock);
        return store.deleteSessionsExpiredBefore(now)
                + store.deleteSignInFailuresBefore(now.minus(policy.signInFailureWindow()));
    }

    private void confirmCurrentPassword(AccountRecord account, String currentPassword) {
        Instant now = Timestamps.now(clock);
        refuseWhileLockedOut(account.emailNormalized(), now);
        if (!hasher.verify(currentPassword, account.passwordHash())) {
            store.recordSignInFailure(account.emailNormalized(), now, now.minus(policy.signInFailureWindow()));
            throw ValidationException.of("current_password", "incorrect", "is not the account's password");
        }
    }

    private void refuseWhileLockedOut(String emailNormalized, Instant now) {
        SignInFailures failures = store.signInFailuresSince(emailNormalized, now.minus(policy.signInFailureWindow()));
        if (failures.count() >= policy.maxSignInFailures()) {
            Instant unlocksAt = failures.oldest().orElse(now).plus(policy.signInFailureWindow());
            throw new RateLimitedException("too_many_sign_in_attempts",
                    "too many failed sign-ins for this email; try again later",
                    Duration.between(now, unlocksAt));
        }
    }

    private static void requireSelf(AuthenticatedSession caller, AccountId id) {
        Objects.requireNonNull(caller, "caller");
        if (!caller.accountId().equals(id)) {
            throw accountNotFound();
        }
    }

    private static String checkEmail(Validator validator, String field, String value) {
        if (value == null || WhiteSpace.isBlank(value)) {
            validator.reject(field, "required", "is required");
            return null;
        }
        // The length as sent, so that a client can check it without knowing about the trimming.
        if (value.codePointCount(0, value.length()) > MAX_EMAIL_LENGTH) {
            validator.reject(field, "too_long", "must be at most " + MAX_EMAIL_LENGTH + " characters");
            return null;
        }
        String email = WhiteSpace.strip(value);
        if (!EmailSyntax.isValid(email)) {
            validator.reject(field, "invalid_email", "is not an email address");
            return null;
        }
        return email;
    }

    private static void checkCredentialsShape(Credentials credentials) {
        Validator validator = new Validator();
        String email = credentials.email();
        if (email == null || WhiteSpace.isBlank(email)) {
            validator.reject("email", "required", "is required");
        } else if (email.codePointCount(0, email.length()) > MAX_EMAIL_LENGTH) {
            validator.reject("email", "too_long", "must be at most " + MAX_EMAIL_LENGTH + " characters");
        }
        String password = credentials.password();
        if (password == null || password.isEmpty()) {
            validator.reject("password", "required", "is required");
        } else if (password.codePointCount(0, password.length()) > MAX_PASSWORD_LENGTH) {
            validator.reject("password", "too_long", "must be at most " + MAX_PASSWORD_LENGTH + " characters");
        }
        validator.throwIfInvalid();
    }

    private static void checkPassword(Validator validator, String field, String value) {
        if (value == null || value.isEmpty()) {
            validator.reject(field, "required", "is required");
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length < MIN_PASSWORD_LENGTH) {
            validator.reject(field, "too_short", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        } else if (length > MAX_PASSWORD_LENGTH) {
            validator.reject(field, "too_long", "must be at most " + MAX_PASSWORD_LENGTH + " characters");
        }
    }

    private static String normalize(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    private static AuthenticationException invalidCredentials() {
        return new AuthenticationException("invalid_credentials", "the email or the password is wrong");
    }

    private static NotFoundException accountNotFound() {
        return new NotFoundException("account_not_found", "no such account");
    }

    private static Account toAccount(AccountRecord record) {
        return new Account(record.id(), record.email(), record.displayName(), record.createdAt(), record.updatedAt(),
                record.version());
    }

    private static Session toSession(SessionRecord record) {
        return new Session(record.id(), record.accountId(), record.createdAt(), record.expiresAt());
    }
}
