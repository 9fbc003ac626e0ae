package dev.strata.adapters.rest.http;

import java.util.List;

/**
 * The envelope of every collection: its items, whether more follow, and the URL of the next page
 * ({@code null} on the last page).
 */
public record ListResponse<T>(List<T> data, boolean hasMore, String next) {

    /** A complete, single-page list. */
    public static <T> ListResponse<T> complete(List<T> data) {
        return new ListResponse<>(data, false, null);
    }
}
