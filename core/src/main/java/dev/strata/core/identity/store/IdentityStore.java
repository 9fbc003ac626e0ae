package dev.strata.core.identity.store;

import dev.strata.core.common.ConflictException;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.common.UnavailableException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The port through which the identity service keeps accounts, sessions and failed sign-in
 * attempts. Implementations must be thread-safe, and each method is atomic: it takes effect whole
 * or not at all. Any method may throw {@link UnavailableException} when the storage does not
 * answer; nothing has then been changed.
 *
 * <p>Every implementation must pass {@code IdentityStoreContract} from {@code strata-contracts}.
 */
public interface IdentityStore {

    /**
     * Inserts a new account at version 0.
     *
     * @throws ConflictException with code {@code email_already_registered} when an account with the
     *                           same {@code emailNormalized} exists; nothing is inserted
     */
    AccountRecord insertAccount(NewAccountRecord account);

    /** The account with this id, or empty when there is none. */
    Optional<AccountRecord> findAccount(AccountId id);

    /** The account whose normalized email is exactly {@code emailNormalized}, or empty. */
    Optional<AccountRecord> findAccountByEmail(String emailNormalized);

    /**
     * Writes the update if the account is still at {@code update.expectedVersion()}, raising the
     * version by one, and in the same transaction ends the account's other sessions when asked.
     *
     * @return the account as stored after the update
     * @throws NotFoundException           with code {@code account_not_found} when there is no such account
     * @throws PreconditionFailedException with code {@code version_mismatch} when the version differs
     * @throws ConflictException           with code {@code email_already_registered} when the new
     *                                     email belongs to another account
     */
    AccountRecord updateAccount(AccountUpdateRecord update);

    /**
     * Inserts a session.
     *
     * @throws NotFoundException with code {@code account_not_found} when its account does not exist
     */
    void insertSession(SessionRecord session);

    /**
     * The session with this id joined to its account, or empty when there is none. Expired
     * sessions are returned too: deciding what is live is the service's job, by its clock.
     */
    Optional<SessionAccountRecord> findSession(SessionId id);

    /**
     * The account's sessions that expire after {@code liveAt}, newest first (by creation time, then
     * id, descending). Empty when the account has none or does not exist.
     */
    List<SessionRecord> listSessions(AccountId accountId, Instant liveAt);

    /** Deletes one session; returns whether it existed. */
    boolean deleteSession(SessionId id);

    /** Deletes every session of the account; returns how many there were. */
    int deleteSessions(AccountId accountId);

    /** Deletes sessions that expired at or before {@code cutoff}; returns how many. */
    int deleteSessionsExpiredBefore(Instant cutoff);

    /**
     * Deletes every email's failed sign-ins recorded before {@code cutoff} (for housekeeping, so
     * that emails never tried again do not stay forever); returns how many.
     */
    int deleteSignInFailuresBefore(Instant cutoff);

    /**
     * Records one failed sign-in for {@code emailNormalized} at {@code at}. Whether an account has
     * that email does not matter. May drop failures older than {@code forgetBefore}.
     */
    void recordSignInFailure(String emailNormalized, Instant at, Instant forgetBefore);

    /** The failed sign-ins for {@code emailNormalized} strictly after {@code since}. */
    SignInFailures signInFailuresSince(String emailNormalized, Instant since);

    /** Forgets every failed sign-in for {@code emailNormalized} (after a successful one). */
    void clearSignInFailures(String emailNormalized);
}
