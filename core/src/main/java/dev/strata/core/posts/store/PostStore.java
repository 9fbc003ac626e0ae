package dev.strata.core.posts.store;

import dev.strata.core.common.Created;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.Page;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.common.UnavailableException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.PostId;
import java.util.List;
import java.util.Optional;

/**
 * The port through which the posts service keeps posts, channels and channel members.
 * Implementations must be thread-safe, and each method is atomic. Any method may throw
 * {@link UnavailableException} when the storage does not answer; nothing has then been changed.
 * The store decides no permissions: the service checks who may do what before calling it.
 *
 * <p>Idempotent inserts follow {@link dev.strata.core.common.IdempotentRequest}'s pattern: with an
 * idempotency key, a second insert by the same author (or owner) with the same key inserts nothing
 * and returns the first record, {@link Created#replayed() replayed}; with another fingerprint it
 * throws {@link dev.strata.core.common.IdempotencyKeyReusedException}; of concurrent duplicates,
 * exactly one inserts.
 *
 * <p>Every implementation must pass {@code PostStoreContract} from {@code strata-contracts}.
 */
public interface PostStore {

    /**
     * Inserts a post at version 0, or replays the post its idempotency key already created.
     *
     * @throws NotFoundException with code {@code channel_not_found} when its channel does not exist
     */
    Created<PostRecord> insertPost(NewPostRecord post);

    /** The post with this id, or empty when there is none (or it was deleted). */
    Optional<PostRecord> findPost(PostId id);

    /**
     * Writes the new body if the post is still at {@code update.expectedVersion()}, raising its
     * version by one.
     *
     * @return the post as stored after the update
     * @throws NotFoundException           with code {@code post_not_found} when there is no such post
     * @throws PreconditionFailedException with code {@code version_mismatch} when the version differs
     */
    PostRecord updatePost(PostUpdateRecord update);

    /** Deletes a post (and the idempotency key it was created with); returns whether it existed. */
    boolean deletePost(PostId id);

    /**
     * One page of the posts {@code filter} selects, newest first by {@code (created_at, id)}
     * descending, with {@link Page#hasMore()} telling whether more follow.
     */
    Page<PostRecord> listPosts(PostFilter filter);

    /** Inserts a channel and its owner's membership together, or replays the channel its key created. */
    Created<ChannelRecord> insertChannel(NewChannelRecord channel);

    /** The channel with this id, or empty. */
    Optional<ChannelRecord> findChannel(ChannelId id);

    /** Whether the account is a member of the channel; false when either does not exist. */
    boolean isMember(ChannelId channelId, AccountId accountId);

    /**
     * Adds a member; returns false (and changes nothing) when the account is a member already.
     *
     * @throws NotFoundException with code {@code channel_not_found} when the channel does not exist
     */
    boolean addMember(MemberRecord member);

    /** Removes a member; returns whether it was one. */
    boolean removeMember(ChannelId channelId, AccountId accountId);

    /** The channel's members, earliest joined first (then by account id); empty for no channel. */
    List<MemberRecord> listMembers(ChannelId channelId);
}
