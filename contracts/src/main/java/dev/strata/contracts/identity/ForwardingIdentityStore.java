package dev.strata.contracts.identity;

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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An IdentityStore that passes every call on to another: extend it and override only the calls
 * you watch or break. Strata's own tests plant bugs with it (one overridden method each, to see
 * that {@link IdentityStoreContract} catches every one) and wrap a real store with it to count or
 * delay calls; a third-party store's tests can plant bugs in their own store the same way.
 */
public class ForwardingIdentityStore implements IdentityStore {

    /** The store every call goes on to. */
    protected final IdentityStore real;

    /** A store that passes every call on to {@code real}. */
    public ForwardingIdentityStore(IdentityStore real) {
        this.real = Objects.requireNonNull(real, "real");
    }

    @Override
    public AccountRecord insertAccount(NewAccountRecord account) {
        return real.insertAccount(account);
    }

    @Override
    public Optional<AccountRecord> findAccount(AccountId id) {
        return real.findAccount(id);
    }

    @Override
    public List<AccountRecord> findAccounts(Set<AccountId> ids) {
        return real.findAccounts(ids);
    }

    @Override
    public Optional<AccountRecord> findAccountByEmail(String emailNormalized) {
        return real.findAccountByEmail(emailNormalized);
    }

    @Override
    public AccountRecord updateAccount(AccountUpdateRecord update) {
        return real.updateAccount(update);
    }

    @Override
    public void insertSession(SessionRecord session) {
        real.insertSession(session);
    }

    @Override
    public Optional<SessionAccountRecord> findSession(SessionId id) {
        return real.findSession(id);
    }

    @Override
    public List<SessionRecord> listSessions(AccountId accountId, Instant liveAt) {
        return real.listSessions(accountId, liveAt);
    }

    @Override
    public boolean deleteAccount(AccountId id) {
        return real.deleteAccount(id);
    }

    @Override
    public boolean deleteSession(SessionId id) {
        return real.deleteSession(id);
    }

    @Override
    public int deleteSessions(AccountId accountId) {
        return real.deleteSessions(accountId);
    }

    @Override
    public int deleteSessionsExpiredBefore(Instant cutoff) {
        return real.deleteSessionsExpiredBefore(cutoff);
    }

    @Override
    public int deleteSignInFailuresBefore(Instant cutoff) {
        return real.deleteSignInFailuresBefore(cutoff);
    }

    @Override
    public void recordSignInFailure(String emailNormalized, Instant at, Instant forgetBefore) {
        real.recordSignInFailure(emailNormalized, at, forgetBefore);
    }

    @Override
    public SignInFailures signInFailuresSince(String emailNormalized, Instant since) {
        return real.signInFailuresSince(emailNormalized, since);
    }

    @Override
    public void clearSignInFailures(String emailNormalized) {
        real.clearSignInFailures(emailNormalized);
    }
}
