package dev.strata.contracts.identity;

import dev.strata.core.identity.store.IdentityStore;

/**
 * The rules of {@link IdentityStore} that {@link IdentityStoreContract} checks, word for word as the
 * port's Javadoc states them, each {@code "IdentityStore.method: rule"}. A failing test of the suite
 * names the rule it checks (see {@link dev.strata.contracts.Checks}).
 */
public final class IdentityStoreRules {

    /** Rule of {@link IdentityStore#insertAccount}. */
    public static final String INSERT_ACCOUNT =
            "IdentityStore.insertAccount: the account is stored as given, at version 0, with its update time equal to its creation time";
    /** Rule of {@link IdentityStore#insertAccount}. */
    public static final String EMAIL_UNIQUE =
            "IdentityStore.insertAccount: an account whose normalized email is already registered is an AlreadyExistsException with code email_already_registered and is not inserted; of concurrent inserts of one email, exactly one succeeds";
    /** Rule of {@link IdentityStore#findAccount} and {@link IdentityStore#findAccountByEmail}. */
    public static final String FIND_ACCOUNT_MISS =
            "IdentityStore.findAccount: an account that does not exist is empty, not an error";
    /** Rule of {@link IdentityStore#findAccounts}. */
    public static final String FIND_ACCOUNTS =
            "IdentityStore.findAccounts: the accounts with these ids that exist, in one read: an id with no account is simply absent; empty for an empty set";
    /** Rule of {@link IdentityStore#findAccountByEmail}. */
    public static final String FIND_BY_EMAIL_EXACT =
            "IdentityStore.findAccountByEmail: the normalized email must match exactly: the store itself folds no case";
    /** Rule of {@link IdentityStore#updateAccount}. */
    public static final String UPDATE_ACCOUNT =
            "IdentityStore.updateAccount: at the expected version the update is written, the version rises by one and the creation time is kept";
    /** Rule of {@link IdentityStore#updateAccount}. */
    public static final String UPDATE_ACCOUNT_STALE =
            "IdentityStore.updateAccount: at any other version it is a PreconditionFailedException with code version_mismatch and nothing changes, no session ends; of concurrent updates at one version, exactly one succeeds";
    /** Rule of {@link IdentityStore#updateAccount}. */
    public static final String UPDATE_ACCOUNT_MISSING =
            "IdentityStore.updateAccount: an account that does not exist is a NotFoundException with code account_not_found";
    /** Rule of {@link IdentityStore#updateAccount}. */
    public static final String UPDATE_ACCOUNT_EMAIL_TAKEN =
            "IdentityStore.updateAccount: a new email that belongs to another account is an AlreadyExistsException with code email_already_registered and nothing changes";
    /** Rule of {@link IdentityStore#updateAccount}. */
    public static final String UPDATE_ENDS_OTHER_SESSIONS =
            "IdentityStore.updateAccount: when the update names a session to keep, every other session of that account ends with it, and no other account's";
    /** Rule of {@link IdentityStore#insertSession} and {@link IdentityStore#findSession}. */
    public static final String SESSION_READS_BACK =
            "IdentityStore.findSession: a session reads back as inserted, joined to its account, whether or not it has expired";
    /** Rule of {@link IdentityStore#insertSession}. */
    public static final String SESSION_NEEDS_ACCOUNT =
            "IdentityStore.insertSession: a session of an account that does not exist is a NotFoundException with code account_not_found and is not inserted";
    /** Rule of {@link IdentityStore#listSessions}. */
    public static final String LIST_SESSIONS =
            "IdentityStore.listSessions: only that account's sessions that expire strictly after liveAt, newest first (by creation time, then id, descending)";
    /** Rule of {@link IdentityStore#deleteAccount}. */
    public static final String DELETE_ACCOUNT =
            "IdentityStore.deleteAccount: deletes the account and all its sessions, no other account's, returns whether it existed, and frees its email for a new account";
    /** Rule of {@link IdentityStore#deleteSession}. */
    public static final String DELETE_SESSION =
            "IdentityStore.deleteSession: deletes that one session and returns whether it existed";
    /** Rule of {@link IdentityStore#deleteSessions}. */
    public static final String DELETE_SESSIONS =
            "IdentityStore.deleteSessions: deletes every session of the account and no other, and returns how many there were";
    /** Rule of {@link IdentityStore#deleteSessionsExpiredBefore}. */
    public static final String PURGE_SESSIONS =
            "IdentityStore.deleteSessionsExpiredBefore: deletes exactly the sessions that expired at or before the cutoff and returns how many";
    /** Rule of {@link IdentityStore#signInFailuresSince}. */
    public static final String COUNT_FAILURES =
            "IdentityStore.signInFailuresSince: counts that email's failures strictly after since, and gives the oldest of them";
    /** Rule of {@link IdentityStore#deleteSignInFailuresBefore}. */
    public static final String PURGE_FAILURES =
            "IdentityStore.deleteSignInFailuresBefore: deletes exactly the failures, of every email, recorded strictly before the cutoff and returns how many";
    /** Rule of {@link IdentityStore#clearSignInFailures}. */
    public static final String CLEAR_FAILURES =
            "IdentityStore.clearSignInFailures: forgets that email's failures and no other email's";
    /** Rule of every method of {@link IdentityStore}. */
    public static final String MICROSECONDS =
            "IdentityStore: instants read back exactly as written, to the microsecond";
    /** Rule of every method of {@link IdentityStore}. */
    public static final String TEXT_EXACT =
            "IdentityStore: text reads back exactly as written, whatever its script";

    private IdentityStoreRules() {
    }
}
