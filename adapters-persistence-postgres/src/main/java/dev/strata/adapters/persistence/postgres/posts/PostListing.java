package dev.strata.adapters.persistence.postgres.posts;

import dev.strata.adapters.persistence.postgres.ServiceSchema;
import dev.strata.core.posts.store.PostFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The one dynamic query of the posts store: a page of posts for a {@link PostFilter}, newest first
 * by {@code (created_at, id)}. Every criterion is a fixed SQL fragment with bound values, never
 * text from the caller. Text search is {@code body ILIKE '%...%'} on both databases; on PostgreSQL
 * the trigram GIN index {@code posts_body_trigram_idx} serves it.
 */
final class PostListing {

    /** The escape character of LIKE patterns; not a backslash, which SQL lexers treat unevenly. */
    private static final char ESCAPE = '!';

    private PostListing() {
    }

    /** A statement and the values bound to its named parameters. */
    record Statement(String sql, Map<String, Object> values) {

        /** The same statement on the tables of {@code schema}. */
        Statement in(ServiceSchema schema) {
            return new Statement(schema.sql(sql), values);
        }

        Query bindTo(Handle handle, String prefix) {
            Query query = handle.createQuery(prefix + sql);
            values.forEach(query::bind);
            return query;
        }
    }

    /**
     * Up to {@code filter.limit() + 1} rows, in reading order (oldest first when reading
     * backwards): the extra one only tells whether more follow.
     */
    static List<PostRow> fetch(Handle handle, PostFilter filter, ServiceSchema schema) {
        return statementFor(filter).in(schema).bindTo(handle, "").mapTo(PostRow.class).list();
    }

    /** The query for {@code filter}. */
    static Statement statementFor(PostFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + PostRow.COLUMNS + " FROM posts.posts WHERE ")
                .append("(channel_id IS NULL OR channel_id IN ")
                .append("(SELECT channel_id FROM posts.members WHERE account_id = :viewer))");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("viewer", filter.viewer().value());
        filter.author().ifPresent(author -> {
            sql.append(" AND author_id = :author");
            values.put("author", author.value());
        });
        filter.channel().ifPresent(channel -> {
            sql.append(" AND channel_id = :channel");
            values.put("channel", channel.value());
        });
        filter.from().ifPresent(from -> {
            sql.append(" AND created_at >= :from");
            values.put("from", from);
        });
        filter.before().ifPresent(before -> {
            sql.append(" AND created_at < :before");
            values.put("before", before);
        });
        filter.text().ifPresent(text -> {
            sql.append(" AND body ILIKE :pattern ESCAPE '").append(ESCAPE).append("'");
            values.put("pattern", "%" + escapeLike(text) + "%");
        });
        filter.after().ifPresent(cursor -> {
            // Newest first, "after" is older; a previous page reads the newer side, nearest first.
            sql.append(filter.backwards() ? " AND (created_at, id) > (:afterCreatedAt, :afterId)"
                    : " AND (created_at, id) < (:afterCreatedAt, :afterId)");
            values.put("afterCreatedAt", cursor.createdAt());
            values.put("afterId", cursor.id().value());
        });
        sql.append(filter.backwards() ? " ORDER BY created_at ASC, id ASC LIMIT :limit"
                : " ORDER BY created_at DESC, id DESC LIMIT :limit");
        values.put("limit", filter.limit() + 1);

        return new Statement(sql.toString(), values);
    }

    /** {@code text} as a LIKE pattern that matches it literally: its wildcards escaped. */
    static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == ESCAPE) {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
