package dev.strata.adapters.persistence.postgres.identity;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL over {@code identity.sign_in_failures}. */
interface SignInFailureDao {

    @SqlUpdate("INSERT INTO identity.sign_in_failures (email_normalized, failed_at) VALUES (:emailNormalized, :failedAt)")
    void insert(@Bind("emailNormalized") String emailNormalized, @Bind("failedAt") Instant failedAt);

    @SqlUpdate("DELETE FROM identity.sign_in_failures WHERE email_normalized = :emailNormalized AND failed_at < :forgetBefore")
    int deleteOlderThan(@Bind("emailNormalized") String emailNormalized, @Bind("forgetBefore") Instant forgetBefore);

    @SqlUpdate("DELETE FROM identity.sign_in_failures WHERE failed_at < :cutoff")
    int deleteAllOlderThan(@Bind("cutoff") Instant cutoff);

    @SqlQuery("""
            SELECT count(*) AS failures, min(failed_at) AS oldest
            FROM identity.sign_in_failures
            WHERE email_normalized = :emailNormalized AND failed_at > :since
            """)
    SignInFailuresRow countSince(@Bind("emailNormalized") String emailNormalized, @Bind("since") Instant since);

    @SqlUpdate("DELETE FROM identity.sign_in_failures WHERE email_normalized = :emailNormalized")
    int deleteAllOf(@Bind("emailNormalized") String emailNormalized);
}
