package dev.strata.core.posts.store;

import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.PostId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A post as the store keeps it. */
public record PostRecord(PostId id, AccountId authorId, Optional<ChannelId> channelId, String body,
        Instant createdAt, Instant updatedAt, long version) {

    public PostRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
