package dev.strata.adapters.persistence.postgres.identity;

import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.SessionId;
import dev.strata.core.identity.store.AccountRecord;
import dev.strata.core.identity.store.AccountUpdateRecord;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.identity.store.NewAccountRecord;
import dev.strata.core.identity.store.SessionAccountRecord;
import dev.strata.core.identity.store.SessionRecord;
import dev.strata.core.identity.store.SignInFailures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A store that passes every call to another: tests override the calls they watch. */
class DelegatingIdentityStore implements IdentityStore {

    private final IdentityStore store;

    DelegatingIdentityStore(IdentityStore store) {
        this.store = store;
    }

    @Override
    public AccountRecord insertAccount(NewAccountRecord account) {
        return store.insertAccount(account);
    }

    @Override
    public Optional<AccountRecord> findAccount(AccountId id) {
        return store.findAccount(id);
    }

    @Override
    public List<AccountRecord> findAccounts(Set<AccountId> ids) {
        return store.findAccounts(ids);
    }

    @Override
    public Optional<AccountRecord> findAccountByEmail(String emailNormalized) {
        return store.findAccountByEmail(emailNormalized);
    }

    @Override
    public AccountRecord updateAccount(AccountUpdateRecord update) {
        return store.updateAccount(update);
    }

    @Override
    public void insertSession(SessionRecord session) {
        store.insertSession(session);
    }

    @Override
    public Optional<SessionAccountRecord> findSession(SessionId id) {
        return store.findSession(id);
    }

    @Override
    public List<SessionRecord> listSessions(AccountId accountId, Instant liveAt) {
        return store.listSessions(accountId, liveAt);
    }

    @Override
    public boolean deleteAccount(AccountId id) {
        return store.deleteAccount(id);
    }

    @Override
    public boolean deleteSession(SessionId id) {
        return store.deleteSession(id);
    }

    @Override
    public int deleteSessions(AccountId accountId) {
        return store.deleteSessions(accountId);
    }

    @Override
    public int deleteSessionsExpiredBefore(Instant cutoff) {
        return store.deleteSessionsExpiredBefore(cutoff);
    }

    @Override
    public int deleteSignInFailuresBefore(Instant cutoff) {
        return store.deleteSignInFailuresBefore(cutoff);
    }

    @Override
    public void recordSignInFailure(String emailNormalized, Instant at, Instant forgetBefore) {
        store.recordSignInFailure(emailNormalized, at, forgetBefore);
    }

    @Override
    public SignInFailures signInFailuresSince(String emailNormalized, Instant since) {
        return store.signInFailuresSince(emailNormalized, since);
    }

    @Override
    public void clearSignInFailures(String emailNormalized) {
        store.clearSignInFailures(emailNormalized);
    }
}
