package dev.strata.core.posts.store;

import dev.strata.core.identity.AccountId;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.PostCursor;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which posts a store lists, newest first by {@code (created_at, id)} descending: those the
 * {@code viewer} may read (public posts, and posts of channels it is a member of), narrowed by
 * every criterion given.
 *
 * @param viewer  the account reading; only posts it may read are listed
 * @param author  only this author's posts
 * @param channel only this channel's posts
 * @param from    created at or after
 * @param before  created strictly before
 * @param text    body contains this text, ignoring case (a plain substring: no wildcards)
 * @param after   strictly after this position in the list's order
 * @param limit   at most this many, 1 or more
 * @param backwards the page strictly before {@code after} instead (the previous page): the
 *                  {@code limit} posts nearest to the position on its newer side, still returned
 *                  newest first, with {@link dev.strata.core.common.Page#hasMore()} saying whether
 *                  still newer ones precede them
 */
public record PostFilter(AccountId viewer, Optional<AccountId> author, Optional<ChannelId> channel,
        Optional<Instant> from, Optional<Instant> before, Optional<String> text, Optional<PostCursor> after,
        int limit, boolean backwards) {

    public PostFilter {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(after, "after");
        if (limit < 1) {
            throw new IllegalArgumentException("a limit is at least 1");
        }
        if (backwards && after.isEmpty()) {
            throw new IllegalArgumentException("reading backwards needs a position to read back from");
        }
    }

    /** Everything {@code viewer} may read, {@code limit} at a time. */
    public static PostFilter visibleTo(AccountId viewer, int limit) {
        return new PostFilter(viewer, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), limit, false);
    }

    public PostFilter byAuthor(AccountId id) {
        return new PostFilter(viewer, Optional.of(id), channel, from, before, text, after, limit, backwards);
    }

    public PostFilter inChannel(ChannelId id) {
        return new PostFilter(viewer, author, Optional.of(id), from, before, text, after, limit, backwards);
    }

    /** Only posts created at or after {@code instant}. */
    public PostFilter createdFrom(Instant instant) {
        return new PostFilter(viewer, author, channel, Optional.of(instant), before, text, after, limit, backwards);
    }

    /** Only posts created strictly before {@code instant}. */
    public PostFilter createdBefore(Instant instant) {
        return new PostFilter(viewer, author, channel, from, Optional.of(instant), text, after, limit, backwards);
    }

    /** Only posts whose body contains {@code newText}, ignoring case. */
    public PostFilter containing(String newText) {
        return new PostFilter(viewer, author, channel, from, before, Optional.of(newText), after, limit, backwards);
    }

    /** The page strictly after {@code cursor} in the list's order (reading forwards). */
    public PostFilter after(PostCursor cursor) {
        return new PostFilter(viewer, author, channel, from, before, text, Optional.of(cursor), limit, false);
    }

    /** The page just before {@code cursor}: the posts newer than it, nearest first taken. */
    public PostFilter before(PostCursor cursor) {
        return new PostFilter(viewer, author, channel, from, before, text, Optional.of(cursor), limit, true);
    }
}
