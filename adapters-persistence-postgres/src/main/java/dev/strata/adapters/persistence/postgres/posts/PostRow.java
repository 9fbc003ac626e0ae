package dev.strata.adapters.persistence.postgres.posts;

import dev.strata.core.common.RequestFingerprint;
import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.PostId;
import dev.strata.core.posts.store.PostRecord;
import java.time.Instant;
import java.util.Optional;

/** A row of {@code posts.posts}; {@code channelId} and {@code requestFingerprint} may be null. */
record PostRow(String id, String authorId, String channelId, String body, Instant createdAt, Instant updatedAt,
        long version, String requestFingerprint) {

    /** The columns of {@code posts.posts} a row is read from. */
    static final String COLUMNS = "id, author_id, channel_id, body, created_at, updated_at, version, request_fingerprint";

    PostRecord toRecord() {
        return new PostRecord(new PostId(id), new AccountId(authorId), Optional.ofNullable(channelId).map(ChannelId::new),
                body, createdAt, updatedAt, version);
    }

    Optional<RequestFingerprint> fingerprint() {
        return Optional.ofNullable(requestFingerprint).map(RequestFingerprint::new);
    }
}
