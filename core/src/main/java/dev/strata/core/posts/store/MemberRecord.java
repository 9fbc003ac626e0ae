package dev.strata.core.posts.store;

import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.ChannelId;
import java.time.Instant;
import java.util.Objects;

/** An account's membership of a channel, as the store keeps it. */
public record MemberRecord(ChannelId channelId, AccountId accountId, Instant joinedAt) {

    public MemberRecord {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
