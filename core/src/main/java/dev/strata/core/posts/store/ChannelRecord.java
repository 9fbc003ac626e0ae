package dev.strata.core.posts.store;

import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.ChannelId;
import java.time.Instant;
import java.util.Objects;

/** A channel as the store keeps it. */
public record ChannelRecord(ChannelId id, String name, AccountId ownerId, Instant createdAt, long version) {

    public ChannelRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
