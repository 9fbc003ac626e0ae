package dev.strata.core.posts;

import dev.strata.core.identity.AccountId;
import java.time.Instant;
import java.util.Objects;

/** One member of a channel: the account, when it joined, and whether it is the channel's owner. */
public record Member(ChannelId channelId, AccountId accountId, Instant joinedAt, boolean owner) {

    public Member {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
