package dev.strata.adapters.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A Relay connection: one page of a list as edges (each a node and its cursor) and the page's
 * information. Built from a page in the list's order and whether more items lie beyond it in the
 * direction read.
 *
 * @param edges    the page's items in the list's order
 * @param pageInfo where the page sits in the list
 */
record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    /** One item of a page and the position just after it (or before it, read backwards). */
    record Edge<T>(String cursor, T node) {
    }

    /**
     * Relay's page information. Reading forwards, {@code hasPreviousPage} says whether the page was
     * read from a cursor (something preceded it then); reading backwards, {@code hasNextPage} does.
     */
    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /** The page of {@code items} read as {@code paging} asked, with {@code hasMore} beyond it. */
    static <T> Connection<T> of(List<T> items, boolean hasMore, Paging paging, Function<T, String> cursor) {
        List<Edge<T>> edges = new ArrayList<>(items.size());
        for (T item : items) {
            edges.add(new Edge<>(cursor.apply(item), item));
        }
        boolean fromCursor = paging.cursor().isPresent();
        PageInfo info = new PageInfo(paging.backwards() ? fromCursor : hasMore,
                paging.backwards() ? hasMore : fromCursor,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor());
        return new Connection<>(List.copyOf(edges), info);
    }

    /**
     * A page of a list held whole in memory (an account's sessions, a channel's members), read
     * forwards: the items after the one whose cursor is {@code paging.cursor()}, in order.
     */
    static <T> Connection<T> ofWhole(List<T> whole, Paging paging, Function<T, String> cursor,
            java.util.function.Predicate<T> isAfterCursor) {
        List<T> rest = paging.cursor().isPresent() ? whole.stream().filter(isAfterCursor).toList() : whole;
        List<T> page = rest.subList(0, Math.min(paging.size(), rest.size()));
        return of(page, rest.size() > page.size(), paging, cursor);
    }
}
