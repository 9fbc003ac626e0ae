package dev.strata.adapters.persistence.postgres.identity;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL over {@code identity.accounts}. */
interface AccountDao {

    /** The unique constraint on {@code email_normalized}, as named in the migration. */
    String EMAIL_UNIQUE_CONSTRAINT = "accounts_email_normalized_unique";

    String COLUMNS = "id, email, email_normalized, display_name, password_hash, created_at, updated_at, version";

    @SqlUpdate("""
            INSERT INTO identity.accounts
                (id, email, email_normalized, display_name, password_hash, created_at, updated_at, version)
            VALUES (:id, :email, :emailNormalized, :displayName, :passwordHash, :createdAt, :createdAt, 0)
            """)
    void insert(@Bind("id") String id, @Bind("email") String email, @Bind("emailNormalized") String emailNormalized,
            @Bind("displayName") String displayName, @Bind("passwordHash") String passwordHash,
            @Bind("createdAt") Instant createdAt);

    @SqlQuery("SELECT " + COLUMNS + " FROM identity.accounts WHERE id = :id")
    Optional<AccountRow> findById(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM identity.accounts WHERE email_normalized = :emailNormalized")
    Optional<AccountRow> findByEmailNormalized(@Bind("emailNormalized") String emailNormalized);

    /** Writes the new state only at {@code expectedVersion}; returns 1 if it did, 0 if not. */
    @SqlUpdate("""
            UPDATE identity.accounts
            SET email = :email, email_normalized = :emailNormalized, display_name = :displayName,
                password_hash = :passwordHash, updated_at = :updatedAt, version = version + 1
            WHERE id = :id AND version = :expectedVersion
            """)
    int updateAtVersion(@Bind("id") String id, @Bind("expectedVersion") long expectedVersion,
            @Bind("email") String email, @Bind("emailNormalized") String emailNormalized,
            @Bind("displayName") String displayName, @Bind("passwordHash") String passwordHash,
            @Bind("updatedAt") Instant updatedAt);
}
