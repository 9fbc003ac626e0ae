package dev.strata.core.identity.store;

import dev.strata.core.common.AlreadyExistsException;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.common.UnavailableException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The port through which the identity service keeps accounts, sessions and failed sign-in
 * attempts. Implementations must be thread-safe, and each method is atomic: it takes effect whole
 * or not at all. Any method may throw {@link UnavailableException} when the storage does not
 * answer; nothing has then been changed.
 *
 * <p>Rules of every method: instants read back exactly as written, to the microsecond; text reads
 * back exactly as written, whatever its script.
 *
 * <p>Every implementation must pass {@code IdentityStoreContract} from {@code strata-contracts};
 * each of its tests names the rule below that it checks.
 */
public interface IdentityStore {

    /**
     * Inserts a new account: the account is stored as given, at version 0, with its update time
     * equal to its creation time. An account whose normalized email is already registered is an
     * AlreadyExistsException with code {@code email_already_registered} and is not inserted; of
     * concurrent inserts of one email, exactly one succeeds.
     *
     * @param account the account to insert, its email already normalized by the service
     * @return the account as stored
     * @throws AlreadyExistsException with code {@code email_already_registered} when the normalized email
     *                           is registered already
     */
    AccountRecord insertAccount(NewAccountRecord account);

    /**
     * The account with this id: an account that does not exist is empty, not an error.
     *
     * @param id the account's id
     * @return the account, or empty
     */
    Optional<AccountRecord> findAccount(AccountId id);

    /**
     * The accounts with these ids that exist, in one read: an id with no account is simply absent;
     * empty for an empty set. In no particular order.
     *
     * @param ids the accounts' ids
     * @return the accounts that exist
     */
    List<AccountRecord> findAccounts(Set<AccountId> ids);

    /**
     * The account whose normalized email is {@code emailNormalized}, or empty: the normalized email
     * must match exactly: the store itself folds no case.
     *
     * @param emailNormalized the email as the service normalizes it
     * @return the account, or empty
     */
    Optional<AccountRecord> findAccountByEmail(String emailNormalized);

    /**
     * Writes the update if the account is still at {@code update.expectedVersion()}, in one
     * transaction:
     * <ul>
     * <li>at the expected version the update is written, the version rises by one and the creation
     * time is kept;</li>
     * <li>at any other version it is a PreconditionFailedException with code {@code version_mismatch}
     * and nothing changes, no session ends; of concurrent updates at one version, exactly one
     * succeeds;</li>
     * <li>an account that does not exist is a NotFoundException with code {@code account_not_found};</li>
     * <li>a new email that belongs to another account is an AlreadyExistsException with code
     * {@code email_already_registered} and nothing changes;</li>
     * <li>when the update names a session to keep, every other session of that account ends with
     * it, and no other account's.</li>
     * </ul>
     *
     * @param update the new state of the account and the version it was read at
     * @return the account as stored after the update
     * @throws NotFoundException           with code {@code account_not_found} when there is no such account
     * @throws PreconditionFailedException with code {@code version_mismatch} when the version differs
     * @throws AlreadyExistsException      with code {@code email_already_registered} when the new
     *                                     email belongs to another account
     */
    AccountRecord updateAccount(AccountUpdateRecord update);

    /**
     * Inserts a session: a session of an account that does not exist is a NotFoundException with
     * code {@code account_not_found} and is not inserted.
     *
     * @param session the session to insert
     * @throws NotFoundException with code {@code account_not_found} when its account does not exist
     */
    void insertSession(SessionRecord session);

    /**
     * The session with this id joined to its account, or empty when there is none: a session reads
     * back as inserted, joined to its account, whether or not it has expired (deciding what is live
     * is the service's job, by its clock).
     *
     * @param id the session's id
     * @return the session and its account, or empty
     */
    Optional<SessionAccountRecord> findSession(SessionId id);

    /**
     * The account's live sessions: only that account's sessions that expire strictly after
     * {@code liveAt}, newest first (by creation time, then id, descending). Empty when the account
     * has none or does not exist.
     *
     * @param accountId the account
     * @param liveAt    the instant the sessions must outlive
     * @return the sessions, newest first
     */
    List<SessionRecord> listSessions(AccountId accountId, Instant liveAt);

    /**
     * Deletes an account: deletes the account and all its sessions, no other account's, returns
     * whether it existed, and frees its email for a new account. Its failed sign-ins, kept by email,
     * stay until they age out.
     *
     * @param id the account's id
     * @return whether the account existed
     */
    boolean deleteAccount(AccountId id);

    /**
     * Deletes one session: deletes that one session and returns whether it existed.
     *
     * @param id the session's id
     * @return whether the session existed
     */
    boolean deleteSession(SessionId id);

    /**
     * Signs an account out everywhere: deletes every session of the account and no other, and
     * returns how many there were.
     *
     * @param accountId the account
     * @return how many sessions were deleted
     */
    int deleteSessions(AccountId accountId);

    /**
     * Housekeeping: deletes exactly the sessions that expired at or before the cutoff and returns
     * how many.
     *
     * @param cutoff the latest expiry to delete
     * @return how many sessions were deleted
     */
    int deleteSessionsExpiredBefore(Instant cutoff);

    /**
     * Housekeeping, so that emails never tried again do not stay forever: deletes exactly the
     * failures, of every email, recorded strictly before the cutoff and returns how many.
     *
     * @param cutoff the earliest failure to keep
     * @return how many failures were deleted
     */
    int deleteSignInFailuresBefore(Instant cutoff);

    /**
     * Records one failed sign-in for {@code emailNormalized} at {@code at}. Whether an account has
     * that email does not matter. May drop failures older than {@code forgetBefore}.
     *
     * @param emailNormalized the email that was tried, normalized
     * @param at              when it failed
     * @param forgetBefore    failures before this instant no longer count and may be dropped
     */
    void recordSignInFailure(String emailNormalized, Instant at, Instant forgetBefore);

    /**
     * The failed sign-ins for an email: counts that email's failures strictly after since, and
     * gives the oldest of them.
     *
     * @param emailNormalized the email, normalized
     * @param since           the start of the window, excluded
     * @return how many failures and the oldest one, {@link SignInFailures#NONE} when there are none
     */
    SignInFailures signInFailuresSince(String emailNormalized, Instant since);

    /**
     * After a successful sign-in: forgets that email's failures and no other email's.
     *
     * @param emailNormalized the email, normalized
     */
    void clearSignInFailures(String emailNormalized);
}
