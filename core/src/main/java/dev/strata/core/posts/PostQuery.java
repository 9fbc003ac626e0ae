package dev.strata.core.posts;

import dev.strata.core.common.FieldKind;
import dev.strata.core.common.QueryField;
import dev.strata.core.common.QueryOperator;
import dev.strata.core.common.QuerySchema;
import dev.strata.core.common.SortKey;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
 * @param backwards  read the page that precedes {@code after} (a previous page) instead of the one
 *                   that follows it; the page is still newest first
 */
public record PostQuery(int limit, Optional<PostCursor> after, Optional<PostId> afterId, Optional<Instant> from,
        Optional<Instant> before, Optional<String> text, boolean backwards) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /**
     * What a post list can be asked, in the shared list-query model: filters on {@code created_at}
     * ({@code eq, gt, gte, lt, lte}), newest first, and the fields a client may select. Search
     * ({@code q}) and {@code between} are the posts lists' own and are not in it.
     */
    public static final QuerySchema SCHEMA = QuerySchema.of(
            List.of(new QueryField("created_at", FieldKind.INSTANT, EnumSet.of(QueryOperator.EQ, QueryOperator.GT,
                    QueryOperator.GTE, QueryOperator.LT, QueryOperator.LTE), true, Set.of())),
            List.of(SortKey.descending("created_at")),
            Set.of("id", "author_id", "channel_id", "body", "created_at", "updated_at", "version"));

    public PostQuery {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(afterId, "afterId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(text, "text");
        if (after.isPresent() && afterId.isPresent()) {
            throw new IllegalArgumentException("a query starts after a cursor or after a post id, not both");
        }
        if (backwards && after.isEmpty()) {
            throw new IllegalArgumentException("reading backwards needs a cursor to read back from");
        }
    }

    /** The first page of the newest posts, {@link #DEFAULT_LIMIT} of them. */
    public static PostQuery newest() {
        return new PostQuery(DEFAULT_LIMIT, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false);
    }

    public PostQuery withLimit(int newLimit) {
        return new PostQuery(newLimit, after, afterId, from, before, text, backwards);
    }

    public PostQuery after(PostCursor cursor) {
        return new PostQuery(limit, Optional.of(cursor), Optional.empty(), from, before, text, false);
    }

    /** The page of posts just before {@code cursor} (newer than it), still newest first. */
    public PostQuery before(PostCursor cursor) {
        return new PostQuery(limit, Optional.of(cursor), Optional.empty(), from, before, text, true);
    }

    public PostQuery afterPost(PostId id) {
        return new PostQuery(limit, Optional.empty(), Optional.of(id), from, before, text, false);
    }

    public PostQuery createdFrom(Instant instant) {
        return new PostQuery(limit, after, afterId, Optional.of(instant), before, text, backwards);
    }

    public PostQuery createdBefore(Instant instant) {
        return new PostQuery(limit, after, afterId, from, Optional.of(instant), text, backwards);
    }

    public PostQuery containing(String searched) {
        return new PostQuery(limit, after, afterId, from, before, Optional.of(searched), backwards);
    }
}
