package dev.strata.core.posts;

import dev.strata.core.common.FieldKind;
import dev.strata.core.common.Filter;
import dev.strata.core.common.Ids;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.PageTokens;
import dev.strata.core.common.QueryField;
import dev.strata.core.common.QueryOperator;
import dev.strata.core.common.QuerySchema;
import dev.strata.core.common.SortKey;
import dev.strata.core.common.ValidationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    /**
     * The post query a {@link ListQuery} read against {@link #SCHEMA} asks for (from any API style,
     * such as {@code SCHEMA.listQuery("created_at=gte:2026-01-01T00:00:00Z", "", 20, token)}): its
     * {@code created_at} conditions become one creation window (all must hold; instants are kept to
     * the microsecond, so {@code gt:X} starts at X plus 1µs and {@code eq:X} is {@code [X, X+1µs)}),
     * its limit the limit, and its cursor the position to read after (or before).
     *
     * @throws ValidationException      on {@code page_token} ({@code invalid_page_token}) when the
     *                                  cursor is not a position in a post list
     * @throws IllegalArgumentException when the query has what {@link #SCHEMA} does not: another
     *                                  filter or sort, or an offset
     */
    public static PostQuery of(ListQuery query) {
        if (!query.sort().equals(SCHEMA.defaultSort()) || query.offset() != 0) {
            throw new IllegalArgumentException("post lists are newest first, by cursor: " + query);
        }
        PostQuery posts = newest().withLimit(query.limit());
        Optional<Instant> from = Optional.empty();
        Optional<Instant> before = Optional.empty();
        for (Filter filter : query.filters()) {
            if (!filter.field().equals("created_at")) {
                throw new IllegalArgumentException("post lists are filtered by created_at only: " + filter);
            }
            Instant instant = (Instant) filter.value();
            Instant next = instant.plus(1, ChronoUnit.MICROS);
            switch (filter.operator()) {
                case EQ -> {
                    from = later(from, instant);
                    before = earlier(before, next);
                }
                case GTE -> from = later(from, instant);
                case GT -> from = later(from, next);
                case LT -> before = earlier(before, instant);
                case LTE -> before = earlier(before, next);
                default -> throw new IllegalArgumentException("post lists take no " + filter.operator().token());
            }
        }
        if (from.isPresent()) {
            posts = posts.createdFrom(from.get());
        }
        if (before.isPresent()) {
            posts = posts.createdBefore(before.get());
        }
        if (query.cursor().isPresent()) {
            KeysetCursor cursor = query.cursor().get();
            PostCursor position = cursorOf(cursor);
            posts = cursor.before() ? posts.before(position) : posts.after(position);
        }
        return posts;
    }

    /**
     * The value of a post's field named as in {@link #SCHEMA}, by which a list of posts is sorted:
     * what a page token after a post holds ({@code SCHEMA.nextPageToken(query, page,
     * PostQuery::sortValue, post -> post.id().value())}).
     *
     * @throws IllegalArgumentException when posts are not sorted by {@code field}
     */
    public static Comparable<?> sortValue(Post post, String field) {
        if (!field.equals("created_at")) {
            throw new IllegalArgumentException("posts are not sorted by " + field);
        }
        return post.createdAt();
    }

    private static PostCursor cursorOf(KeysetCursor cursor) {
        if (cursor.sortValues().size() != 1 || !(cursor.sortValues().getFirst() instanceof Instant createdAt)
                || !Ids.isValid(PostId.PREFIX, cursor.id())) {
            throw ValidationException.of(PageTokens.PAGE_TOKEN, "invalid_page_token", "is not a page token of a post list");
        }
        return new PostCursor(createdAt, new PostId(cursor.id()));
    }

    private static Optional<Instant> later(Optional<Instant> current, Instant candidate) {
        return Optional.of(current.filter(instant -> instant.isAfter(candidate)).orElse(candidate));
    }

    private static Optional<Instant> earlier(Optional<Instant> current, Instant candidate) {
        return Optional.of(current.filter(instant -> instant.isBefore(candidate)).orElse(candidate));
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
