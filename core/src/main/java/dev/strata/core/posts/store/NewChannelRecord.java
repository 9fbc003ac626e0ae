package dev.strata.core.posts.store;

import dev.strata.core.common.IdempotentRequest;
import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.ChannelId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A channel to insert at version 0; its owner becomes its first member, joined at
 * {@code createdAt}. The idempotency key (if any) is unique per owner.
 */
public record NewChannelRecord(ChannelId id, String name, AccountId ownerId, Instant createdAt,
        Optional<IdempotentRequest> idempotency) {

    public NewChannelRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(idempotency, "idempotency");
    }
}
