package dev.strata.adapters.persistence.postgres.posts;

import dev.strata.core.common.RequestFingerprint;
import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.store.ChannelRecord;
import java.time.Instant;
import java.util.Optional;

/** A row of {@code posts.channels}; {@code requestFingerprint} may be null. */
record ChannelRow(String id, String name, String ownerId, Instant createdAt, long version, String requestFingerprint) {

    ChannelRecord toRecord() {
        return new ChannelRecord(new ChannelId(id), name, new AccountId(ownerId), createdAt, version);
    }

    Optional<RequestFingerprint> fingerprint() {
        return Optional.ofNullable(requestFingerprint).map(RequestFingerprint::new);
    }
}
