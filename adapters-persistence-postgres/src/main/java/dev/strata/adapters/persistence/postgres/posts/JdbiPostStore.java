package dev.strata.adapters.persistence.postgres.posts;

import dev.strata.adapters.persistence.postgres.DatabaseErrors;
import dev.strata.adapters.persistence.postgres.IdempotentInserts;
import dev.strata.adapters.persistence.postgres.IdempotentInserts.Keyed;
import dev.strata.adapters.persistence.postgres.StrataJdbiPlugin;
import dev.strata.core.common.Created;
import dev.strata.core.common.IdempotentRequest;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.Page;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.PostId;
import dev.strata.core.posts.store.ChannelRecord;
import dev.strata.core.posts.store.MemberRecord;
import dev.strata.core.posts.store.NewChannelRecord;
import dev.strata.core.posts.store.NewPostRecord;
import dev.strata.core.posts.store.PostFilter;
import dev.strata.core.posts.store.PostRecord;
import dev.strata.core.posts.store.PostStore;
import dev.strata.core.posts.store.PostUpdateRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    private static final DatabaseErrors ERRORS = DatabaseErrors.translating(Map.of(
            PostDao.IDEMPOTENCY_KEY_UNIQUE_CONSTRAINT, IdempotentInserts::keyTaken,
            ChannelDao.IDEMPOTENCY_KEY_UNIQUE_CONSTRAINT, IdempotentInserts::keyTaken,
            PostDao.CHANNEL_FOREIGN_KEY, JdbiPostStore::channelNotFound,
            ChannelDao.MEMBER_CHANNEL_FOREIGN_KEY, JdbiPostStore::channelNotFound));

    private final Jdbi jdbi;

    /**
     * A store over {@code jdbi}, on which it installs {@link StrataJdbiPlugin} and the mappers of its
     * own rows; installing them again for another store on the same {@link Jdbi} does nothing.
     */
    public JdbiPostStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi")
                .installPlugin(new StrataJdbiPlugin())
                .installPlugin(new PostRowMappers());
    }

    @Override
    public Created<PostRecord> insertPost(NewPostRecord post) {
        String author = post.authorId().value();
        return IdempotentInserts.insertOnce(post.idempotency(),
                () -> post.idempotency().flatMap(request -> ERRORS.call(() -> jdbi.withExtension(PostDao.class,
                        posts -> posts.findByKey(author, request.key().value()))))
                        .map(row -> new Keyed<>(row.toRecord(), row.fingerprint().orElseThrow())),
                () -> {
                    ERRORS.run(() -> jdbi.useExtension(PostDao.class, posts -> posts.insert(post.id().value(), author,
                            post.channelId().map(ChannelId::value).orElse(null), post.body(), post.createdAt(),
                            keyOf(post.idempotency()), fingerprintOf(post.idempotency()))));
                    return new PostRecord(post.id(), post.authorId(), post.channelId(), post.body(), post.createdAt(),
                            post.createdAt(), 0);
                });
    }

    @Override
    public Optional<PostRecord> findPost(PostId id) {
        return ERRORS.call(() -> jdbi.withExtension(PostDao.class, posts -> posts.findById(id.value())))
                .map(PostRow::toRecord);
    }

    @Override
    public PostRecord updatePost(PostUpdateRecord update) {
        String id = update.id().value();
        return ERRORS.call(() -> jdbi.inTransaction(handle -> {
            PostDao posts = handle.attach(PostDao.class);
            if (posts.updateAtVersion(id, update.expectedVersion(), update.body(), update.updatedAt()) == 0) {
                // Nothing matched: either there is no such post or it has moved on.
                throw posts.findById(id).isPresent()
                        ? PreconditionFailedException.versionMismatch("the post", update.expectedVersion())
                        : new NotFoundException("post_not_found", "no such post");
            }
            return posts.findById(id).orElseThrow().toRecord();
        }));
    }

    @Override
    public boolean deletePost(PostId id) {
        return ERRORS.call(() -> jdbi.withExtension(PostDao.class, posts -> posts.delete(id.value()))) > 0;
    }

    @Override
    public Page<PostRecord> listPosts(PostFilter filter) {
        List<PostRow> rows = ERRORS.call(() -> jdbi.withHandle(handle -> PostListing.fetch(handle, filter)));
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
                () -> channel.idempotency().flatMap(request -> ERRORS.call(() -> jdbi.withExtension(ChannelDao.class,
                        channels -> channels.findByKey(owner, request.key().value()))))
                        .map(row -> new Keyed<>(row.toRecord(), row.fingerprint().orElseThrow())),
                () -> {
                    // The channel and its owner's membership, together or not at all.
                    ERRORS.run(() -> jdbi.useTransaction(handle -> {
                        ChannelDao channels = handle.attach(ChannelDao.class);
                        channels.insert(channel.id().value(), channel.name(), owner, channel.createdAt(),
                                keyOf(channel.idempotency()), fingerprintOf(channel.idempotency()));
                        channels.insertMember(channel.id().value(), owner, channel.createdAt());
                    }));
                    return new ChannelRecord(channel.id(), channel.name(), channel.ownerId(), channel.createdAt(), 0);
                });
    }

    @Override
    public Optional<ChannelRecord> findChannel(ChannelId id) {
        return ERRORS.call(() -> jdbi.withExtension(ChannelDao.class, channels -> channels.findById(id.value())))
                .map(ChannelRow::toRecord);
    }

    @Override
    public boolean isMember(ChannelId channelId, AccountId accountId) {
        return ERRORS.call(() -> jdbi.withExtension(ChannelDao.class,
                channels -> channels.countMember(channelId.value(), accountId.value()))) > 0;
    }

    @Override
    public boolean addMember(MemberRecord member) {
        return ERRORS.call(() -> jdbi.withExtension(ChannelDao.class, channels -> channels.insertMember(
                member.channelId().value(), member.accountId().value(), member.joinedAt()))) > 0;
    }

    @Override
    public boolean removeMember(ChannelId channelId, AccountId accountId) {
        return ERRORS.call(() -> jdbi.withExtension(ChannelDao.class,
                channels -> channels.deleteMember(channelId.value(), accountId.value()))) > 0;
    }

    @Override
    public List<MemberRecord> listMembers(ChannelId channelId) {
        return ERRORS.call(() -> jdbi.withExtension(ChannelDao.class, channels -> channels.listMembers(channelId.value())))
                .stream().map(MemberRow::toRecord).toList();
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
