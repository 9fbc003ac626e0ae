package dev.strata.adapters.persistence.memory.posts;

import dev.strata.adapters.persistence.memory.Guarded;
import dev.strata.adapters.persistence.memory.ListQueries;
import dev.strata.core.common.Created;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.IdempotentRequest;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.Page;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.common.RequestFingerprint;
import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.PostCursor;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link PostStore} in memory, with the same conflict, ordering and idempotency behaviour as the
 * database stores (the shared contract suite proves it). Nothing survives the process.
 *
 * <p>Thread-safe: every method is atomic; idempotent inserts look the key up and insert under one
 * write lock, so concurrent duplicates cannot both insert.
 */
public final class InMemoryPostStore implements PostStore {

    /** Newest first: (created_at, id) descending, as every list is ordered. */
    private static final Comparator<PostCursor> NEWEST_FIRST =
            Comparator.comparing(PostCursor::createdAt).thenComparing(cursor -> cursor.id().value()).reversed();

    private static final ListQueries<ChannelRecord> CHANNEL_LISTS = new ListQueries<>((channel, field) -> switch (field) {
        case "name" -> channel.name();
        case "created_at" -> channel.createdAt();
        default -> throw new IllegalArgumentException("no channel field " + field);
    }, channel -> channel.id().value());

    private static final ListQueries<MemberRecord> MEMBER_LISTS = new ListQueries<>((member, field) -> switch (field) {
        case "joined_at" -> member.joinedAt();
        default -> throw new IllegalArgumentException("no member field " + field);
    }, member -> member.accountId().value());

    private final Guarded guarded = new Guarded();
    private final Map<PostId, PostRecord> posts = new HashMap<>();
    private final TreeMap<PostCursor, PostId> postsInOrder = new TreeMap<>(NEWEST_FIRST);
    private final Map<OwnedKey, Keyed<PostId>> postKeys = new HashMap<>();
    private final Map<PostId, OwnedKey> keyOfPost = new HashMap<>();
    private final Map<ChannelId, ChannelRecord> channels = new HashMap<>();
    private final Map<OwnedKey, Keyed<ChannelId>> channelKeys = new HashMap<>();
    private final Map<ChannelId, Map<AccountId, MemberRecord>> members = new HashMap<>();

    /** An idempotency key as scoped: per author (posts) or per owner (channels). */
    private record OwnedKey(AccountId owner, IdempotencyKey key) {
    }

    private record Keyed<T>(T id, RequestFingerprint fingerprint) {
    }

    @Override
    public Created<PostRecord> insertPost(NewPostRecord post) {
        PostRecord record = new PostRecord(post.id(), post.authorId(), post.channelId(), post.body(), post.createdAt(),
                post.createdAt(), 0);
        return guarded.write(() -> insertOnce(post.idempotency(), post.authorId(), postKeys,
                id -> posts.get(id), () -> {
                    if (post.channelId().isPresent() && !channels.containsKey(post.channelId().get())) {
                        throw channelNotFound();
                    }
                    posts.put(record.id(), record);
                    postsInOrder.put(cursorOf(record), record.id());
                    post.idempotency().ifPresent(request -> {
                        OwnedKey key = new OwnedKey(post.authorId(), request.key());
                        postKeys.put(key, new Keyed<>(record.id(), request.fingerprint()));
                        keyOfPost.put(record.id(), key);
                    });
                    return record;
                }));
    }

    @Override
    public Optional<PostRecord> findPost(PostId id) {
        return guarded.read(() -> Optional.ofNullable(posts.get(id)));
    }

    @Override
    public PostRecord updatePost(PostUpdateRecord update) {
        return guarded.write(() -> {
            PostRecord current = posts.get(update.id());
            if (current == null) {
                throw new NotFoundException("post_not_found", "no such post");
            }
            if (current.version() != update.expectedVersion()) {
                throw PreconditionFailedException.versionMismatch("the post", update.expectedVersion());
            }
            PostRecord updated = new PostRecord(current.id(), current.authorId(), current.channelId(), update.body(),
                    current.createdAt(), update.updatedAt(), current.version() + 1);
            posts.put(updated.id(), updated);
            return updated;
        });
    }

    @Override
    public boolean deletePost(PostId id) {
        return guarded.write(() -> removePost(id));
    }

    /** Called under the write lock. */
    private boolean removePost(PostId id) {
        PostRecord removed = posts.remove(id);
        if (removed == null) {
            return false;
        }
        postsInOrder.remove(cursorOf(removed));
        OwnedKey key = keyOfPost.remove(id);
        if (key != null) {
            postKeys.remove(key);
        }
        return true;
    }

    @Override
    public Page<PostRecord> listPosts(PostFilter filter) {
        String text = filter.text().map(InMemoryPostStore::fold).orElse(null);
        return guarded.read(() -> {
            Map<PostCursor, PostId> candidates;
            if (filter.backwards()) {
                // The newer side of the position, nearest first; turned back to newest first below.
                candidates = postsInOrder.headMap(filter.after().orElseThrow(), false).descendingMap();
            } else {
                candidates = filter.after().isPresent() ? postsInOrder.tailMap(filter.after().get(), false) : postsInOrder;
            }
            List<PostRecord> found = new ArrayList<>();
            boolean hasMore = false;
            for (PostId id : candidates.values()) {
                PostRecord post = posts.get(id);
                if (matches(filter, text, post)) {
                    if (found.size() == filter.limit()) {
                        hasMore = true;
                        break;
                    }
                    found.add(post);
                }
            }
            if (filter.backwards()) {
                Collections.reverse(found);
            }
            return new Page<>(found, hasMore);
        });
    }

    @Override
    public Created<ChannelRecord> insertChannel(NewChannelRecord channel) {
        ChannelRecord record = new ChannelRecord(channel.id(), channel.name(), channel.ownerId(), channel.createdAt(), 0);
        return guarded.write(() -> insertOnce(channel.idempotency(), channel.ownerId(), channelKeys,
                id -> channels.get(id), () -> {
                    channels.put(record.id(), record);
                    Map<AccountId, MemberRecord> channelMembers = new LinkedHashMap<>();
                    channelMembers.put(record.ownerId(), new MemberRecord(record.id(), record.ownerId(), record.createdAt()));
                    members.put(record.id(), channelMembers);
                    channel.idempotency().ifPresent(request -> channelKeys.put(
                            new OwnedKey(channel.ownerId(), request.key()), new Keyed<>(record.id(), request.fingerprint())));
                    return record;
                }));
    }

    @Override
    public Optional<ChannelRecord> findChannel(ChannelId id) {
        return guarded.read(() -> Optional.ofNullable(channels.get(id)));
    }

    @Override
    public List<ChannelRecord> findChannelsOfMember(AccountId memberId, Set<ChannelId> ids) {
        return guarded.read(() -> ids.stream()
                .filter(id -> members.getOrDefault(id, Map.of()).containsKey(memberId))
                .map(channels::get).filter(Objects::nonNull).toList());
    }

    @Override
    public boolean isMember(ChannelId channelId, AccountId accountId) {
        return guarded.read(() -> members.getOrDefault(channelId, Map.of()).containsKey(accountId));
    }

    @Override
    public boolean addMember(MemberRecord member) {
        return guarded.write(() -> {
            Map<AccountId, MemberRecord> channelMembers = members.get(member.channelId());
            if (channelMembers == null) {
                throw channelNotFound();
            }
            return channelMembers.putIfAbsent(member.accountId(), member) == null;
        });
    }

    @Override
    public boolean removeMember(ChannelId channelId, AccountId accountId) {
        return guarded.write(() -> members.getOrDefault(channelId, new HashMap<>()).remove(accountId) != null);
    }

    @Override
    public Optional<MemberRecord> findMember(ChannelId channelId, AccountId accountId) {
        return guarded.read(() -> Optional.ofNullable(members.getOrDefault(channelId, Map.of()).get(accountId)));
    }

    @Override
    public Page<MemberRecord> listMembers(ChannelId channelId, ListQuery query) {
        return guarded.read(() -> MEMBER_LISTS.page(List.copyOf(members.getOrDefault(channelId, Map.of()).values()),
                query));
    }

    @Override
    public Page<ChannelRecord> listChannels(AccountId memberId, ListQuery query) {
        return guarded.read(() -> CHANNEL_LISTS.page(channels.values().stream()
                .filter(channel -> members.getOrDefault(channel.id(), Map.of()).containsKey(memberId))
                .toList(), query));
    }

    @Override
    public ChannelRecord updateChannel(ChannelUpdateRecord update) {
        return guarded.write(() -> {
            ChannelRecord current = channels.get(update.id());
            if (current == null) {
                throw channelNotFound();
            }
            if (current.version() != update.expectedVersion()) {
                throw PreconditionFailedException.versionMismatch("the channel", update.expectedVersion());
            }
            ChannelRecord updated = new ChannelRecord(current.id(), update.name(), current.ownerId(),
                    current.createdAt(), current.version() + 1);
            channels.put(updated.id(), updated);
            return updated;
        });
    }

    @Override
    public boolean deleteChannel(ChannelId id) {
        return guarded.write(() -> removeChannel(id));
    }

    @Override
    public void deleteAccountContent(AccountId accountId) {
        guarded.write(() -> {
            List.copyOf(channels.values()).stream().filter(channel -> channel.ownerId().equals(accountId))
                    .forEach(channel -> removeChannel(channel.id()));
            List.copyOf(posts.values()).stream().filter(post -> post.authorId().equals(accountId))
                    .forEach(post -> removePost(post.id()));
            members.values().forEach(channelMembers -> channelMembers.remove(accountId));
        });
    }

    /** Called under the write lock: the channel, its posts, its members and its key. */
    private boolean removeChannel(ChannelId id) {
        if (channels.remove(id) == null) {
            return false;
        }
        members.remove(id);
        Set<PostId> inChannel = new HashSet<>();
        posts.values().stream().filter(post -> post.channelId().equals(Optional.of(id)))
                .forEach(post -> inChannel.add(post.id()));
        inChannel.forEach(this::removePost);
        channelKeys.values().removeIf(keyed -> keyed.id().equals(id));
        return true;
    }

    /** Called under the write lock: replays what the key already made, or inserts. */
    private static <I, R> Created<R> insertOnce(Optional<IdempotentRequest> request, AccountId owner,
            Map<OwnedKey, Keyed<I>> keys, Function<I, R> find, Supplier<R> insert) {
        if (request.isPresent()) {
            Keyed<I> existing = keys.get(new OwnedKey(owner, request.get().key()));
            if (existing != null) {
                return request.get().replay(existing.fingerprint(), find.apply(existing.id()));
            }
        }
        return Created.fresh(insert.get());
    }

    private boolean matches(PostFilter filter, String foldedText, PostRecord post) {
        return post.channelId().map(channel -> members.getOrDefault(channel, Map.of()).containsKey(filter.viewer()))
                .orElse(true)
                && filter.author().map(post.authorId()::equals).orElse(true)
                && filter.channel().map(channel -> post.channelId().equals(Optional.of(channel))).orElse(true)
                && filter.from().map(from -> !post.createdAt().isBefore(from)).orElse(true)
                && filter.before().map(post.createdAt()::isBefore).orElse(true)
                && (foldedText == null || fold(post.body()).contains(foldedText));
    }

    /** Case folding for search, as close as Java gets to the databases' ILIKE. */
    private static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static PostCursor cursorOf(PostRecord post) {
        return new PostCursor(post.createdAt(), post.id());
    }

    private static NotFoundException channelNotFound() {
        return new NotFoundException("channel_not_found", "no such channel");
    }
}
