package dev.strata.adapters.persistence.postgres.posts;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL over {@code posts.posts}, except listing, which {@link PostListing} builds. */
interface PostDao {

    /** The unique constraint on (author_id, idempotency_key), as named in the migration. */
    String IDEMPOTENCY_KEY_UNIQUE_CONSTRAINT = "posts_author_idempotency_key_unique";
    /** The foreign key from a post to its channel. */
    String CHANNEL_FOREIGN_KEY = "posts_channel_fk";

    String COLUMNS = "id, author_id, channel_id, body, created_at, updated_at, version, request_fingerprint";

    @SqlUpdate("""
            INSERT INTO posts.posts
                (id, author_id, channel_id, body, created_at, updated_at, version, idempotency_key, request_fingerprint)
            VALUES (:id, :authorId, :channelId, :body, :createdAt, :createdAt, 0, :idempotencyKey, :requestFingerprint)
            """)
    void insert(@Bind("id") String id, @Bind("authorId") String authorId, @Bind("channelId") String channelId,
            @Bind("body") String body, @Bind("createdAt") Instant createdAt,
            @Bind("idempotencyKey") String idempotencyKey, @Bind("requestFingerprint") String requestFingerprint);

    @SqlQuery("SELECT " + COLUMNS + " FROM posts.posts WHERE id = :id")
    Optional<PostRow> findById(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM posts.posts WHERE author_id = :authorId AND idempotency_key = :key")
    Optional<PostRow> findByKey(@Bind("authorId") String authorId, @Bind("key") String key);

    /** Writes the new body only at {@code expectedVersion}; returns 1 if it did, 0 if not. */
    @SqlUpdate("""
            UPDATE posts.posts SET body = :body, updated_at = :updatedAt, version = version + 1
            WHERE id = :id AND version = :expectedVersion
            """)
    int updateAtVersion(@Bind("id") String id, @Bind("expectedVersion") long expectedVersion,
            @Bind("body") String body, @Bind("updatedAt") Instant updatedAt);

    @SqlUpdate("DELETE FROM posts.posts WHERE id = :id")
    int delete(@Bind("id") String id);
}
