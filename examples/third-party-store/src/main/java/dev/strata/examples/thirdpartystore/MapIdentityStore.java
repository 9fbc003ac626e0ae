package dev.strata.examples.thirdpartystore;

import dev.strata.core.common.AlreadyExistsException;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.PreconditionFailedException;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An {@link IdentityStore} over plain maps, as a team outside Strata might write one (say, to sit
 * in front of its own key-value service). One lock guards every map, so each method is atomic and
 * the store is thread-safe. It passes {@code IdentityStoreContract} and
 * {@code IdentityServiceContract} from {@code strata-contracts}.
 */
public class MapIdentityStore implements IdentityStore {

    private final Map<AccountId, AccountRecord> accounts = new HashMap<>();
    private final Map<String, AccountId> accountIdsByEmail = new HashMap<>();
    private final Map<SessionId, SessionRecord> sessions = new HashMap<>();
    private final List<Failure> failures = new ArrayList<>();

    private record Failure(String email, Instant at) {
    }

    /** An empty store. */
    public MapIdentityStore() {
    }

    @Override
    public synchronized AccountRecord insertAccount(NewAccountRecord account) {
        if (accountIdsByEmail.containsKey(account.emailNormalized())) {
            throw new AlreadyExistsException("email_already_registered", "this email is registered");
        }
        AccountRecord stored = new AccountRecord(account.id(), account.email(), account.emailNormalized(),
                account.displayName(), account.passwordHash(), account.createdAt(), account.createdAt(), 0);
        accounts.put(stored.id(), stored);
        accountIdsByEmail.put(stored.emailNormalized(), stored.id());
        return stored;
    }

    @Override
    public synchronized Optional<AccountRecord> findAccount(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public synchronized List<AccountRecord> findAccounts(Set<AccountId> ids) {
        return ids.stream().map(accounts::get).filter(Objects::nonNull).toList();
    }

    @Override
    public synchronized Optional<AccountRecord> findAccountByEmail(String emailNormalized) {
        return Optional.ofNullable(accountIdsByEmail.get(emailNormalized)).map(accounts::get);
    }

    @Override
    public synchronized AccountRecord updateAccount(AccountUpdateRecord update) {
        AccountRecord current = accounts.get(update.id());
        if (current == null) {
            throw new NotFoundException("account_not_found", "no such account");
        }
        if (!versionMatches(current, update.expectedVersion())) {
            throw PreconditionFailedException.versionMismatch("the account", update.expectedVersion());
        }
        AccountId emailOwner = accountIdsByEmail.get(update.emailNormalized());
        if (emailOwner != null && !emailOwner.equals(current.id())) {
            throw new AlreadyExistsException("email_already_registered", "this email is registered");
        }
        AccountRecord updated = new AccountRecord(current.id(), update.email(), update.emailNormalized(),
                update.displayName(), update.passwordHash(), current.createdAt(), update.updatedAt(),
                current.version() + 1);
        accounts.put(updated.id(), updated);
        accountIdsByEmail.remove(current.emailNormalized());
        accountIdsByEmail.put(updated.emailNormalized(), updated.id());
        update.endSessionsExcept().ifPresent(kept -> removeSessions(
                session -> session.accountId().equals(current.id()) && !session.id().equals(kept)));
        return updated;
    }

    /**
     * Whether the stored account is at the version the update expects: the optimistic-concurrency
     * check of {@link #updateAccount}.
     *
     * @param current  the account as stored
     * @param expected the version the caller read
     * @return whether the update may be written
     */
    protected boolean versionMatches(AccountRecord current, long expected) {
        return current.version() == expected;
    }

    @Override
    public synchronized void insertSession(SessionRecord session) {
        if (!accounts.containsKey(session.accountId())) {
            throw new NotFoundException("account_not_found", "no such account");
        }
        sessions.put(session.id(), session);
    }

    @Override
    public synchronized Optional<SessionAccountRecord> findSession(SessionId id) {
        return Optional.ofNullable(sessions.get(id))
                .map(session -> new SessionAccountRecord(session, accounts.get(session.accountId())));
    }

    @Override
    public synchronized List<SessionRecord> listSessions(AccountId accountId, Instant liveAt) {
        return sessions.values().stream()
                .filter(session -> session.accountId().equals(accountId) && session.expiresAt().isAfter(liveAt))
                .sorted(Comparator.comparing(SessionRecord::createdAt)
                        .thenComparing(session -> session.id().value())
                        .reversed())
                .toList();
    }

    @Override
    public synchronized boolean deleteAccount(AccountId id) {
        AccountRecord removed = accounts.remove(id);
        if (removed == null) {
            return false;
        }
        accountIdsByEmail.remove(removed.emailNormalized());
        sessions.values().removeIf(session -> session.accountId().equals(id));
        return true;
    }

    @Override
    public synchronized boolean deleteSession(SessionId id) {
        return sessions.remove(id) != null;
    }

    @Override
    public synchronized int deleteSessions(AccountId accountId) {
        return removeSessions(session -> session.accountId().equals(accountId));
    }

    @Override
    public synchronized int deleteSessionsExpiredBefore(Instant cutoff) {
        return removeSessions(session -> !session.expiresAt().isAfter(cutoff));
    }

    private int removeSessions(Predicate<SessionRecord> which) {
        int before = sessions.size();
        sessions.values().removeIf(which);
        return before - sessions.size();
    }

    @Override
    public synchronized int deleteSignInFailuresBefore(Instant cutoff) {
        int before = failures.size();
        failures.removeIf(failure -> failure.at().isBefore(cutoff));
        return before - failures.size();
    }

    @Override
    public synchronized void recordSignInFailure(String emailNormalized, Instant at, Instant forgetBefore) {
        failures.removeIf(failure -> failure.email().equals(emailNormalized) && failure.at().isBefore(forgetBefore));
        failures.add(new Failure(emailNormalized, at));
    }

    @Override
    public synchronized SignInFailures signInFailuresSince(String emailNormalized, Instant since) {
        List<Instant> recent = failures.stream()
                .filter(failure -> failure.email().equals(emailNormalized) && failure.at().isAfter(since))
                .map(Failure::at)
                .toList();
        return recent.isEmpty() ? SignInFailures.NONE
                : new SignInFailures(recent.size(), recent.stream().min(Comparator.naturalOrder()));
    }

    @Override
    public synchronized void clearSignInFailures(String emailNormalized) {
        failures.removeIf(failure -> failure.email().equals(emailNormalized));
    }
}
