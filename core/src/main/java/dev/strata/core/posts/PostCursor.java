package dev.strata.core.posts;

import java.time.Instant;
import java.util.Objects;

/**
 * A position in a newest-first list of posts: the creation time and id of the last post a page
 * ended with. The next page holds the posts strictly after it in the list's order, that is with
 * {@code (created_at, id)} strictly less than {@code (createdAt, id)}; posts created meanwhile sort
 * before it, so paging never skips or repeats a post.
 */
public record PostCursor(Instant createdAt, PostId id) {

    public PostCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    /** The cursor just after {@code post}. */
    public static PostCursor after(Post post) {
        return new PostCursor(post.createdAt(), post.id());
    }
}
