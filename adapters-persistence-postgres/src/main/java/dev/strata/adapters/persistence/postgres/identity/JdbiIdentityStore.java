package dev.strata.adapters.persistence.postgres.identity;

import dev.strata.adapters.persistence.postgres.DatabaseErrors;
import dev.strata.adapters.persistence.postgres.StrataJdbiPlugin;
import dev.strata.core.common.ConflictException;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The identity store over SQL, through JDBI, on PostgreSQL or on H2 in PostgreSQL mode; the tables
 * are in the schema {@code identity}. Each method is one statement or one transaction, so it takes
 * effect whole or not at all; concurrent updates are settled by the {@code version} column, and
 * duplicate emails by a unique constraint, never by checking first. Database failures arrive as
 * core exceptions (see {@link DatabaseErrors}). Thread-safe: it holds no state but the {@link Jdbi}.
 */
public final class JdbiIdentityStore implements IdentityStore {

    private static final DatabaseErrors ERRORS = DatabaseErrors.translating(Map.of(
            AccountDao.EMAIL_UNIQUE_CONSTRAINT, JdbiIdentityStore::emailAlreadyRegistered,
            SessionDao.ACCOUNT_FOREIGN_KEY, JdbiIdentityStore::accountNotFound));

    private final Jdbi jdbi;

    /**
     * A store over {@code jdbi}, on which it installs {@link StrataJdbiPlugin} and the mappers of its
     * own rows; installing them again for another store on the same {@link Jdbi} does nothing.
     */
    public JdbiIdentityStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi")
                .installPlugin(new StrataJdbiPlugin())
                .installPlugin(new IdentityRowMappers());
    }

    @Override
    public AccountRecord insertAccount(NewAccountRecord account) {
        ERRORS.run(() -> jdbi.useExtension(AccountDao.class, accounts -> accounts.insert(account.id().value(),
                account.email(), account.emailNormalized(), account.displayName(), account.passwordHash(),
                account.createdAt())));
        return new AccountRecord(account.id(), account.email(), account.emailNormalized(), account.displayName(),
                account.passwordHash(), account.createdAt(), account.createdAt(), 0);
    }

    @Override
    public Optional<AccountRecord> findAccount(AccountId id) {
        return ERRORS.call(() -> jdbi.withExtension(AccountDao.class, accounts -> accounts.findById(id.value())))
                .map(AccountRow::toRecord);
    }

    @Override
    public Optional<AccountRecord> findAccountByEmail(String emailNormalized) {
        return ERRORS.call(() -> jdbi.withExtension(AccountDao.class,
                accounts -> accounts.findByEmailNormalized(emailNormalized))).map(AccountRow::toRecord);
    }

    @Override
    public AccountRecord updateAccount(AccountUpdateRecord update) {
        String id = update.id().value();
        return ERRORS.call(() -> jdbi.inTransaction(handle -> {
            AccountDao accounts = handle.attach(AccountDao.class);
            int updated = accounts.updateAtVersion(id, update.expectedVersion(), update.email(),
                    update.emailNormalized(), update.displayName(), update.passwordHash(), update.updatedAt());
            if (updated == 0) {
                // Nothing matched: either there is no such account or it has moved on.
                throw accounts.findById(id).isPresent()
                        ? PreconditionFailedException.versionMismatch("the account", update.expectedVersion())
                        : accountNotFound();
            }
            update.endSessionsExcept().ifPresent(
                    kept -> handle.attach(SessionDao.class).deleteAllOfExcept(id, kept.value()));
            return accounts.findById(id).orElseThrow().toRecord();
        }));
    }

    @Override
    public void insertSession(SessionRecord session) {
        ERRORS.run(() -> jdbi.useExtension(SessionDao.class, sessions -> sessions.insert(session.id().value(),
                session.accountId().value(), session.createdAt(), session.expiresAt())));
    }

    @Override
    public Optional<SessionAccountRecord> findSession(SessionId id) {
        return ERRORS.call(() -> jdbi.withExtension(SessionDao.class, sessions -> sessions.findWithAccount(id.value())))
                .map(SessionAccountRow::toRecord);
    }

    @Override
    public List<SessionRecord> listSessions(AccountId accountId, Instant liveAt) {
        return ERRORS.call(() -> jdbi.withExtension(SessionDao.class,
                sessions -> sessions.listLive(accountId.value(), liveAt))).stream().map(SessionRow::toRecord).toList();
    }

    @Override
    public boolean deleteSession(SessionId id) {
        return ERRORS.call(() -> jdbi.withExtension(SessionDao.class, sessions -> sessions.delete(id.value()))) > 0;
    }

    @Override
    public int deleteSessions(AccountId accountId) {
        return ERRORS.call(() -> jdbi.withExtension(SessionDao.class,
                sessions -> sessions.deleteAllOf(accountId.value())));
    }

    @Override
    public int deleteSessionsExpiredBefore(Instant cutoff) {
        return ERRORS.call(() -> jdbi.withExtension(SessionDao.class,
                sessions -> sessions.deleteExpiredAtOrBefore(cutoff)));
    }

    @Override
    public void recordSignInFailure(String emailNormalized, Instant at, Instant forgetBefore) {
        ERRORS.run(() -> jdbi.useTransaction(handle -> {
            SignInFailureDao failures = handle.attach(SignInFailureDao.class);
            // Only this email's old failures: a purge of everyone's would make callers with
            // different clocks (instances, tests sharing a database) delete each other's rows.
            failures.deleteOlderThan(emailNormalized, forgetBefore);
            failures.insert(emailNormalized, at);
        }));
    }

    @Override
    public int deleteSignInFailuresBefore(Instant cutoff) {
        return ERRORS.call(() -> jdbi.withExtension(SignInFailureDao.class,
                failures -> failures.deleteAllOlderThan(cutoff)));
    }

    @Override
    public SignInFailures signInFailuresSince(String emailNormalized, Instant since) {
        return ERRORS.call(() -> jdbi.withExtension(SignInFailureDao.class,
                failures -> failures.countSince(emailNormalized, since))).toRecord();
    }

    @Override
    public void clearSignInFailures(String emailNormalized) {
        ERRORS.run(() -> jdbi.useExtension(SignInFailureDao.class, failures -> failures.deleteAllOf(emailNormalized)));
    }

    private static ConflictException emailAlreadyRegistered() {
        return new ConflictException("email_already_registered", "an account with this email already exists");
    }

    private static NotFoundException accountNotFound() {
        return new NotFoundException("account_not_found", "no such account");
    }
}
