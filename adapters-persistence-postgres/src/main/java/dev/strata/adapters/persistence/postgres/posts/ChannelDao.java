package dev.strata.adapters.persistence.postgres.posts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL over {@code posts.channels} and {@code posts.members}. */
interface ChannelDao {

    /** The unique constraint on (owner_id, idempotency_key), as named in the migration. */
    String IDEMPOTENCY_KEY_UNIQUE_CONSTRAINT = "channels_owner_idempotency_key_unique";
    /** The foreign key from a member to its channel. */
    String MEMBER_CHANNEL_FOREIGN_KEY = "members_channel_fk";

    String COLUMNS = "id, name, owner_id, created_at, version, request_fingerprint";

    @SqlUpdate("""
            INSERT INTO posts.channels (id, name, owner_id, created_at, version, idempotency_key, request_fingerprint)
            VALUES (:id, :name, :ownerId, :createdAt, 0, :idempotencyKey, :requestFingerprint)
            """)
    void insert(@Bind("id") String id, @Bind("name") String name, @Bind("ownerId") String ownerId,
            @Bind("createdAt") Instant createdAt, @Bind("idempotencyKey") String idempotencyKey,
            @Bind("requestFingerprint") String requestFingerprint);

    @SqlQuery("SELECT " + COLUMNS + " FROM posts.channels WHERE id = :id")
    Optional<ChannelRow> findById(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM posts.channels WHERE owner_id = :ownerId AND idempotency_key = :key")
    Optional<ChannelRow> findByKey(@Bind("ownerId") String ownerId, @Bind("key") String key);

    /**
     * Adds a member unless it is one already; returns 1 if it added it. {@code ON CONFLICT DO
     * NOTHING} settles concurrent adds of the same member without an error.
     */
    @SqlUpdate("""
            INSERT INTO posts.members (channel_id, account_id, joined_at) VALUES (:channelId, :accountId, :joinedAt)
            ON CONFLICT DO NOTHING
            """)
    int insertMember(@Bind("channelId") String channelId, @Bind("accountId") String accountId,
            @Bind("joinedAt") Instant joinedAt);

    @SqlUpdate("DELETE FROM posts.members WHERE channel_id = :channelId AND account_id = :accountId")
    int deleteMember(@Bind("channelId") String channelId, @Bind("accountId") String accountId);

    @SqlQuery("SELECT count(*) FROM posts.members WHERE channel_id = :channelId AND account_id = :accountId")
    int countMember(@Bind("channelId") String channelId, @Bind("accountId") String accountId);

    @SqlQuery("""
            SELECT channel_id, account_id, joined_at FROM posts.members WHERE channel_id = :channelId
            ORDER BY joined_at, account_id
            """)
    List<MemberRow> listMembers(@Bind("channelId") String channelId);
}
