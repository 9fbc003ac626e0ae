package dev.strata.bench.peers.quarkus;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Authenticates a request's {@code Authorization: Bearer <token>}: the token's MAC, then one SELECT
 * of the session with its account from the view the Strata app made for this,
 * {@code identity.session_accounts}. A missing header is {@code authentication_required}; a
 * malformed, forged, unknown or expired token is {@code invalid_token}, all alike.
 */
@ApplicationScoped
public class Sessions {

    private static final String SCHEME = "Bearer ";
    private static final String FIND = """
            SELECT session_id, session_created_at, expires_at, account_id, email, display_name,
                   account_created_at, account_updated_at, account_version
            FROM identity.session_accounts
            WHERE session_id = ?
            """;

    private final AgroalDataSource dataSource;
    private final TokenVerifier tokens;

    Sessions(AgroalDataSource dataSource, TokenVerifier tokens) {
        this.dataSource = dataSource;
        this.tokens = tokens;
    }

    /**
     * The caller that sent this {@code Authorization} header value.
     *
     * @throws Problem 401 when there is no header, or no live session behind it
     */
    public Caller authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw Problem.unauthorized("authentication_required",
                    "this resource needs a bearer token: sign in at POST /v1/sessions");
        }
        if (authorization.length() <= SCHEME.length() || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw Problem.unauthorized("invalid_token", "the Authorization header must be 'Bearer <token>'");
        }
        return tokens.verify(authorization.substring(SCHEME.length()).strip())
                .flatMap(this::find)
                .filter(caller -> caller.expiresAt().isAfter(Instant.now()))
                .orElseThrow(() -> Problem.unauthorized("invalid_token", "the bearer token is not valid; sign in again"));
    }

    private Optional<Caller> find(String sessionId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(FIND)) {
            select.setString(1, sessionId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Caller(row.getString(1), instant(row, 2), instant(row, 3), row.getString(4),
                        row.getString(5), row.getString(6), instant(row, 7), instant(row, 8), row.getLong(9)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the session could not be read", e);
        }
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
