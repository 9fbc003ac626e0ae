package dev.strata.contracts.posts;

import dev.strata.core.common.Created;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.Page;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A PostStore that passes every call on to another: extend it and override only the calls
 * you watch or break. Strata's own tests plant bugs with it (one overridden method each, to see
 * that {@link PostStoreContract} catches every one) and wrap a real store with it to count or
 * delay calls; a third-party store's tests can plant bugs in their own store the same way.
 */
public class ForwardingPostStore implements PostStore {

    /** The store every call goes on to. */
    protected final PostStore real;

    /** A store that passes every call on to {@code real}. */
    public ForwardingPostStore(PostStore real) {
        this.real = Objects.requireNonNull(real, "real");
    }

    @Override
    public Created<PostRecord> insertPost(NewPostRecord post) {
        return real.insertPost(post);
    }

    @Override
    public Optional<PostRecord> findPost(PostId id) {
        return real.findPost(id);
    }

    @Override
    public PostRecord updatePost(PostUpdateRecord update) {
        return real.updatePost(update);
    }

    @Override
    public boolean deletePost(PostId id) {
        return real.deletePost(id);
    }

    @Override
    public Page<PostRecord> listPosts(PostFilter filter) {
        return real.listPosts(filter);
    }

    @Override
    public Created<ChannelRecord> insertChannel(NewChannelRecord channel) {
        return real.insertChannel(channel);
    }

    @Override
    public Optional<ChannelRecord> findChannel(ChannelId id) {
        return real.findChannel(id);
    }

    @Override
    public List<ChannelRecord> findChannelsOfMember(AccountId memberId, Set<ChannelId> ids) {
        return real.findChannelsOfMember(memberId, ids);
    }

    @Override
    public boolean isMember(ChannelId channelId, AccountId accountId) {
        return real.isMember(channelId, accountId);
    }

    @Override
    public boolean addMember(MemberRecord member) {
        return real.addMember(member);
    }

    @Override
    public boolean removeMember(ChannelId channelId, AccountId accountId) {
        return real.removeMember(channelId, accountId);
    }

    @Override
    public Optional<MemberRecord> findMember(ChannelId channelId, AccountId accountId) {
        return real.findMember(channelId, accountId);
    }

    @Override
    public Page<MemberRecord> listMembers(ChannelId channelId, ListQuery query) {
        return real.listMembers(channelId, query);
    }

    @Override
    public Page<ChannelRecord> listChannels(AccountId memberId, ListQuery query) {
        return real.listChannels(memberId, query);
    }

    @Override
    public ChannelRecord updateChannel(ChannelUpdateRecord update) {
        return real.updateChannel(update);
    }

    @Override
    public boolean deleteChannel(ChannelId id) {
        return real.deleteChannel(id);
    }

    @Override
    public void deleteAccountContent(AccountId accountId) {
        real.deleteAccountContent(accountId);
    }
}
