package dev.strata.adapters.persistence.memory.identity;

import dev.strata.adapters.persistence.memory.Guarded;
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
 * An {@link IdentityStore} in memory, with the same conflict, ordering and atomicity behaviour as
 * the database stores (the shared contract suite proves it). Nothing survives the process.
 *
 * <p>Thread-safe: every method is atomic.
 */
public final class InMemoryIdentityStore implements IdentityStore {

    private static final Comparator<SessionRecord> NEWEST_FIRST =
            Comparator.comparing(SessionRecord::createdAt).thenComparing(session -> session.id().value()).reversed();

    private final Guarded guarded = new Guarded();
    private final Map<AccountId, AccountRecord> accounts = new HashMap<>();
    private final Map<String, AccountId> accountsByEmail = new HashMap<>();
    private final Map<SessionId, SessionRecord> sessions = new HashMap<>();
    private final Map<String, List<Instant>> signInFailures = new HashMap<>();

    @Override
    public AccountRecord insertAccount(NewAccountRecord account) {
        AccountRecord record = new AccountRecord(account.id(), account.email(), account.emailNormalized(),
                account.displayName(), account.passwordHash(), account.createdAt(), account.createdAt(), 0);
        return guarded.write(() -> {
            if (accountsByEmail.containsKey(record.emailNormalized())) {
                throw emailTaken();
            }
            if (accounts.putIfAbsent(record.id(), record) != null) {
                throw new AlreadyExistsException("account_already_exists", "an account with this id exists");
            }
            accountsByEmail.put(record.emailNormalized(), record.id());
            return record;
        });
    }

    @Override
    public Optional<AccountRecord> findAccount(AccountId id) {
        return guarded.read(() -> Optional.ofNullable(accounts.get(id)));
    }

    @Override
    public List<AccountRecord> findAccounts(Set<AccountId> ids) {
        return guarded.read(() -> ids.stream().map(accounts::get).filter(Objects::nonNull).toList());
    }

    @Override
    public Optional<AccountRecord> findAccountByEmail(String emailNormalized) {
        return guarded.read(() -> Optional.ofNullable(accountsByEmail.get(emailNormalized)).map(accounts::get));
    }

    @Override
    public AccountRecord updateAccount(AccountUpdateRecord update) {
        return guarded.write(() -> {
            AccountRecord current = accounts.get(update.id());
            if (current == null) {
                throw new NotFoundException("account_not_found", "no such account");
            }
            if (current.version() != update.expectedVersion()) {
                throw PreconditionFailedException.versionMismatch("the account", update.expectedVersion());
            }
            AccountId owner = accountsByEmail.get(update.emailNormalized());
            if (owner != null && !owner.equals(update.id())) {
                throw emailTaken();
            }
            AccountRecord updated = new AccountRecord(current.id(), update.email(), update.emailNormalized(),
                    update.displayName(), update.passwordHash(), current.createdAt(), update.updatedAt(),
                    current.version() + 1);
            accounts.put(updated.id(), updated);
            accountsByEmail.remove(current.emailNormalized());
            accountsByEmail.put(updated.emailNormalized(), updated.id());
            update.endSessionsExcept().ifPresent(kept -> sessions.values()
                    .removeIf(session -> session.accountId().equals(update.id()) && !session.id().equals(kept)));
            return updated;
        });
    }

    @Override
    public void insertSession(SessionRecord session) {
        guarded.write(() -> {
            if (!accounts.containsKey(session.accountId())) {
                throw new NotFoundException("account_not_found", "no such account");
            }
            if (sessions.putIfAbsent(session.id(), session) != null) {
                throw new AlreadyExistsException("session_already_exists", "a session with this id exists");
            }
        });
    }

    @Override
    public Optional<SessionAccountRecord> findSession(SessionId id) {
        return guarded.read(() -> Optional.ofNullable(sessions.get(id))
                .map(session -> new SessionAccountRecord(session, accounts.get(session.accountId()))));
    }

    @Override
    public List<SessionRecord> listSessions(AccountId accountId, Instant liveAt) {
        return guarded.read(() -> sessions.values().stream()
                .filter(session -> session.accountId().equals(accountId) && session.expiresAt().isAfter(liveAt))
                .sorted(NEWEST_FIRST)
                .toList());
    }

    @Override
    public boolean deleteAccount(AccountId id) {
        return guarded.write(() -> {
            AccountRecord removed = accounts.remove(id);
            if (removed == null) {
                return false;
            }
            accountsByEmail.remove(removed.emailNormalized());
            sessions.values().removeIf(session -> session.accountId().equals(id));
            return true;
        });
    }

    @Override
    public boolean deleteSession(SessionId id) {
        return guarded.write(() -> sessions.remove(id) != null);
    }

    @Override
    public int deleteSessions(AccountId accountId) {
        return removeSessionsWhere(session -> session.accountId().equals(accountId));
    }

    @Override
    public int deleteSessionsExpiredBefore(Instant cutoff) {
        return removeSessionsWhere(session -> !session.expiresAt().isAfter(cutoff));
    }

    @Override
    public int deleteSignInFailuresBefore(Instant cutoff) {
        return guarded.write(() -> {
            int removed = 0;
            for (List<Instant> failures : signInFailures.values()) {
                int before = failures.size();
                failures.removeIf(failure -> failure.isBefore(cutoff));
                removed += before - failures.size();
            }
            signInFailures.values().removeIf(List::isEmpty);
            return removed;
        });
    }

    private int removeSessionsWhere(Predicate<SessionRecord> doomed) {
        return guarded.write(() -> {
            int before = sessions.size();
            sessions.values().removeIf(doomed);
            return before - sessions.size();
        });
    }

    @Override
    public void recordSignInFailure(String emailNormalized, Instant at, Instant forgetBefore) {
        guarded.write(() -> {
            List<Instant> failures = signInFailures.computeIfAbsent(emailNormalized, email -> new ArrayList<>());
            failures.removeIf(failure -> failure.isBefore(forgetBefore));
            failures.add(at);
        });
    }

    @Override
    public SignInFailures signInFailuresSince(String emailNormalized, Instant since) {
        return guarded.read(() -> {
            List<Instant> recent = signInFailures.getOrDefault(emailNormalized, List.of()).stream()
                    .filter(failure -> failure.isAfter(since))
                    .toList();
            return recent.isEmpty() ? SignInFailures.NONE
                    : new SignInFailures(recent.size(), recent.stream().min(Comparator.naturalOrder()));
        });
    }

    @Override
    public void clearSignInFailures(String emailNormalized) {
        guarded.write(() -> {
            signInFailures.remove(emailNormalized);
        });
    }

    private static AlreadyExistsException emailTaken() {
        return new AlreadyExistsException("email_already_registered", "an account with this email exists");
    }
}
