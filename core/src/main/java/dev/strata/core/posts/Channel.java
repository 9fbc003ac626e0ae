package dev.strata.core.posts;

import dev.strata.core.identity.AccountId;
import java.time.Instant;
import java.util.Objects;

/**
 * A channel: a named group whose posts only its members read and write. Its owner, who made it,
 * is always a member and is the only one who adds and removes members.
 *
 * @param version the optimistic-concurrency version; 0 when created
 */
public record Channel(ChannelId id, String name, AccountId ownerId, Instant createdAt, long version) {

    public Channel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
