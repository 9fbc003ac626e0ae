package dev.strata.adapters.persistence.postgres.posts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.spi.JdbiPlugin;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Registers how each posts row is read, column by column (JDBI's reflective mappers cannot reach
 * package-private records). Installed once per {@link Jdbi}: it is a {@link JdbiPlugin.Singleton}.
 */
final class PostRowMappers extends JdbiPlugin.Singleton {

    @Override
    public void customizeJdbi(Jdbi jdbi) {
        jdbi.registerRowMapper(PostRow.class, PostRowMappers::post);
        jdbi.registerRowMapper(ChannelRow.class, PostRowMappers::channel);
        jdbi.registerRowMapper(MemberRow.class, PostRowMappers::member);
    }

    private static PostRow post(ResultSet results, StatementContext context) throws SQLException {
        return new PostRow(results.getString("id"), results.getString("author_id"), results.getString("channel_id"),
                results.getString("body"), instant(results, "created_at", context),
                instant(results, "updated_at", context), results.getLong("version"),
                results.getString("request_fingerprint"));
    }

    private static ChannelRow channel(ResultSet results, StatementContext context) throws SQLException {
        return new ChannelRow(results.getString("id"), results.getString("name"), results.getString("owner_id"),
                instant(results, "created_at", context), results.getLong("version"),
                results.getString("request_fingerprint"));
    }

    private static MemberRow member(ResultSet results, StatementContext context) throws SQLException {
        return new MemberRow(results.getString("channel_id"), results.getString("account_id"),
                instant(results, "joined_at", context));
    }

    /** Read by the column mapper {@code StrataJdbiPlugin} registered, the one way instants are read. */
    private static Instant instant(ResultSet results, String column, StatementContext context) throws SQLException {
        return context.findColumnMapperFor(Instant.class)
                .orElseThrow(() -> new IllegalStateException("StrataJdbiPlugin is not installed"))
                .map(results, column, context);
    }
}
