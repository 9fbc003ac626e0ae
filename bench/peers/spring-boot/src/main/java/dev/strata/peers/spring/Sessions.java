package dev.strata.peers.spring;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Authenticates callers: the token's signature, then one SELECT of its session with its account. */
@Repository
public class Sessions {

    private static final String BEARER = "Bearer ";

    private final JdbcClient jdbc;
    private final Tokens tokens;

    public Sessions(JdbcClient jdbc, Tokens tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    /**
     * The caller an {@code Authorization} header names.
     *
     * @throws Unauthorized when it names none: no bearer token, a bad signature, or no live session
     */
    public Caller authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new Unauthorized();
        }
        return tokens.sessionOf(authorization.substring(BEARER.length()).strip())
                .flatMap(this::find)
                .filter(caller -> caller.expiresAt().isAfter(Instant.now()))
                .orElseThrow(Unauthorized::new);
    }

    private Optional<Caller> find(String sessionId) {
        return jdbc.sql("""
                        SELECT session_id, session_created_at, expires_at, account_id, email, display_name,
                               account_created_at, account_updated_at, account_version
                        FROM identity.session_accounts
                        WHERE session_id = ?
                        """)
                .param(sessionId)
                .query((row, number) -> new Caller(row.getString("session_id"),
                        instant(row.getObject("session_created_at", OffsetDateTime.class)),
                        instant(row.getObject("expires_at", OffsetDateTime.class)), row.getString("account_id"),
                        row.getString("email"), row.getString("display_name"),
                        instant(row.getObject("account_created_at", OffsetDateTime.class)),
                        instant(row.getObject("account_updated_at", OffsetDateTime.class)),
                        row.getLong("account_version")))
                .optional();
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
