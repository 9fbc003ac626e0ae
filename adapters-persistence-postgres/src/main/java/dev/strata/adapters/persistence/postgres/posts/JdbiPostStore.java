package dev.strata.adapters.persistence.postgres.posts;

import dev.strata.adapters.persistence.postgres.DatabaseErrors;
import dev.strata.adapters.persistence.postgres.IdempotentInserts;
import dev.strata.adapters.persistence.postgres.IdempotentInserts.Keyed;
import dev.strata.adapters.persistence.postgres.SqlListQuery;
import dev.strata.adapters.persistence.postgres.SchemaNames;
import dev.strata.adapters.persistence.postgres.ServiceSchema;
import dev.strata.adapters.persistence.postgres.StrataJdbiPlugin;
import dev.strata.core.common.Created;
import dev.strata.core.common.IdempotentRequest;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.Page;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.PostId;
import dev.strata.core.posts.store.ChannelRecord;
import dev.strata.core.posts.store.ChannelUpdateRecord;
import dev.strata.core.posts.store.MemberRecord;
import dev.strata.core.posts.store.NewChannelRecord;
import dev.strata.core.posts.store.NewPostRecord;
import dev.strata.core.posts.store.PostFilter;
import dev.strata.core.posts.store.PostRecord;
import dev.strata.core.posts.store.PostStore;
import dev.strata.core.posts.store.PostUpdateRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The posts store over SQL, through JDBI, on PostgreSQL or on H2 in PostgreSQL mode; the tables are
 * in the schema {@code posts}. Each method is one statement or one transaction. Concurrent edits
 * are settled by the {@code version} column; duplicate idempotency keys and duplicate members by
 * unique constraints, never by checking first (see {@link IdempotentInserts}). Database failures
 * arrive as core exceptions (see {@link DatabaseErrors}). Thread-safe: it holds no state but the
 * {@link Jdbi}.
 */
public final class JdbiPostStore implements PostStore {

    /** The unique constraint on posts' (author_id, idempotency_key), as named in the migration. */
    private static final String POST_IDEMPOTENCY_KEY_UNIQUE_CONSTRAINT = "posts_author_idempotency_key_unique";
    /** The unique constraint on channels' (owner_id, idempotency_key), as named in the migration. */
    private static final String CHANNEL_IDEMPOTENCY_KEY_UNIQUE_CONSTRAINT = "channels_owner_idempotency_key_unique";
    /** The foreign key from a post to its channel. */
    private static final String POST_CHANNEL_FOREIGN_KEY = "posts_channel_fk";
    /** The foreign key from a member to its channel. */
    private static final String MEMBER_CHANNEL_FOREIGN_KEY = "members_channel_fk";

    private static final DatabaseErrors ERRORS = DatabaseErrors.translating(Map.of(
            POST_IDEMPOTENCY_KEY_UNIQUE_CONSTRAINT, IdempotentInserts::keyTaken,
            CHANNEL_IDEMPOTENCY_KEY_UNIQUE_CONSTRAINT, IdempotentInserts::keyTaken,
            POST_CHANNEL_FOREIGN_KEY, JdbiPostStore::channelNotFound,
            MEMBER_CHANNEL_FOREIGN_KEY, JdbiPostStore::channelNotFound));

    private static final String CHANNEL_COLUMNS = "id, name, owner_id, created_at, version, request_fingerprint";

    private static final SqlListQuery CHANNEL_LISTS = new SqlListQuery(Map.of(
            "name", SqlListQuery.column("name"),
            "created_at", SqlListQuery.column("created_at")), "id");
    private static final SqlListQuery MEMBER_LISTS = new SqlListQuery(Map.of(
            "joined_at", SqlListQuery.column("joined_at")), "account_id");

    private final Jdbi jdbi;
    private final ServiceSchema schema;

    /**
     * A store over {@code jdbi}, on which it installs {@link StrataJdbiPlugin} and the mappers of its
     * own rows; installing them again for another store on the same {@link Jdbi} does nothing.
     */
    public JdbiPostStore(Jdbi jdbi) {
        this(jdbi, SchemaNames.DEFAULT.posts());
    }

    /**
     * A store over {@code jdbi} whose tables are in the schema {@code schemaName} rather than
     * {@code posts} (the name given to {@link SchemaNames}, under which the schema was migrated); it
     * installs the same plugins as {@link #JdbiPostStore(Jdbi)}.
     */
    public JdbiPostStore(Jdbi jdbi, String schemaName) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi")
                .installPlugin(new StrataJdbiPlugin())
                .installPlugin(new PostRowMappers());
        this.schema = ServiceSchema.of(SchemaNames.DEFAULT.posts(), schemaName);
    }

    @Override
    public Created<PostRecord> insertPost(NewPostRecord post) {
        String author = post.authorId().value();
        return IdempotentInserts.insertOnce(post.idempotency(),
                () -> post.idempotency().flatMap(request -> findPostByKey(author, request.key().value()))
                        .map(row -> new Keyed<>(row.toRecord(), row.fingerprint().orElseThrow())),
                () -> {
                    ERRORS.run(() -> jdbi.useHandle(handle -> insertPostRow(handle, post)));
                    return new PostRecord(post.id(), post.authorId(), post.channelId(), post.body(), post.createdAt(),
                            post.createdAt(), 0);
                });
    }

    @Override
    public Optional<PostRecord> findPost(PostId id) {
        return ERRORS.call(() -> jdbi.withHandle(handle -> findPostIn(handle, id.value()))).map(PostRow::toRecord);
    }

    @Override
    public PostRecord updatePost(PostUpdateRecord update) {
        String id = update.id().value();
        return ERRORS.call(() -> jdbi.inTransaction(handle -> {
            int updated = handle.createUpdate(schema.sql("""
                            UPDATE posts.posts SET body = :body, updated_at = :updatedAt, version = version + 1
                            WHERE id = :id AND version = :expectedVersion
                            """))
                    .bind("id", id)
                    .bind("expectedVersion", update.expectedVersion())
                    .bind("body", update.body())
                    .bind("updatedAt", update.updatedAt())
                    .execute();
            if (updated == 0) {
                // Nothing matched: either there is no such post or it has moved on.
                throw findPostIn(handle, id).isPresent()
                        ? PreconditionFailedException.versionMismatch("the post", update.expectedVersion())
                        : new NotFoundException("post_not_found", "no such post");
            }
            return findPostIn(handle, id).orElseThrow().toRecord();
        }));
    }

    @Override
    public boolean deletePost(PostId id) {
        return ERRORS.call(() -> jdbi.withHandle(handle -> handle.createUpdate(schema.sql("DELETE FROM posts.posts WHERE id = :id"))
                .bind("id", id.value())
                .execute())) > 0;
    }

    @Override
    public Page<PostRecord> listPosts(PostFilter filter) {
        List<PostRow> rows = ERRORS.call(() -> jdbi.withHandle(handle -> PostListing.fetch(handle, filter, schema)));
        boolean hasMore = rows.size() > filter.limit();
        List<PostRecord> page = new ArrayList<>(rows.stream().limit(filter.limit()).map(PostRow::toRecord).toList());
        if (filter.backwards()) {
            Collections.reverse(page);
        }
        return new Page<>(page, hasMore);
    }

    @Override
    public Created<ChannelRecord> insertChannel(NewChannelRecord channel) {
        String owner = channel.ownerId().value();
        return IdempotentInserts.insertOnce(channel.idempotency(),
                () -> channel.idempotency().flatMap(request -> findChannelByKey(owner, request.key().value()))
                        .map(row -> new Keyed<>(row.toRecord(), row.fingerprint().orElseThrow())),
                () -> {
                    // The channel and its owner's membership, together or not at all.
                    ERRORS.run(() -> jdbi.useTransaction(handle -> {
                        insertChannelRow(handle, channel);
                        insertMember(handle, channel.id().value(), owner, channel.createdAt());
                    }));
                    return new ChannelRecord(channel.id(), channel.name(), channel.ownerId(), channel.createdAt(), 0);
                });
    }

    @Override
    public Optional<ChannelRecord> findChannel(ChannelId id) {
        return ERRORS.call(() -> jdbi.withHandle(handle -> findChannelIn(handle, id.value()))).map(ChannelRow::toRecord);
    }

    @Override
    public List<ChannelRecord> findChannelsOfMember(AccountId memberId, Set<ChannelId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return ERRORS.call(() -> jdbi.withHandle(handle -> handle
                        .createQuery(schema.sql("SELECT " + CHANNEL_COLUMNS + " FROM posts.channels WHERE id IN (<ids>)"
                                + " AND id IN (SELECT channel_id FROM posts.members WHERE account_id = :memberId)"))
                        .bindList("ids", ids.stream().map(ChannelId::value).toList())
                        .bind("memberId", memberId.value())
                        .mapTo(ChannelRow.class)
                        .list()))
                .stream().map(ChannelRow::toRecord).toList();
    }

    @Override
    public boolean isMember(ChannelId channelId, AccountId accountId) {
        return ERRORS.call(() -> jdbi.withHandle(handle -> handle
                .createQuery(schema.sql("SELECT count(*) FROM posts.members WHERE channel_id = :channelId AND account_id = :accountId"))
                .bind("channelId", channelId.value())
                .bind("accountId", accountId.value())
                .mapTo(Long.class)
                .one())) > 0;
    }

    @Override
    public boolean addMember(MemberRecord member) {
        return ERRORS.call(() -> jdbi.withHandle(handle -> insertMember(handle, member.channelId().value(),
                member.accountId().value(), member.joinedAt()))) > 0;
    }

    @Override
    public boolean removeMember(ChannelId channelId, AccountId accountId) {
        return ERRORS.call(() -> jdbi.withHandle(handle -> handle
                .createUpdate(schema.sql("DELETE FROM posts.members WHERE channel_id = :channelId AND account_id = :accountId"))
                .bind("channelId", channelId.value())
                .bind("accountId", accountId.value())
                .execute())) > 0;
    }

    @Override
    public Optional<MemberRecord> findMember(ChannelId channelId, AccountId accountId) {
        return ERRORS.call(() -> jdbi.withHandle(handle -> handle.createQuery(schema.sql("""
                                SELECT channel_id, account_id, joined_at FROM posts.members
                                WHERE channel_id = :channelId AND account_id = :accountId
                                """))
                        .bind("channelId", channelId.value())
                        .bind("accountId", accountId.value())
                        .mapTo(MemberRow.class)
                        .findOne()))
                .map(MemberRow::toRecord);
    }

    @Override
    public Page<MemberRecord> listMembers(ChannelId channelId, ListQuery query) {
        SqlListQuery.Rendered sql = MEMBER_LISTS.render(query);
        return page(query, handle -> sql.bindTo(handle.createQuery(schema.sql(
                        "SELECT channel_id, account_id, joined_at FROM posts.members WHERE channel_id = :channelId AND "
                                + sql.where() + " ORDER BY " + sql.orderBy() + " " + sql.limitOffset())))
                .bind("channelId", channelId.value())
                .mapTo(MemberRow.class)
                .list(), MemberRow::toRecord);
    }

    @Override
    public Page<ChannelRecord> listChannels(AccountId memberId, ListQuery query) {
        SqlListQuery.Rendered sql = CHANNEL_LISTS.render(query);
        return page(query, handle -> sql.bindTo(handle.createQuery(schema.sql("SELECT " + CHANNEL_COLUMNS + " FROM posts.channels"
                                + " WHERE id IN (SELECT channel_id FROM posts.members WHERE account_id = :memberId) AND "
                                + sql.where() + " ORDER BY " + sql.orderBy() + " " + sql.limitOffset())))
                .bind("memberId", memberId.value())
                .mapTo(ChannelRow.class)
                .list(), ChannelRow::toRecord);
    }

    @Override
    public ChannelRecord updateChannel(ChannelUpdateRecord update) {
        String id = update.id().value();
        return ERRORS.call(() -> jdbi.inTransaction(handle -> {
            int updated = handle.createUpdate(schema.sql("""
                            UPDATE posts.channels SET name = :name, version = version + 1
                            WHERE id = :id AND version = :expectedVersion
                            """))
                    .bind("id", id)
                    .bind("expectedVersion", update.expectedVersion())
                    .bind("name", update.name())
                    .execute();
            Optional<ChannelRow> row = findChannelIn(handle, id);
            if (updated == 0) {
                // Nothing matched: either there is no such channel or it has moved on.
                throw row.isPresent()
                        ? PreconditionFailedException.versionMismatch("the channel", update.expectedVersion())
                        : channelNotFound();
            }
            return row.orElseThrow().toRecord();
        }));
    }

    @Override
    public boolean deleteChannel(ChannelId id) {
        // Its posts and members go with it: posts_channel_fk and members_channel_fk cascade.
        return ERRORS.call(() -> jdbi.withHandle(handle -> handle.createUpdate(schema.sql("DELETE FROM posts.channels WHERE id = :id"))
                .bind("id", id.value())
                .execute())) > 0;
    }

    @Override
    public void deleteAccountContent(AccountId accountId) {
        ERRORS.run(() -> jdbi.useTransaction(handle -> {
            for (String delete : List.of(
                    "DELETE FROM posts.channels WHERE owner_id = :accountId",
                    "DELETE FROM posts.posts WHERE author_id = :accountId",
                    "DELETE FROM posts.members WHERE account_id = :accountId")) {
                handle.createUpdate(schema.sql(delete)).bind("accountId", accountId.value()).execute();
            }
        }));
    }

    /** One page of the rows {@code read} reads (one more than the limit), turned back when reading backwards. */
    private <R, T> Page<T> page(ListQuery query, Function<Handle, List<R>> read, Function<R, T> toRecord) {
        List<R> rows = ERRORS.call(() -> jdbi.withHandle(read::apply));
        boolean hasMore = rows.size() > query.limit();
        List<T> page = new ArrayList<>(rows.stream().limit(query.limit()).map(toRecord).toList());
        if (query.cursor().map(KeysetCursor::before).orElse(false)) {
            Collections.reverse(page);
        }
        return new Page<>(page, hasMore);
    }

    private Optional<ChannelRow> findChannelIn(Handle handle, String id) {
        return handle.createQuery(schema.sql("SELECT " + CHANNEL_COLUMNS + " FROM posts.channels WHERE id = :id"))
                .bind("id", id)
                .mapTo(ChannelRow.class)
                .findOne();
    }

    private Optional<PostRow> findPostByKey(String author, String key) {
        return ERRORS.call(() -> jdbi.withHandle(handle -> handle
                .createQuery(schema.sql("SELECT " + PostRow.COLUMNS
                        + " FROM posts.posts WHERE author_id = :authorId AND idempotency_key = :key"))
                .bind("authorId", author)
                .bind("key", key)
                .mapTo(PostRow.class)
                .findOne()));
    }

    private Optional<PostRow> findPostIn(Handle handle, String id) {
        return handle.createQuery(schema.sql("SELECT " + PostRow.COLUMNS + " FROM posts.posts WHERE id = :id"))
                .bind("id", id)
                .mapTo(PostRow.class)
                .findOne();
    }

    private void insertPostRow(Handle handle, NewPostRecord post) {
        handle.createUpdate(schema.sql("""
                        INSERT INTO posts.posts
                            (id, author_id, channel_id, body, created_at, updated_at, version, idempotency_key,
                             request_fingerprint)
                        VALUES (:id, :authorId, :channelId, :body, :createdAt, :createdAt, 0, :idempotencyKey,
                                :requestFingerprint)
                        """))
                .bind("id", post.id().value())
                .bind("authorId", post.authorId().value())
                .bind("channelId", post.channelId().map(ChannelId::value).orElse(null))
                .bind("body", post.body())
                .bind("createdAt", post.createdAt())
                .bind("idempotencyKey", keyOf(post.idempotency()))
                .bind("requestFingerprint", fingerprintOf(post.idempotency()))
                .execute();
    }

    private Optional<ChannelRow> findChannelByKey(String owner, String key) {
        return ERRORS.call(() -> jdbi.withHandle(handle -> handle
                .createQuery(schema.sql("SELECT " + CHANNEL_COLUMNS
                        + " FROM posts.channels WHERE owner_id = :ownerId AND idempotency_key = :key"))
                .bind("ownerId", owner)
                .bind("key", key)
                .mapTo(ChannelRow.class)
                .findOne()));
    }

    private void insertChannelRow(Handle handle, NewChannelRecord channel) {
        handle.createUpdate(schema.sql("""
                        INSERT INTO posts.channels
                            (id, name, owner_id, created_at, version, idempotency_key, request_fingerprint)
                        VALUES (:id, :name, :ownerId, :createdAt, 0, :idempotencyKey, :requestFingerprint)
                        """))
                .bind("id", channel.id().value())
                .bind("name", channel.name())
                .bind("ownerId", channel.ownerId().value())
                .bind("createdAt", channel.createdAt())
                .bind("idempotencyKey", keyOf(channel.idempotency()))
                .bind("requestFingerprint", fingerprintOf(channel.idempotency()))
                .execute();
    }

    /**
     * Adds a member unless it is one already; returns 1 if it added it. {@code ON CONFLICT DO
     * NOTHING} settles concurrent adds of the same member without an error.
     */
    private int insertMember(Handle handle, String channelId, String accountId, Instant joinedAt) {
        return handle.createUpdate(schema.sql("""
                        INSERT INTO posts.members (channel_id, account_id, joined_at)
                        VALUES (:channelId, :accountId, :joinedAt)
                        ON CONFLICT DO NOTHING
                        """))
                .bind("channelId", channelId)
                .bind("accountId", accountId)
                .bind("joinedAt", joinedAt)
                .execute();
    }

    private static String keyOf(Optional<IdempotentRequest> request) {
        return request.map(value -> value.key().value()).orElse(null);
    }

    private static String fingerprintOf(Optional<IdempotentRequest> request) {
        return request.map(value -> value.fingerprint().value()).orElse(null);
    }

    private static NotFoundException channelNotFound() {
        return new NotFoundException("channel_not_found", "no such channel");
    }
}
