package dev.strata.core.posts;

import dev.strata.core.identity.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A post as the posts service hands it out: public when {@code channelId} is empty, otherwise
 * visible only to the channel's members. The body is exactly the text that was accepted.
 *
 * @param version the optimistic-concurrency version; 0 when created, one more after each edit
 */
public record Post(PostId id, AccountId authorId, Optional<ChannelId> channelId, String body, Instant createdAt,
        Instant updatedAt, long version) {

    public Post {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
