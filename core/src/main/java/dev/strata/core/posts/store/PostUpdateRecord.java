package dev.strata.core.posts.store;

import dev.strata.core.posts.PostId;
import java.time.Instant;
import java.util.Objects;

/** A new body for a post, to be written only if the post is still at {@code expectedVersion}. */
public record PostUpdateRecord(PostId id, long expectedVersion, String body, Instant updatedAt) {

    public PostUpdateRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
