package dev.strata.core.posts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a caller asks of a list of posts, beyond which list it is: a page size, where to start,
 * a creation-time window and a text to search for. Lists are always newest first, by
 * {@code (created_at, id)} descending.
 *
 * @param limit      the page size, 1 to {@link #MAX_LIMIT}
 * @param after      start after this position (from a previous page), or from the newest post
 * @param afterId    start after this post (the seed-style {@code last_id}); the service looks up its
 *                   position. At most one of {@code after} and {@code afterId} is given
 * @param from       only posts created at or after this instant
 * @param before     only posts created strictly before this instant (so the window is half-open)
 * @param text       only posts whose body contains this text, ignoring case
 */
public record PostQuery(int limit, Optional<PostCursor> after, Optional<PostId> afterId, Optional<Instant> from,
        Optional<Instant> before, Optional<String> text) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public PostQuery {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(afterId, "afterId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(text, "text");
        if (after.isPresent() && afterId.isPresent()) {
            throw new IllegalArgumentException("a query starts after a cursor or after a post id, not both");
        }
    }

    /** The first page of the newest posts, {@link #DEFAULT_LIMIT} of them. */
    public static PostQuery newest() {
        return new PostQuery(DEFAULT_LIMIT, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public PostQuery withLimit(int newLimit) {
        return new PostQuery(newLimit, after, afterId, from, before, text);
    }

    public PostQuery after(PostCursor cursor) {
        return new PostQuery(limit, Optional.of(cursor), Optional.empty(), from, before, text);
    }

    public PostQuery afterPost(PostId id) {
        return new PostQuery(limit, Optional.empty(), Optional.of(id), from, before, text);
    }

    public PostQuery createdFrom(Instant instant) {
        return new PostQuery(limit, after, afterId, Optional.of(instant), before, text);
    }

    public PostQuery createdBefore(Instant instant) {
        return new PostQuery(limit, after, afterId, from, Optional.of(instant), text);
    }

    public PostQuery containing(String searched) {
        return new PostQuery(limit, after, afterId, from, before, Optional.of(searched));
    }
}
