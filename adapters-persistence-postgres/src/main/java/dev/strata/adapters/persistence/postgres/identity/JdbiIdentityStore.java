package dev.strata.adapters.persistence.postgres.identity;

import dev.strata.adapters.persistence.postgres.DatabaseErrors;
import dev.strata.adapters.persistence.postgres.SchemaNames;
import dev.strata.adapters.persistence.postgres.ServiceSchema;
import dev.strata.adapters.persistence.postgres.StrataJdbiPlugin;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The identity store over SQL, through JDBI, on PostgreSQL or on H2 in PostgreSQL mode; the tables
 * are in the schema {@code identity}. Each method is one statement or one transaction, so it takes
 * effect whole or not at all; concurrent updates are settled by the {@code version} column, and
 * duplicate emails by a unique constraint, never by checking first. Database failures arrive as
 * core exceptions (see {@link DatabaseErrors}). Thread-safe: it holds no state but the {@link Jdbi}.
 */
public final class JdbiIdentityStore implements IdentityStore {

    /** The unique constraint on {@code email_normalized}, as named in the migration. */
    private static final String EMAIL_UNIQUE_CONSTRAINT = "accounts_email_normalized_unique";
    /** The foreign key from a session to its account, as named in the migration. */
    private static final String ACCOUNT_FOREIGN_KEY = "sessions_account_fk";

    private static final DatabaseErrors ERRORS = DatabaseErrors.translating(Map.of(
            EMAIL_UNIQUE_CONSTRAINT, JdbiIdentityStore::emailAlreadyRegistered,
            ACCOUNT_FOREIGN_KEY, JdbiIdentityStore::accountNotFound));

    private static final String ACCOUNT_COLUMNS =
            "id, email, email_normalized, display_name, password_hash, created_at, updated_at, version";

    private final Jdbi jdbi;
    private final ServiceSchema schema;

    /**
     * A store over {@code jdbi}, on which it installs {@link StrataJdbiPlugin} and the mappers of its
     * own rows; installing them again for another store on the same {@link Jdbi} does nothing.
     */
    public JdbiIdentityStore(Jdbi jdbi) {
        this(jdbi, SchemaNames.DEFAULT.identity());
    }

    /**
     * A store over {@code jdbi} whose tables are in the schema {@code schemaName} rather than
     * {@code identity} (the name given to {@link SchemaNames}, under which the schema was migrated); it
     * installs the same plugins as {@link #JdbiIdentityStore(Jdbi)}.
     */
    public JdbiIdentityStore(Jdbi jdbi, String schemaName) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi")
                .installPlugin(new StrataJdbiPlugin())
                .installPlugin(new IdentityRowMappers());
        this.schema = ServiceSchema.of(SchemaNames.DEFAULT.identity(), schemaName);
    }

    @Override
    public AccountRecord insertAccount(NewAccountRecord account) {
        ERRORS.run(() -> jdbi.useHandle(handle -> handle.createUpdate(schema.sql("""
                        INSERT INTO identity.accounts
                            (id, email, email_normalized, display_name, password_hash, created_at, updated_at, version)
                        VALUES (:id, :email, :emailNormalized, :displayName, :passwordHash, :createdAt, :createdAt, 0)
                        """))
                .bind("id", account.id().value())
                .bind("email", account.email())
                .bind("emailNormalized", account.emailNormalized())
                .bind("displayName", account.displayName())
                .bind("passwordHash", account.passwordHash())
                .bind("createdAt", account.createdAt())
                .execute()));
        return new AccountRecord(account.id(), account.email(), account.emailNormalized(), account.displayName(),
                account.passwordHash(), account.createdAt(), account.createdAt(), 0);
    }

    @Override
    public Optional<AccountRecord> findAccount(AccountId id) {
        return ERRORS.call(() -> jdbi.withHandle(handle -> findAccountIn(handle, id.value()))).map(AccountRow::toRecord);
    }

    @Override
    public List<AccountRecord> findAccounts(Set<AccountId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return ERRORS.call(() -> jdbi.withHandle(handle -> handle
                        .createQuery(schema.sql("SELECT " + ACCOUNT_COLUMNS + " FROM identity.accounts WHERE id IN (<ids>)"))
                        .bindList("ids", ids.stream().map(AccountId::value).toList())
                        .mapTo(AccountRow.class)
                        .list()))
                .stream().map(AccountRow::toRecord).toList();
    }

    @Override
    public Optional<AccountRecord> findAccountByEmail(String emailNormalized) {
        return ERRORS.call(() -> jdbi.withHandle(handle -> handle
                        .createQuery(schema.sql("SELECT " + ACCOUNT_COLUMNS
                                + " FROM identity.accounts WHERE email_normalized = :emailNormalized"))
                        .bind("emailNormalized", emailNormalized)
                        .mapTo(AccountRow.class)
                        .findOne()))
                .map(AccountRow::toRecord);
    }

    @Override
    public AccountRecord updateAccount(AccountUpdateRecord update) {
        String id = update.id().value();
        return ERRORS.call(() -> jdbi.inTransaction(handle -> {
            int updated = handle.createUpdate(schema.sql("""
                            UPDATE identity.accounts
                            SET email = :email, email_normalized = :emailNormalized, display_name = :displayName,
                                password_hash = :passwordHash, updated_at = :updatedAt, version = version + 1
                            WHERE id = :id AND version = :expectedVersion
                            """))
                    .bind("id", id)
                    .bind("expectedVersion", update.expectedVersion())
                    .bind("email", update.email())
                    .bind("emailNormalized", update.emailNormalized())
                    .bind("displayName", update.displayName())
                    .bind("passwordHash", update.passwordHash())
                    .bind("updatedAt", update.updatedAt())
                    .execute();
            if (updated == 0) {
                // Nothing matched: either there is no such account or it has moved on.
                throw findAccountIn(handle, id).isPresent()
                        ? PreconditionFailedException.versionMismatch("the account", update.expectedVersion())
                        : accountNotFound();
            }
            update.endSessionsExcept().ifPresent(kept -> handle
                    .createUpdate(schema.sql("DELETE FROM identity.sessions WHERE account_id = :accountId AND id <> :keptId"))
                    .bind("accountId", id)
                    .bind("keptId", kept.value())
                    .execute());
            return findAccountIn(handle, id).orElseThrow().toRecord();
        }));
    }

    @Override
    public void insertSession(SessionRecord session) {
        ERRORS.run(() -> jdbi.useHandle(handle -> handle.createUpdate(schema.sql("""
                        INSERT INTO identity.sessions (id, account_id, created_at, expires_at)
                        VALUES (:id, :accountId, :createdAt, :expiresAt)
                        """))
                .bind("id", session.id().value())
                .bind("accountId", session.accountId().value())
                .bind("createdAt", session.createdAt())
                .bind("expiresAt", session.expiresAt())
                .execute()));
    }

    @Override
    public Optional<SessionAccountRecord> findSession(SessionId id) {
        return ERRORS.call(() -> jdbi.withHandle(handle -> handle.createQuery(schema.sql("""
                                SELECT session_id, account_id, session_created_at, expires_at, email, email_normalized,
                                       display_name, password_hash, account_created_at, account_updated_at,
                                       account_version
                                FROM identity.session_accounts
                                WHERE session_id = :id
                                """))
                        .bind("id", id.value())
                        .mapTo(SessionAccountRow.class)
                        .findOne()))
                .map(SessionAccountRow::toRecord);
    }

    @Override
    public List<SessionRecord> listSessions(AccountId accountId, Instant liveAt) {
        return ERRORS.call(() -> jdbi.withHandle(handle -> handle.createQuery(schema.sql("""
                                SELECT id, account_id, created_at, expires_at
                                FROM identity.sessions
                                WHERE account_id = :accountId AND expires_at > :liveAt
                                ORDER BY created_at DESC, id DESC
                                """))
                        .bind("accountId", accountId.value())
                        .bind("liveAt", liveAt)
                        .mapTo(SessionRow.class)
                        .list()))
                .stream().map(SessionRow::toRecord).toList();
    }

    @Override
    public boolean deleteAccount(AccountId id) {
        // Its sessions go with it: sessions_account_fk cascades, in the same statement.
        return update("DELETE FROM identity.accounts WHERE id = :id", "id", id.value()) > 0;
    }

    @Override
    public boolean deleteSession(SessionId id) {
        return update("DELETE FROM identity.sessions WHERE id = :id", "id", id.value()) > 0;
    }

    @Override
    public int deleteSessions(AccountId accountId) {
        return update("DELETE FROM identity.sessions WHERE account_id = :accountId", "accountId", accountId.value());
    }

    @Override
    public int deleteSessionsExpiredBefore(Instant cutoff) {
        return update("DELETE FROM identity.sessions WHERE expires_at <= :cutoff", "cutoff", cutoff);
    }

    @Override
    public void recordSignInFailure(String emailNormalized, Instant at, Instant forgetBefore) {
        ERRORS.run(() -> jdbi.useTransaction(handle -> {
            // Only this email's old failures: a purge of everyone's would make callers with
            // different clocks (instances, tests sharing a database) delete each other's rows.
            handle.createUpdate(schema.sql("""
                            DELETE FROM identity.sign_in_failures
                            WHERE email_normalized = :emailNormalized AND failed_at < :forgetBefore
                            """))
                    .bind("emailNormalized", emailNormalized)
                    .bind("forgetBefore", forgetBefore)
                    .execute();
            handle.createUpdate(schema.sql("""
                            INSERT INTO identity.sign_in_failures (email_normalized, failed_at)
                            VALUES (:emailNormalized, :failedAt)
                            """))
                    .bind("emailNormalized", emailNormalized)
                    .bind("failedAt", at)
                    .execute();
        }));
    }

    @Override
    public int deleteSignInFailuresBefore(Instant cutoff) {
        return update("DELETE FROM identity.sign_in_failures WHERE failed_at < :cutoff", "cutoff", cutoff);
    }

    @Override
    public SignInFailures signInFailuresSince(String emailNormalized, Instant since) {
        return ERRORS.call(() -> jdbi.withHandle(handle -> handle.createQuery(schema.sql("""
                                SELECT count(*) AS failures, min(failed_at) AS oldest
                                FROM identity.sign_in_failures
                                WHERE email_normalized = :emailNormalized AND failed_at > :since
                                """))
                        .bind("emailNormalized", emailNormalized)
                        .bind("since", since)
                        .mapTo(SignInFailuresRow.class)
                        .one()))
                .toRecord();
    }

    @Override
    public void clearSignInFailures(String emailNormalized) {
        update("DELETE FROM identity.sign_in_failures WHERE email_normalized = :emailNormalized", "emailNormalized",
                emailNormalized);
    }

    private Optional<AccountRow> findAccountIn(Handle handle, String id) {
        return handle.createQuery(schema.sql("SELECT " + ACCOUNT_COLUMNS + " FROM identity.accounts WHERE id = :id"))
                .bind("id", id)
                .mapTo(AccountRow.class)
                .findOne();
    }

    /** Runs the one-parameter statement {@code sql} on its own; returns how many rows it changed. */
    private int update(String sql, String name, Object value) {
        return ERRORS.call(() -> jdbi.withHandle(handle -> handle.createUpdate(schema.sql(sql)).bind(name, value).execute()));
    }

    private static AlreadyExistsException emailAlreadyRegistered() {
        return new AlreadyExistsException("email_already_registered", "an account with this email already exists");
    }

    private static NotFoundException accountNotFound() {
        return new NotFoundException("account_not_found", "no such account");
    }
}
