package dev.strata.adapters.grpc.call;

import dev.strata.core.common.ValidationException;
import java.util.List;

/**
 * Pages (AIP-158) over a list that core hands out whole (an account's sessions): the token holds
 * the offset of the next page, bound to the list it was issued for.
 */
public final class InMemoryPages {

    private InMemoryPages() {
    }

    /** One page of items and the token of the next, empty on the last. */
    public record Page<T>(List<T> items, String nextPageToken) {

        /** A page of a copy of {@code items}. */
        public Page {
            items = List.copyOf(items);
        }
    }

    /**
     * The page of {@code all} that {@code pageToken} (empty for the first) starts, of
     * {@code pageSize} items (as {@link PageTokens#pageSize} reads it), in the list {@code scope}.
     */
    public static <T> Page<T> page(List<T> all, int pageSize, String pageToken, String scope) {
        int size = PageTokens.pageSize(pageSize);
        int offset = 0;
        if (!pageToken.isEmpty()) {
            String text = PageTokens.decode(pageToken, scope, 1).getFirst();
            if (!text.matches("\\d{1,9}")) {
                throw PageTokens.invalid();
            }
            offset = Integer.parseInt(text);
        }
        if (offset > all.size()) {
            throw ValidationException.of("page_token", "invalid_page_token", "points past the end of the list");
        }
        int end = Math.min(all.size(), offset + size);
        String next = end < all.size() ? PageTokens.encode(scope, List.of(Integer.toString(end))) : "";
        return new Page<>(all.subList(offset, end), next);
    }
}
