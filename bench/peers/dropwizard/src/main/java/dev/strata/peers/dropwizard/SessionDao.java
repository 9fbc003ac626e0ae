package dev.strata.peers.dropwizard;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Sessions with their accounts, in one query of Strata's {@code identity.session_accounts} view. */
public interface SessionDao {

    @SqlQuery("""
            SELECT session_id, session_created_at, expires_at, account_id, email, display_name,
                   account_created_at, account_updated_at, account_version
            FROM identity.session_accounts
            WHERE session_id = :id
            """)
    @RegisterConstructorMapper(Caller.class)
    Optional<Caller> find(@Bind("id") String sessionId);
}
