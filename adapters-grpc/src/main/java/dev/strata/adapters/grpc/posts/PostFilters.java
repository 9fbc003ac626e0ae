package dev.strata.adapters.grpc.posts;

import dev.strata.core.common.ValidationException;
import dev.strata.core.posts.PostQuery;

/** The {@code filter} of the post lists (AIP-160), applied to a {@link PostQuery}. */
final class PostFilters {

    private PostFilters() {
    }

    /** {@code query} narrowed by {@code filter}; an empty filter leaves it as it is. */
    static PostQuery apply(String filter, PostQuery query) {
        if (filter.isBlank()) {
            return query;
        }
        throw ValidationException.of("filter", "unsupported_filter", "post lists take no filter yet");
    }
}
