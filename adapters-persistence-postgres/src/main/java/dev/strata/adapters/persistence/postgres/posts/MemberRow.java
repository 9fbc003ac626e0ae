package dev.strata.adapters.persistence.postgres.posts;

import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.store.MemberRecord;
import java.time.Instant;

/** A row of {@code posts.members}. */
record MemberRow(String channelId, String accountId, Instant joinedAt) {

    MemberRecord toRecord() {
        return new MemberRecord(new ChannelId(channelId), new AccountId(accountId), joinedAt);
    }
}
