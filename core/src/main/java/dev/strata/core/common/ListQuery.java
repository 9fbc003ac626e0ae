package dev.strata.core.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client asks of a list: filters (all must hold), the order, and one page of it, either by
 * a {@link KeysetCursor} (the default, stable while items are added) or by an offset (simple, but
 * costlier the deeper it goes, hence capped at {@link #MAX_OFFSET}). The id is always the last,
 * implicit sort key, in the direction of the last explicit key, so that the order is total and
 * pages never overlap. Stores that take a {@code ListQuery} return at most {@link #limit()} items
 * and say whether more follow (in the direction read).
 *
 * <p>Build one from a list's {@link QuerySchema} (each service publishes one, such as
 * {@code OrderService.QUERY}): {@link QuerySchema#firstPage()} for the first page in the default
 * order, or {@link QuerySchema#listQuery(String, String, int, String)} to read a client's filter,
 * order, page size and page token, which checks every name, operator and value against the schema.
 * The factories and {@code with}-style methods here ({@link #firstPage(List, int)},
 * {@link #and(Filter)}, {@link #at(KeysetCursor)}, {@link #atOffset(int)}) build one in code, and do
 * not check names against a schema.
 */
public record ListQuery(List<Filter> filters, List<SortKey> sort, int limit, int offset,
        Optional<KeysetCursor> cursor) {

    /** The page size when none is asked for. */
    public static final int DEFAULT_LIMIT = 20;
    /**
     * The largest page size: REST refuses a larger {@code limit}; an AIP-158 {@code page_size}
     * above it is coerced to it ({@link ListQueryParser#pageSize}).
     */
    public static final int MAX_LIMIT = 100;
    /** The deepest offset accepted: beyond it, clients must use cursors. */
    public static final int MAX_OFFSET = 10_000;

    public ListQuery {
        filters = List.copyOf(filters);
        sort = List.copyOf(sort);
        Objects.requireNonNull(cursor, "cursor");
        if (sort.isEmpty()) {
            throw new IllegalArgumentException("a list query sorts by at least one key");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + ": " + limit);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("offset must be within 0.." + MAX_OFFSET + ": " + offset);
        }
        if (offset > 0 && cursor.isPresent()) {
            throw new IllegalArgumentException("a query pages by offset or by cursor, not both");
        }
        if (cursor.isPresent() && cursor.get().sortValues().size() != sort.size()) {
            throw new IllegalArgumentException("the cursor has a value for each sort key");
        }
    }

    /** The first page of {@code limit} items in the given order, unfiltered. */
    public static ListQuery firstPage(List<SortKey> sort, int limit) {
        return new ListQuery(List.of(), sort, limit, 0, Optional.empty());
    }

    /** The same query with another filter added. */
    public ListQuery and(Filter filter) {
        List<Filter> more = new ArrayList<>(filters);
        more.add(filter);
        return new ListQuery(more, sort, limit, offset, cursor);
    }

    /** The same query reading from {@code position} (and not by offset). */
    public ListQuery at(KeysetCursor position) {
        return new ListQuery(filters, sort, limit, 0, Optional.of(position));
    }

    /** The same query at another offset (and not by cursor). */
    public ListQuery atOffset(int newOffset) {
        return new ListQuery(filters, sort, limit, newOffset, Optional.empty());
    }

    /** Whether the id sorts descending: it follows the last explicit key. */
    public boolean idDescending() {
        return sort.getLast().descending();
    }

    /**
     * The order in which a store reads: the query's order, or its reverse when reading before a
     * cursor (the store then returns the items turned back into the query's order).
     */
    public List<SortKey> readingOrder() {
        boolean backwards = cursor.map(KeysetCursor::before).orElse(false);
        return backwards ? sort.stream().map(SortKey::reversed).toList() : sort;
    }
}
