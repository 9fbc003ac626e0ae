package dev.strata.adapters.persistence.postgres.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL over {@code identity.sessions} and the view {@code identity.session_accounts}. */
interface SessionDao {

    /** The foreign key from a session to its account, as named in the migration. */
    String ACCOUNT_FOREIGN_KEY = "sessions_account_fk";

    @SqlUpdate("""
            INSERT INTO identity.sessions (id, account_id, created_at, expires_at)
            VALUES (:id, :accountId, :createdAt, :expiresAt)
            """)
    void insert(@Bind("id") String id, @Bind("accountId") String accountId, @Bind("createdAt") Instant createdAt,
            @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("""
            SELECT session_id, account_id, session_created_at, expires_at, email, email_normalized, display_name,
                   password_hash, account_created_at, account_updated_at, account_version
            FROM identity.session_accounts
            WHERE session_id = :id
            """)
    Optional<SessionAccountRow> findWithAccount(@Bind("id") String id);

    @SqlQuery("""
            SELECT id, account_id, created_at, expires_at
            FROM identity.sessions
            WHERE account_id = :accountId AND expires_at > :liveAt
            ORDER BY created_at DESC, id DESC
            """)
    List<SessionRow> listLive(@Bind("accountId") String accountId, @Bind("liveAt") Instant liveAt);

    @SqlUpdate("DELETE FROM identity.sessions WHERE id = :id")
    int delete(@Bind("id") String id);

    @SqlUpdate("DELETE FROM identity.sessions WHERE account_id = :accountId")
    int deleteAllOf(@Bind("accountId") String accountId);

    @SqlUpdate("DELETE FROM identity.sessions WHERE account_id = :accountId AND id <> :keptId")
    int deleteAllOfExcept(@Bind("accountId") String accountId, @Bind("keptId") String keptId);

    @SqlUpdate("DELETE FROM identity.sessions WHERE expires_at <= :cutoff")
    int deleteExpiredAtOrBefore(@Bind("cutoff") Instant cutoff);
}
