package dev.strata.adapters.persistence.postgres.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.spi.JdbiPlugin;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Registers how each identity row is read, column by column. Written out rather than left to
 * JDBI's reflective mappers, which cannot reach package-private records; installed once per
 * {@link Jdbi} (it is a {@link JdbiPlugin.Singleton}), and invisible outside this package because
 * the row types are.
 */
final class IdentityRowMappers extends JdbiPlugin.Singleton {

    @Override
    public void customizeJdbi(Jdbi jdbi) {
        jdbi.registerRowMapper(AccountRow.class, IdentityRowMappers::account);
        jdbi.registerRowMapper(SessionRow.class, IdentityRowMappers::session);
        jdbi.registerRowMapper(SessionAccountRow.class, IdentityRowMappers::sessionAccount);
        jdbi.registerRowMapper(SignInFailuresRow.class, IdentityRowMappers::signInFailures);
    }

    private static AccountRow account(ResultSet results, StatementContext context) throws SQLException {
        return new AccountRow(results.getString("id"), results.getString("email"),
                results.getString("email_normalized"), results.getString("display_name"),
                results.getString("password_hash"), instant(results, "created_at", context),
                instant(results, "updated_at", context), results.getLong("version"));
    }

    private static SessionRow session(ResultSet results, StatementContext context) throws SQLException {
        return new SessionRow(results.getString("id"), results.getString("account_id"),
                instant(results, "created_at", context), instant(results, "expires_at", context));
    }

    private static SessionAccountRow sessionAccount(ResultSet results, StatementContext context) throws SQLException {
        return new SessionAccountRow(results.getString("session_id"), results.getString("account_id"),
                instant(results, "session_created_at", context), instant(results, "expires_at", context),
                results.getString("email"), results.getString("email_normalized"), results.getString("display_name"),
                results.getString("password_hash"), instant(results, "account_created_at", context),
                instant(results, "account_updated_at", context), results.getLong("account_version"));
    }

    private static SignInFailuresRow signInFailures(ResultSet results, StatementContext context) throws SQLException {
        return new SignInFailuresRow(results.getLong("failures"), instant(results, "oldest", context));
    }

    /** Read by the column mapper {@code StrataJdbiPlugin} registered, the one way instants are read. */
    private static Instant instant(ResultSet results, String column, StatementContext context) throws SQLException {
        return context.findColumnMapperFor(Instant.class)
                .orElseThrow(() -> new IllegalStateException("StrataJdbiPlugin is not installed"))
                .map(results, column, context);
    }
}
