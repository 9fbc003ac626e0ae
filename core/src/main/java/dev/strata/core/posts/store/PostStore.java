package dev.strata.core.posts.store;

import dev.strata.core.common.Created;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.Page;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.common.UnavailableException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.PostId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The port through which the posts service keeps posts, channels and channel members.
 * Implementations must be thread-safe, and each method is atomic. Any method may throw
 * {@link UnavailableException} when the storage does not answer; nothing has then been changed.
 * The store decides no permissions: the service checks who may do what before calling it.
 *
 * <p>Idempotent inserts follow {@link dev.strata.core.common.IdempotentRequest}'s pattern (see
 * {@link #insertPost} and {@link #insertChannel}).
 *
 * <p>Every implementation must pass {@code PostStoreContract} from {@code strata-contracts}; each of
 * its tests names the rule below that it checks.
 */
public interface PostStore {

    /**
     * Inserts a post, or replays the post its idempotency key already created:
     * <ul>
     * <li>the post is stored as given, at version 0, with its update time equal to its creation
     * time;</li>
     * <li>a post in a channel that does not exist is a NotFoundException with code
     * {@code channel_not_found};</li>
     * <li>a second insert by the same author with the same key and fingerprint inserts nothing and
     * returns the first post, {@link Created#replayed() replayed}; of concurrent duplicates, exactly
     * one inserts;</li>
     * <li>the same key with another fingerprint is an IdempotencyKeyReusedException and inserts
     * nothing;</li>
     * <li>idempotency keys are per author: another author's same key inserts a new post.</li>
     * </ul>
     *
     * @param post the post to insert
     * @return the post, and whether it was replayed
     * @throws NotFoundException with code {@code channel_not_found} when its channel does not exist
     * @throws dev.strata.core.common.IdempotencyKeyReusedException when the key came with another fingerprint
     */
    Created<PostRecord> insertPost(NewPostRecord post);

    /**
     * The post with this id: a post that does not exist is empty, not an error (a deleted one
     * included).
     *
     * @param id the post's id
     * @return the post, or empty
     */
    Optional<PostRecord> findPost(PostId id);

    /**
     * Writes the new body if the post is still at {@code update.expectedVersion()}:
     * <ul>
     * <li>at the expected version the body and update time are written, the version rises by one,
     * and author, channel and creation time are kept;</li>
     * <li>at any other version it is a PreconditionFailedException with code
     * {@code version_mismatch} and nothing changes; of concurrent updates at one version, exactly one
     * succeeds;</li>
     * <li>a post that does not exist is a NotFoundException with code {@code post_not_found}.</li>
     * </ul>
     *
     * @param update the new body and the version it was read at
     * @return the post as stored after the update
     * @throws NotFoundException           with code {@code post_not_found} when there is no such post
     * @throws PreconditionFailedException with code {@code version_mismatch} when the version differs
     */
    PostRecord updatePost(PostUpdateRecord update);

    /**
     * Deletes a post: the post is gone afterwards, and the call returns whether it existed.
     * Deleting a post frees the idempotency key it was created with.
     *
     * @param id the post's id
     * @return whether the post existed
     */
    boolean deletePost(PostId id);

    /**
     * One page of the posts {@code filter} selects:
     * <ul>
     * <li>newest first by creation time, then by id, descending;</li>
     * <li>a viewer gets public posts and the posts of channels it is a member of, no others;</li>
     * <li>a time window includes its start and excludes its end;</li>
     * <li>a text search matches the body ignoring case (beyond ASCII too) and takes % and _
     * literally;</li>
     * <li>a page holds at most the limit, and hasMore says whether more posts follow it;</li>
     * <li>after a cursor come the older posts, before it the newer ones (still newest first), with
     * no gap or repeat, also while posts are inserted.</li>
     * </ul>
     *
     * @param filter what to select, for whom, from where, and how many
     * @return the page
     */
    Page<PostRecord> listPosts(PostFilter filter);

    /**
     * Inserts a channel and its owner's membership together, or replays the channel its key
     * created: the channel is stored at version 0 with its owner as its first member, joined at the
     * channel's creation time. With an idempotency key it follows the same pattern per owner:
     * concurrent duplicates make one channel, another fingerprint is an
     * IdempotencyKeyReusedException.
     *
     * @param channel the channel to insert
     * @return the channel, and whether it was replayed
     * @throws dev.strata.core.common.IdempotencyKeyReusedException when the key came with another fingerprint
     */
    Created<ChannelRecord> insertChannel(NewChannelRecord channel);

    /**
     * The channel with this id: a channel that does not exist is empty, has no member and lists
     * none.
     *
     * @param id the channel's id
     * @return the channel, or empty
     */
    Optional<ChannelRecord> findChannel(ChannelId id);

    /**
     * The channels among the ids that the account is a member of, in one read: a channel that does
     * not exist or that the account is not a member of is absent; empty for an empty set. In no
     * particular order.
     *
     * @param memberId the account whose channels these must be
     * @param ids      the channels' ids
     * @return the channels found
     */
    List<ChannelRecord> findChannelsOfMember(AccountId memberId, Set<ChannelId> ids);

    /**
     * Whether the account is a member of the channel; false when either does not exist.
     *
     * @param channelId the channel
     * @param accountId the account
     * @return whether it is a member
     */
    boolean isMember(ChannelId channelId, AccountId accountId);

    /**
     * Adds a member: adds a member once, returning false and changing nothing when it is one
     * already, also when adds race; removeMember returns whether it was one; listMembers gives the
     * earliest joined first. A channel that does not exist is a NotFoundException with code
     * {@code channel_not_found}.
     *
     * @param member the channel, the account and when it joins
     * @return whether it was added
     * @throws NotFoundException with code {@code channel_not_found} when the channel does not exist
     */
    boolean addMember(MemberRecord member);

    /**
     * Removes a member.
     *
     * @param channelId the channel
     * @param accountId the account
     * @return whether it was a member
     */
    boolean removeMember(ChannelId channelId, AccountId accountId);

    /**
     * One membership: the membership of a member reads back as added; an account that is not a
     * member is empty, not an error (also when the channel does not exist).
     *
     * @param channelId the channel
     * @param accountId the account
     * @return the membership, or empty
     */
    Optional<MemberRecord> findMember(ChannelId channelId, AccountId accountId);

    /**
     * One page of the channel's members that {@code query} selects (see {@link ListQuery}); the
     * fields it may name are those of {@link dev.strata.core.posts.PostService#MEMBER_QUERY}
     * ({@code joined_at}), and the id is the member's account id: earliest joined first (then by
     * account id), at most the limit per page, hasMore says whether more follow, and a keyset cursor
     * continues with no gap or repeat. A channel that does not exist lists none.
     *
     * @param channelId the channel
     * @param query     the page to read
     * @return the page
     */
    Page<MemberRecord> listMembers(ChannelId channelId, ListQuery query);

    /**
     * One page of the channels an account is a member of that {@code query} selects (see
     * {@link ListQuery}); the fields it may name are those of
     * {@link dev.strata.core.posts.PostService#CHANNEL_QUERY} ({@code name}, {@code created_at}):
     * <ul>
     * <li>the channels the account is a member of, owned ones included, and no others, in the
     * query's order;</li>
     * <li>a page holds at most the limit, hasMore says whether more follow, and pages by keyset
     * (after or before a cursor) follow each other with no gap or repeat; filters on the name
     * match.</li>
     * </ul>
     *
     * @param memberId the account
     * @param query    the page to read
     * @return the page
     */
    Page<ChannelRecord> listChannels(AccountId memberId, ListQuery query);

    /**
     * Renames a channel if it is still at {@code update.expectedVersion()}:
     * <ul>
     * <li>at the expected version the name is written, the version rises by one, and owner and
     * creation time are kept;</li>
     * <li>at any other version it is a PreconditionFailedException with code
     * {@code version_mismatch} and nothing changes; of concurrent updates at one version, exactly one
     * succeeds;</li>
     * <li>a channel that does not exist is a NotFoundException with code {@code channel_not_found}.</li>
     * </ul>
     *
     * @param update the new name and the version it was read at
     * @return the channel as stored after the update
     * @throws NotFoundException           with code {@code channel_not_found} when there is no such channel
     * @throws PreconditionFailedException with code {@code version_mismatch} when the version differs
     */
    ChannelRecord updateChannel(ChannelUpdateRecord update);

    /**
     * Deletes a channel: the channel, its posts (whoever wrote them) and its members are gone
     * afterwards, and the call returns whether it existed; it frees the idempotency key it was
     * created with.
     *
     * @param id the channel's id
     * @return whether the channel existed
     */
    boolean deleteChannel(ChannelId id);

    /**
     * Deletes what an account leaves behind when it closes, in one transaction:
     * <ul>
     * <li>the channels the account owns go as deleteChannel deletes them, every post it wrote goes,
     * its memberships end, and nothing of other accounts changes;</li>
     * <li>for an account with nothing, or a second time, it does nothing.</li>
     * </ul>
     *
     * @param accountId the closing account
     */
    void deleteAccountContent(AccountId accountId);
}
