package dev.strata.adapters.grpc.posts;

import dev.strata.adapters.grpc.call.KeysetPages;
import dev.strata.core.common.Filter;
import dev.strata.core.common.Page;
import dev.strata.core.common.SortKey;
import dev.strata.core.common.ValidationException;
import dev.strata.core.posts.Post;
import dev.strata.core.posts.PostCursor;
import dev.strata.core.posts.PostId;
import dev.strata.core.posts.PostQuery;
import java.time.Instant;
import java.util.List;

/**
 * One request for a page of a post list (newest first): its filter, page size and page token, read
 * with the list language and tokens every API style shares ({@link PostQuery#SCHEMA}), and bound to
 * the list's {@code scope} (its parent or search text).
 */
record PostPages(PostQuery query, List<Filter> filters, String scope) {

    private static final SortKey NEWEST_FIRST = PostQuery.SCHEMA.defaultSort().getFirst();

    /**
     * Reads a request.
     *
     * @throws ValidationException on {@code filter}, {@code page_size} or {@code page_token}
     */
    static PostPages read(String filter, int pageSize, String pageToken, String scope) {
        List<Filter> filters = PostQuery.SCHEMA.parseFilter(filter);
        PostQuery query = PostFilters.apply(filters, PostQuery.newest().withLimit(KeysetPages.pageSize(pageSize)));
        PostQuery positioned = KeysetPages.position(pageToken, PostQuery.SCHEMA, filters, NEWEST_FIRST, scope)
                .map(cursor -> query.after(new PostCursor((Instant) cursor.sortValues().getFirst(),
                        postId(cursor.id()))))
                .orElse(query);
        return new PostPages(positioned, filters, scope);
    }

    /** The token of the page after {@code page}, empty when it is the last. */
    String nextPageToken(Page<Post> page) {
        if (!page.hasMore() || page.items().isEmpty()) {
            return "";
        }
        Post last = page.items().getLast();
        return KeysetPages.tokenAfter(last.createdAt(), last.id().value(), PostQuery.SCHEMA, filters, NEWEST_FIRST,
                scope);
    }

    private static PostId postId(String id) {
        try {
            return new PostId(id);
        } catch (ValidationException malformed) {
            throw ValidationException.of("page_token", "invalid_page_token",
                    "is not a page token this list issued; use next_page_token of a previous page");
        }
    }
}
