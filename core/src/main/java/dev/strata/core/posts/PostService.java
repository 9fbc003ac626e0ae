package dev.strata.core.posts;

import dev.strata.core.common.ConflictException;
import dev.strata.core.common.Created;
import dev.strata.core.common.ForbiddenException;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.FieldKind;
import dev.strata.core.common.IdempotentRequest;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.Page;
import dev.strata.core.common.QueryField;
import dev.strata.core.common.QueryOperator;
import dev.strata.core.common.QuerySchema;
import dev.strata.core.common.RequestFingerprint;
import dev.strata.core.common.SortKey;
import dev.strata.core.common.Timestamps;
import dev.strata.core.common.ValidationException;
import dev.strata.core.common.Validator;
import dev.strata.core.common.WhiteSpace;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.posts.store.ChannelRecord;
import dev.strata.core.posts.store.ChannelUpdateRecord;
import dev.strata.core.posts.store.MemberRecord;
import dev.strata.core.posts.store.NewChannelRecord;
import dev.strata.core.posts.store.NewPostRecord;
import dev.strata.core.posts.store.PostFilter;
import dev.strata.core.posts.store.PostRecord;
import dev.strata.core.posts.store.PostStore;
import dev.strata.core.posts.store.PostUpdateRecord;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Posts and channels: public posts every signed-in account reads, and channels whose posts only
 * their members read and write.
 *
 * <p>Rules it keeps: whatever the caller may not read is not found (a channel it is not a member
 * of, that channel's posts), so that its existence is not revealed; a post the caller may read but
 * did not write is forbidden to edit or delete; only a channel's owner adds and removes members,
 * and the owner stays a member (it cannot leave: it deletes the channel instead, which takes the
 * channel's posts and memberships with it); only the owner renames or deletes a channel. Creating a post or a channel is idempotent with an
 * {@link IdempotencyKey}. Accounts are checked through {@link IdentityService}'s public API only.
 *
 * <p>Bounds, as {@code PostServiceContract} checks them: a body is 1 to 5000 characters (code
 * points), not blank and without control characters, and is kept exactly as sent, surrounding
 * whitespace included; a page holds 1 to 100 posts; a time window includes its start and excludes
 * its end; paging never skips or repeats a post while others post; search ignores case.
 *
 * <p>Thread-safe: all state lives in the store.
 */
public final class PostService {

    /** The longest post body, in characters (code points), as sent. */
    public static final int MAX_BODY_LENGTH = 5000;
    /** The longest channel name, in characters as sent; surrounding whitespace is then trimmed. */
    public static final int MAX_CHANNEL_NAME_LENGTH = 100;

    /**
     * What the list of the caller's channels can be filtered and sorted by: {@code name} ({@code eq},
     * {@code like}) and {@code created_at}; newest first by default.
     */
    public static final QuerySchema CHANNEL_QUERY = QuerySchema.of(List.of(
                    QueryField.text("name", EnumSet.of(QueryOperator.EQ, QueryOperator.LIKE)),
                    QueryField.ordered("created_at", FieldKind.INSTANT)),
            List.of(SortKey.descending("created_at")),
            Set.of("id", "name", "owner_id", "created_at", "version"));

    /** What the list of a channel's members can be filtered and sorted by: {@code joined_at}; earliest first. */
    public static final QuerySchema MEMBER_QUERY = QuerySchema.of(List.of(
                    QueryField.ordered("joined_at", FieldKind.INSTANT)),
            List.of(SortKey.ascending("joined_at")),
            Set.of("channel_id", "account_id", "role", "joined_at"));

    /**
     * A channel's value of a sort field of {@link #CHANNEL_QUERY}, for minting page tokens in any
     * adapter.
     */
    public static Comparable<?> channelSortValue(Channel channel, String field) {
        return switch (field) {
            case "created_at" -> channel.createdAt();
            case "name" -> channel.name();
            default -> throw new IllegalArgumentException("channels are not sorted by " + field);
        };
    }

    /** A member's value of a sort field of {@link #MEMBER_QUERY}, for minting page tokens in any adapter. */
    public static Comparable<?> memberSortValue(Member member, String field) {
        return switch (field) {
            case "joined_at" -> member.joinedAt();
            default -> throw new IllegalArgumentException("members are not sorted by " + field);
        };
    }

    private final PostStore store;
    private final IdentityService identity;
    private final Clock clock;

    public PostService(PostStore store, IdentityService identity, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Publishes a public post, once per call: a retry publishes another.
     *
     * @throws ValidationException naming {@code body} when it is missing, blank or too long
     */
    public Created<Post> createPost(AuthenticatedSession caller, String body) {
        return insertPost(caller, Optional.empty(), body, Optional.empty());
    }

    /**
     * Publishes a public post under an idempotency key: a retry with the same key returns the first
     * post, replayed.
     *
     * @throws ValidationException naming {@code body} when it is missing, blank or too long
     * @throws dev.strata.core.common.IdempotencyKeyReusedException when the key came with another body
     */
    public Created<Post> createPost(AuthenticatedSession caller, String body, IdempotencyKey key) {
        return insertPost(caller, Optional.empty(), body, Optional.of(Objects.requireNonNull(key, "key")));
    }

    /**
     * Posts in a channel the caller is a member of.
     *
     * @throws NotFoundException with code {@code channel_not_found} when there is no such channel or
     *                           the caller is not a member
     */
    public Created<Post> createChannelPost(AuthenticatedSession caller, ChannelId channelId, String body) {
        requireMember(caller, channelId);
        return insertPost(caller, Optional.of(channelId), body, Optional.empty());
    }

    /**
     * Posts in a channel the caller is a member of, under an idempotency key: a retry with the same
     * key returns the first post, replayed.
     *
     * @throws NotFoundException with code {@code channel_not_found} when there is no such channel or
     *                           the caller is not a member
     * @throws dev.strata.core.common.IdempotencyKeyReusedException when the key came with another body
     */
    public Created<Post> createChannelPost(AuthenticatedSession caller, ChannelId channelId, String body,
            IdempotencyKey key) {
        Objects.requireNonNull(key, "key");
        requireMember(caller, channelId);
        return insertPost(caller, Optional.of(channelId), body, Optional.of(key));
    }

    /** A post the caller may read. */
    public Post getPost(AuthenticatedSession caller, PostId id) {
        return toPost(readable(caller, id));
    }

    /**
     * The caller's own post, before it changes it: so that an adapter checks who may change a post
     * before it checks the version the change was made against (a 403 before a 412).
     *
     * @throws NotFoundException  when the caller may not read the post
     * @throws ForbiddenException with code {@code not_the_author} when it may read it but did not write it
     */
    public Post getOwnPost(AuthenticatedSession caller, PostId id) {
        PostRecord post = readable(caller, id);
        requireAuthor(caller, post);
        return toPost(post);
    }

    /**
     * Replaces the body of the caller's own post, if it is still at {@code expectedVersion}.
     *
     * @throws NotFoundException   when the caller may not read the post
     * @throws ForbiddenException  with code {@code not_the_author} when the caller may read it but
     *                             did not write it
     * @throws dev.strata.core.common.PreconditionFailedException when the version is stale
     */
    public Post editPost(AuthenticatedSession caller, PostId id, String body, long expectedVersion) {
        String checked = checkBody(body);
        requireAuthor(caller, readable(caller, id));
        return toPost(store.updatePost(new PostUpdateRecord(id, expectedVersion, checked, Timestamps.now(clock))));
    }

    /** Deletes the caller's own post; errors as for {@link #editPost}. */
    public void deletePost(AuthenticatedSession caller, PostId id) {
        requireAuthor(caller, readable(caller, id));
        if (!store.deletePost(id)) {
            throw postNotFound();
        }
    }

    /** The first page of the posts the caller may read, newest first ({@link PostQuery#newest()}). */
    public Page<Post> searchPosts(AuthenticatedSession caller) {
        return searchPosts(caller, PostQuery.newest());
    }

    /** The posts the caller may read, optionally only those containing {@code query.text()}. */
    public Page<Post> searchPosts(AuthenticatedSession caller, PostQuery query) {
        return list(caller, PostFilter.visibleTo(caller.accountId(), checkLimit(query)), query);
    }

    /**
     * The first page of an account's posts that the caller may read, newest first
     * ({@link PostQuery#newest()}).
     *
     * @throws NotFoundException with code {@code account_not_found} when there is no such account
     */
    public Page<Post> listAccountPosts(AuthenticatedSession caller, AccountId authorId) {
        return listAccountPosts(caller, authorId, PostQuery.newest());
    }

    /**
     * An account's posts that the caller may read.
     *
     * @throws NotFoundException with code {@code account_not_found} when there is no such account
     */
    public Page<Post> listAccountPosts(AuthenticatedSession caller, AccountId authorId, PostQuery query) {
        int limit = checkLimit(query);
        if (identity.findAccount(authorId).isEmpty()) {
            throw new NotFoundException("account_not_found", "no such account");
        }
        return list(caller, PostFilter.visibleTo(caller.accountId(), limit).byAuthor(authorId), query);
    }

    /** The first page of a channel's posts, newest first ({@link PostQuery#newest()}); as the next method. */
    public Page<Post> listChannelPosts(AuthenticatedSession caller, ChannelId channelId) {
        return listChannelPosts(caller, channelId, PostQuery.newest());
    }

    /** A channel's posts, for its members; anyone else is told it does not exist. */
    public Page<Post> listChannelPosts(AuthenticatedSession caller, ChannelId channelId, PostQuery query) {
        int limit = checkLimit(query);
        requireMember(caller, channelId);
        return list(caller, PostFilter.visibleTo(caller.accountId(), limit).inChannel(channelId), query);
    }

    /**
     * Creates a channel owned by the caller, who becomes its first member.
     *
     * @throws ValidationException naming {@code name} when it is missing, blank or too long
     */
    public Created<Channel> createChannel(AuthenticatedSession caller, String name) {
        return insertChannel(caller, name, Optional.empty());
    }

    /**
     * Creates a channel owned by the caller under an idempotency key: a retry with the same key
     * returns the first channel, replayed.
     *
     * @throws ValidationException naming {@code name} when it is missing, blank or too long
     * @throws dev.strata.core.common.IdempotencyKeyReusedException when the key came with another name
     */
    public Created<Channel> createChannel(AuthenticatedSession caller, String name, IdempotencyKey key) {
        return insertChannel(caller, name, Optional.of(Objects.requireNonNull(key, "key")));
    }

    private Created<Channel> insertChannel(AuthenticatedSession caller, String name, Optional<IdempotencyKey> key) {
        String checked = checkChannelName(name);
        Optional<IdempotentRequest> idempotency =
                key.map(value -> new IdempotentRequest(value, RequestFingerprint.of("create_channel", checked)));
        return store.insertChannel(new NewChannelRecord(ChannelId.generate(clock), checked, caller.accountId(),
                Timestamps.now(clock), idempotency)).map(PostService::toChannel);
    }

    /** A channel the caller is a member of. */
    public Channel getChannel(AuthenticatedSession caller, ChannelId id) {
        return toChannel(requireMember(caller, id));
    }

    /**
     * The channels among {@code ids} that the caller is a member of, by id, in one read of the
     * store: for adapters that resolve many channels at once (a page of posts and their channels).
     * A channel the caller may not see is absent, exactly like one that does not exist.
     */
    public Map<ChannelId, Channel> findChannels(AuthenticatedSession caller, Collection<ChannelId> ids) {
        Objects.requireNonNull(caller, "caller");
        if (ids.isEmpty()) {
            return Map.of();
        }
        return store.findChannelsOfMember(caller.accountId(), Set.copyOf(ids)).stream().map(PostService::toChannel)
                .collect(Collectors.toUnmodifiableMap(Channel::id, channel -> channel));
    }

    /**
     * Adds an account to a channel the caller owns; returns false when it was a member already.
     *
     * @throws NotFoundException  with code {@code channel_not_found} when the caller is not a member;
     *                            {@code account_not_found} when the account does not exist
     * @throws ForbiddenException with code {@code not_the_owner} when the caller is a member but not
     *                            the owner
     */
    public boolean addMember(AuthenticatedSession caller, ChannelId channelId, AccountId accountId) {
        requireOwner(caller, requireMember(caller, channelId));
        if (identity.findAccount(accountId).isEmpty()) {
            throw new NotFoundException("account_not_found", "no such account");
        }
        return store.addMember(new MemberRecord(channelId, accountId, Timestamps.now(clock)));
    }

    /**
     * Removes a member from a channel the caller owns.
     *
     * @throws NotFoundException  with code {@code channel_not_found} as for {@link #addMember};
     *                            {@code member_not_found} when the account is not a member
     * @throws ForbiddenException with code {@code not_the_owner} when the caller is not the owner
     * @throws ConflictException  with code {@code owner_stays_member} for the owner itself
     */
    public void removeMember(AuthenticatedSession caller, ChannelId channelId, AccountId accountId) {
        ChannelRecord channel = requireMember(caller, channelId);
        requireOwner(caller, channel);
        if (channel.ownerId().equals(accountId)) {
            throw new ConflictException("owner_stays_member", "the channel's owner cannot be removed from it");
        }
        if (!store.removeMember(channelId, accountId)) {
            throw memberNotFound();
        }
    }

    /**
     * A page of the members of a channel the caller is a member of; the query's fields are those of
     * {@link #MEMBER_QUERY}.
     *
     * @throws NotFoundException with code {@code channel_not_found} when the caller is not a member
     */
    public Page<Member> listMembers(AuthenticatedSession caller, ChannelId channelId, ListQuery query) {
        ChannelRecord channel = requireMember(caller, channelId);
        Page<MemberRecord> page = store.listMembers(channelId, query);
        return new Page<>(page.items().stream().map(member -> toMember(channel, member)).toList(), page.hasMore());
    }

    /**
     * One member of a channel the caller is a member of.
     *
     * @throws NotFoundException with code {@code channel_not_found} when the caller is not a member;
     *                           {@code member_not_found} when the account is not one
     */
    public Member getMember(AuthenticatedSession caller, ChannelId channelId, AccountId accountId) {
        ChannelRecord channel = requireMember(caller, channelId);
        return store.findMember(channelId, accountId).map(member -> toMember(channel, member))
                .orElseThrow(PostService::memberNotFound);
    }

    /**
     * The caller leaves a channel it is a member of. The owner cannot: it deletes the channel
     * instead (there is no handing a channel over).
     *
     * @throws NotFoundException with code {@code channel_not_found} when the caller is not a member
     * @throws ConflictException with code {@code owner_cannot_leave} for the channel's owner
     */
    public void leaveChannel(AuthenticatedSession caller, ChannelId channelId) {
        ChannelRecord channel = requireMember(caller, channelId);
        if (channel.ownerId().equals(caller.accountId())) {
            throw new ConflictException("owner_cannot_leave",
                    "the channel's owner cannot leave it; delete the channel instead");
        }
        if (!store.removeMember(channelId, caller.accountId())) {
            throw channelNotFound();
        }
    }

    /**
     * A page of the channels the caller is a member of, owned ones included; the query's fields are
     * those of {@link #CHANNEL_QUERY}.
     */
    public Page<Channel> listChannels(AuthenticatedSession caller, ListQuery query) {
        Objects.requireNonNull(caller, "caller");
        Page<ChannelRecord> page = store.listChannels(caller.accountId(), query);
        return new Page<>(page.items().stream().map(PostService::toChannel).toList(), page.hasMore());
    }

    /**
     * The caller's own channel, before it changes it: so that an adapter checks who may change a
     * channel before it checks the version the change was made against (a 403 before a 412).
     *
     * @throws NotFoundException  with code {@code channel_not_found} when the caller is not a member
     * @throws ForbiddenException with code {@code not_the_owner} when it is a member but not the owner
     */
    public Channel getOwnChannel(AuthenticatedSession caller, ChannelId id) {
        ChannelRecord channel = requireMember(caller, id);
        requireOwner(caller, channel);
        return toChannel(channel);
    }

    /**
     * Renames the caller's own channel, if it is still at {@code expectedVersion}.
     *
     * @throws ValidationException naming {@code name} when it is missing, blank or too long
     * @throws NotFoundException   with code {@code channel_not_found} when the caller is not a member
     * @throws ForbiddenException  with code {@code not_the_owner} when it is a member but not the owner
     * @throws dev.strata.core.common.PreconditionFailedException when the version is stale
     */
    public Channel renameChannel(AuthenticatedSession caller, ChannelId id, String name, long expectedVersion) {
        String checked = checkChannelName(name);
        requireOwner(caller, requireMember(caller, id));
        return toChannel(store.updateChannel(new ChannelUpdateRecord(id, expectedVersion, checked)));
    }

    /**
     * Deletes the caller's own channel, and with it every post in it (whoever wrote them) and every
     * membership: a channel's posts were for its members, and without the channel nobody could read
     * them.
     *
     * @throws NotFoundException  with code {@code channel_not_found} when the caller is not a member
     * @throws ForbiddenException with code {@code not_the_owner} when it is a member but not the owner
     */
    public void deleteChannel(AuthenticatedSession caller, ChannelId id) {
        requireOwner(caller, requireMember(caller, id));
        if (!store.deleteChannel(id)) {
            throw channelNotFound();
        }
    }

    /**
     * Deletes what a closing account leaves in posts: the channels it owns (with their posts and
     * members), every post it wrote, and its memberships. For {@code AccountClosingService} only:
     * it performs no authorization, and adapters must not expose it to clients. Harmless to repeat.
     */
    public void deleteAccountContent(AccountId accountId) {
        store.deleteAccountContent(Objects.requireNonNull(accountId, "accountId"));
    }

    private Created<Post> insertPost(AuthenticatedSession caller, Optional<ChannelId> channelId, String body,
            Optional<IdempotencyKey> key) {
        String checked = checkBody(body);
        Optional<IdempotentRequest> idempotency = key.map(value -> new IdempotentRequest(value,
                RequestFingerprint.of("create_post", channelId.map(ChannelId::value).orElse(""), checked)));
        return store.insertPost(new NewPostRecord(PostId.generate(clock), caller.accountId(), channelId, checked,
                Timestamps.now(clock), idempotency)).map(PostService::toPost);
    }

    private Page<Post> list(AuthenticatedSession caller, PostFilter scope, PostQuery query) {
        PostFilter filter = scope;
        if (query.from().isPresent()) {
            filter = filter.createdFrom(query.from().get());
        }
        if (query.before().isPresent()) {
            filter = filter.createdBefore(query.before().get());
        }
        if (query.text().isPresent()) {
            filter = filter.containing(query.text().get());
        }
        Optional<PostCursor> position = query.after().or(() -> query.afterId().map(id -> cursorOf(caller, id)));
        if (position.isPresent()) {
            filter = query.backwards() ? filter.before(position.get()) : filter.after(position.get());
        }
        Page<PostRecord> page = store.listPosts(filter);
        return new Page<>(page.items().stream().map(PostService::toPost).toList(), page.hasMore());
    }

    /** The position of a post the caller may read, for {@code last_id}-style paging. */
    private PostCursor cursorOf(AuthenticatedSession caller, PostId id) {
        return store.findPost(id).filter(post -> mayRead(caller, post))
                .map(post -> new PostCursor(post.createdAt(), post.id()))
                .orElseThrow(() -> ValidationException.of("last_id", "unknown_post",
                        "names no post you can read; start from the first page"));
    }

    private static int checkLimit(PostQuery query) {
        if (query.limit() < 1 || query.limit() > PostQuery.MAX_LIMIT) {
            throw ValidationException.of("limit", "out_of_range", "must be 1 to " + PostQuery.MAX_LIMIT);
        }
        return query.limit();
    }

    private PostRecord readable(AuthenticatedSession caller, PostId id) {
        return store.findPost(id).filter(post -> mayRead(caller, post)).orElseThrow(PostService::postNotFound);
    }

    private boolean mayRead(AuthenticatedSession caller, PostRecord post) {
        return post.channelId().map(channel -> store.isMember(channel, caller.accountId())).orElse(true);
    }

    private ChannelRecord requireMember(AuthenticatedSession caller, ChannelId channelId) {
        return store.findChannel(channelId).filter(channel -> store.isMember(channelId, caller.accountId()))
                .orElseThrow(PostService::channelNotFound);
    }

    private static String checkChannelName(String name) {
        Validator validator = new Validator();
        String checked = validator.text("name", name, 1, MAX_CHANNEL_NAME_LENGTH);
        validator.throwIfInvalid();
        return checked;
    }

    private static NotFoundException channelNotFound() {
        return new NotFoundException("channel_not_found", "no such channel");
    }

    private static NotFoundException memberNotFound() {
        return new NotFoundException("member_not_found", "the account is not a member of this channel");
    }

    private static Member toMember(ChannelRecord channel, MemberRecord member) {
        return new Member(member.channelId(), member.accountId(), member.joinedAt(),
                member.accountId().equals(channel.ownerId()));
    }

    private static void requireAuthor(AuthenticatedSession caller, PostRecord post) {
        if (!post.authorId().equals(caller.accountId())) {
            throw new ForbiddenException("not_the_author", "only the post's author may change or delete it");
        }
    }

    private static void requireOwner(AuthenticatedSession caller, ChannelRecord channel) {
        if (!channel.ownerId().equals(caller.accountId())) {
            throw new ForbiddenException("not_the_owner",
                    "only the channel's owner may rename or delete it and add or remove members");
        }
    }

    /**
     * A post body: at most {@link #MAX_BODY_LENGTH} characters (code points), not blank, any
     * Unicode (right-to-left, zero-width, emoji) and line breaks and tabs, but no other control
     * characters. It is kept exactly as sent, surrounding whitespace included: a body is never
     * changed without a word.
     */
    static String checkBody(String body) {
        Validator validator = new Validator();
        if (body == null || WhiteSpace.isBlank(body)) {
            validator.reject("body", "required", "is required and must not be blank");
        } else if (body.codePointCount(0, body.length()) > MAX_BODY_LENGTH) {
            validator.reject("body", "too_long", "must be at most " + MAX_BODY_LENGTH + " characters");
        } else if (body.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            validator.reject("body", "control_characters", "must not contain control characters other than line breaks and tabs");
        }
        validator.throwIfInvalid();
        return body;
    }

    private static NotFoundException postNotFound() {
        return new NotFoundException("post_not_found", "no such post");
    }

    private static Post toPost(PostRecord record) {
        return new Post(record.id(), record.authorId(), record.channelId(), record.body(), record.createdAt(),
                record.updatedAt(), record.version());
    }

    private static Channel toChannel(ChannelRecord record) {
        return new Channel(record.id(), record.name(), record.ownerId(), record.createdAt(), record.version());
    }
}
