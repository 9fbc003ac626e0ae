package dev.strata.core.common;

import java.util.List;
import java.util.Objects;

/**
 * One page of a list: its items in the list's order, and whether more items follow the last one.
 *
 * @param items   the items of this page, never more than the limit asked for
 * @param hasMore whether at least one item follows the last item of this page
 */
public record Page<T>(List<T> items, boolean hasMore) {

    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }
}
