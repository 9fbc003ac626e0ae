package dev.strata.adapters.grpc.posts;

import dev.strata.adapters.grpc.call.PageTokens;
import dev.strata.core.common.Page;
import dev.strata.core.common.ValidationException;
import dev.strata.core.posts.Post;
import dev.strata.core.posts.PostCursor;
import dev.strata.core.posts.PostId;
import dev.strata.core.posts.PostQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Page sizes and keyset page tokens of the post lists, newest first: a token holds the
 * {@code (create_time, id)} of the last post of its page.
 */
final class PostPages {

    private PostPages() {
    }

    /** The query of the page {@code pageToken} starts (the first when empty), of {@code pageSize} posts. */
    static PostQuery query(int pageSize, String pageToken, String scope) {
        PostQuery query = PostQuery.newest().withLimit(PageTokens.pageSize(pageSize));
        if (pageToken.isEmpty()) {
            return query;
        }
        List<String> parts = PageTokens.decode(pageToken, scope, 2);
        try {
            return query.after(new PostCursor(Instant.parse(parts.get(0)), new PostId(parts.get(1))));
        } catch (DateTimeParseException | ValidationException malformed) {
            throw PageTokens.invalid();
        }
    }

    /** The token of the page after {@code page}, empty when it is the last. */
    static String nextPageToken(Page<Post> page, String scope) {
        if (!page.hasMore() || page.items().isEmpty()) {
            return "";
        }
        Post last = page.items().getLast();
        return PageTokens.encode(scope, List.of(last.createdAt().toString(), last.id().value()));
    }
}
