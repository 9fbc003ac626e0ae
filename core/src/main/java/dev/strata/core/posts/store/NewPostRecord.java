package dev.strata.core.posts.store;

import dev.strata.core.common.IdempotentRequest;
import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.PostId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A post to insert. The store inserts it at version 0 with {@code updatedAt = createdAt}, keeping
 * the idempotency key and fingerprint (if any) with it, unique per author.
 */
public record NewPostRecord(PostId id, AccountId authorId, Optional<ChannelId> channelId, String body,
        Instant createdAt, Optional<IdempotentRequest> idempotency) {

    public NewPostRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(idempotency, "idempotency");
    }
}
