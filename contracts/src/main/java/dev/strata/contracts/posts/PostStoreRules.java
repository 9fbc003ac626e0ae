package dev.strata.contracts.posts;

import dev.strata.core.posts.store.PostStore;

/**
 * The rules of {@link PostStore} that {@link PostStoreContract} checks, word for word as the port's
 * Javadoc states them, each {@code "PostStore.method: rule"}. A failing test of the suite names the
 * rule it checks (see {@link dev.strata.contracts.Checks}).
 */
public final class PostStoreRules {

    /** Rule of {@link PostStore#insertPost} and {@link PostStore#findPost}. */
    public static final String INSERT_POST =
            "PostStore.insertPost: the post is stored as given, at version 0, with its update time equal to its creation time";
    /** Rule of {@link PostStore#findPost}. */
    public static final String FIND_POST_MISS =
            "PostStore.findPost: a post that does not exist is empty, not an error";
    /** Rule of {@link PostStore#insertPost}. */
    public static final String POST_NEEDS_CHANNEL =
            "PostStore.insertPost: a post in a channel that does not exist is a NotFoundException with code channel_not_found";
    /** Rule of {@link PostStore#updatePost}. */
    public static final String UPDATE_POST =
            "PostStore.updatePost: at the expected version the body and update time are written, the version rises by one, and author, channel and creation time are kept";
    /** Rule of {@link PostStore#updatePost}. */
    public static final String UPDATE_POST_STALE =
            "PostStore.updatePost: at any other version it is a PreconditionFailedException with code version_mismatch and nothing changes; of concurrent updates at one version, exactly one succeeds";
    /** Rule of {@link PostStore#updatePost}. */
    public static final String UPDATE_POST_MISSING =
            "PostStore.updatePost: a post that does not exist is a NotFoundException with code post_not_found";
    /** Rule of {@link PostStore#deletePost}. */
    public static final String DELETE_POST =
            "PostStore.deletePost: the post is gone afterwards, and the call returns whether it existed";
    /** Rule of {@link PostStore#insertPost}, idempotent. */
    public static final String REPLAY =
            "PostStore.insertPost: a second insert by the same author with the same key and fingerprint inserts nothing and returns the first post, replayed; of concurrent duplicates, exactly one inserts";
    /** Rule of {@link PostStore#insertPost}, idempotent. */
    public static final String KEY_REUSED =
            "PostStore.insertPost: the same key with another fingerprint is an IdempotencyKeyReusedException and inserts nothing";
    /** Rule of {@link PostStore#insertPost} and {@link PostStore#deletePost}. */
    public static final String DELETE_FREES_KEY =
            "PostStore.deletePost: deleting a post frees the idempotency key it was created with";
    /** Rule of {@link PostStore#insertPost}, idempotent. */
    public static final String KEYS_PER_AUTHOR =
            "PostStore.insertPost: idempotency keys are per author: another author's same key inserts a new post";
    /** Rule of {@link PostStore#listPosts}. */
    public static final String LIST_ORDER =
            "PostStore.listPosts: newest first by creation time, then by id, descending";
    /** Rule of {@link PostStore#listPosts}. */
    public static final String LIST_VISIBILITY =
            "PostStore.listPosts: a viewer gets public posts and the posts of channels it is a member of, no others";
    /** Rule of {@link PostStore#listPosts}. */
    public static final String LIST_TIME_WINDOW =
            "PostStore.listPosts: a time window includes its start and excludes its end";
    /** Rule of {@link PostStore#listPosts}. */
    public static final String LIST_TEXT_SEARCH =
            "PostStore.listPosts: a text search matches the body ignoring case (beyond ASCII too) and takes % and _ literally";
    /** Rule of {@link PostStore#listPosts}. */
    public static final String LIST_LIMIT =
            "PostStore.listPosts: a page holds at most the limit, and hasMore says whether more posts follow it";
    /** Rule of {@link PostStore#listPosts}. */
    public static final String LIST_CURSORS =
            "PostStore.listPosts: after a cursor come the older posts, before it the newer ones (still newest first), with no gap or repeat, also while posts are inserted";
    /** Rule of {@link PostStore#insertChannel}. */
    public static final String INSERT_CHANNEL =
            "PostStore.insertChannel: the channel is stored at version 0 with its owner as its first member, joined at the channel's creation time";
    /** Rule of {@link PostStore#findChannel}, {@link PostStore#isMember} and {@link PostStore#listMembers}. */
    public static final String CHANNEL_MISS =
            "PostStore.findChannel: a channel that does not exist is empty, has no member and lists none";
    /** Rule of {@link PostStore#findChannelsOfMember}. */
    public static final String FIND_CHANNELS_OF_MEMBER =
            "PostStore.findChannelsOfMember: the channels among the ids that the account is a member of, in one read: a channel that does not exist or that the account is not a member of is absent; empty for an empty set";
    /** Rule of {@link PostStore#addMember}, {@link PostStore#removeMember} and {@link PostStore#listMembers}. */
    public static final String MEMBERS =
            "PostStore.addMember: adds a member once, returning false and changing nothing when it is one already, also when adds race; removeMember returns whether it was one; listMembers gives the earliest joined first";
    /** Rule of {@link PostStore#addMember}. */
    public static final String MEMBER_NEEDS_CHANNEL =
            "PostStore.addMember: a channel that does not exist is a NotFoundException with code channel_not_found";
    /** Rule of {@link PostStore#insertChannel}, idempotent. */
    public static final String CHANNEL_REPLAY =
            "PostStore.insertChannel: with an idempotency key it follows the same pattern per owner: concurrent duplicates make one channel, another fingerprint is an IdempotencyKeyReusedException";

    /** Rule of {@link PostStore#findMember}. */
    public static final String FIND_MEMBER =
            "PostStore.findMember: the membership of a member reads back as added; an account that is not a member is empty, not an error";
    /** Rule of {@link PostStore#listMembers}. */
    public static final String MEMBER_PAGES =
            "PostStore.listMembers: earliest joined first (then by account id), at most the limit per page, hasMore says whether more follow, and a keyset cursor continues with no gap or repeat";
    /** Rule of {@link PostStore#listChannels}. */
    public static final String LIST_CHANNELS =
            "PostStore.listChannels: the channels the account is a member of, owned ones included, and no others, in the query's order";
    /** Rule of {@link PostStore#listChannels}. */
    public static final String LIST_CHANNEL_PAGES =
            "PostStore.listChannels: a page holds at most the limit, hasMore says whether more follow, and pages by keyset (after or before a cursor) follow each other with no gap or repeat; filters on the name match";
    /** Rule of {@link PostStore#updateChannel}. */
    public static final String UPDATE_CHANNEL =
            "PostStore.updateChannel: at the expected version the name is written, the version rises by one, and owner and creation time are kept";
    /** Rule of {@link PostStore#updateChannel}. */
    public static final String UPDATE_CHANNEL_STALE =
            "PostStore.updateChannel: at any other version it is a PreconditionFailedException with code version_mismatch and nothing changes; of concurrent updates at one version, exactly one succeeds";
    /** Rule of {@link PostStore#updateChannel}. */
    public static final String UPDATE_CHANNEL_MISSING =
            "PostStore.updateChannel: a channel that does not exist is a NotFoundException with code channel_not_found";
    /** Rule of {@link PostStore#deleteChannel}. */
    public static final String DELETE_CHANNEL =
            "PostStore.deleteChannel: the channel, its posts (whoever wrote them) and its members are gone afterwards, and the call returns whether it existed; it frees the idempotency key it was created with";
    /** Rule of {@link PostStore#deleteAccountContent}. */
    public static final String ACCOUNT_CONTENT =
            "PostStore.deleteAccountContent: the channels the account owns go as deleteChannel deletes them, every post it wrote goes, its memberships end, and nothing of other accounts changes";
    /** Rule of {@link PostStore#deleteAccountContent}. */
    public static final String ACCOUNT_CONTENT_REPEAT =
            "PostStore.deleteAccountContent: for an account with nothing, or a second time, it does nothing";

    private PostStoreRules() {
    }
}
