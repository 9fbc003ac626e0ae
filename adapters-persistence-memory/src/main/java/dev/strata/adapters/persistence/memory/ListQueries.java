package dev.strata.adapters.persistence.memory;

import dev.strata.core.common.Filter;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.Page;
import dev.strata.core.common.QueryOperator;
import dev.strata.core.common.SortKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a {@link ListQuery} over items held in memory, with the same meaning the SQL stores give it:
 * every filter must hold; the order is the sort keys, then the id in the direction of the last key;
 * a keyset cursor reads strictly after (or before) its position; an offset skips items. Decimals
 * compare by value ({@code 20.5} equals {@code 20.50}). A field whose accessor returns a collection
 * holds several values per item: {@code eq}, {@code in} and {@code like} match when any value does,
 * {@code ne} when none equals.
 *
 * <p>Stateless and thread-safe; the caller holds whatever lock guards the items.
 *
 * @param <T> the items' type
 */
public final class ListQueries<T> {

    private final Fields<T> fields;
    private final Function<T, String> id;

    /** How to read a field of an item, by the field's query name. */
    @FunctionalInterface
    public interface Fields<T> {
        /** The field's value: a {@code String}, {@code BigDecimal}, {@code Instant}, or a collection of them. */
        Object valueOf(T item, String field);
    }

    public ListQueries(Fields<T> fields, Function<T, String> id) {
        this.fields = Objects.requireNonNull(fields, "fields");
        this.id = Objects.requireNonNull(id, "id");
    }

    /** The page of {@code items} that {@code query} asks for, in the query's order. */
    public Page<T> page(Collection<T> items, ListQuery query) {
        List<SortKey> reading = query.readingOrder();
        Comparator<T> order = comparator(reading, query.idDescending() != isReversed(query));
        Stream<T> matching = items.stream().filter(item -> query.filters().stream().allMatch(filter -> holds(item, filter)));
        if (query.cursor().isPresent()) {
            KeysetCursor cursor = query.cursor().get();
            matching = matching.filter(item -> comparePosition(item, cursor, reading,
                    query.idDescending() != isReversed(query)) > 0);
        }
        List<T> read = matching.sorted(order).skip(query.offset()).limit(query.limit() + 1L).toList();
        boolean hasMore = read.size() > query.limit();
        List<T> page = new ArrayList<>(hasMore ? read.subList(0, query.limit()) : read);
        if (isReversed(query)) {
            Collections.reverse(page);
        }
        return new Page<>(page, hasMore);
    }

    private static boolean isReversed(ListQuery query) {
        return query.cursor().map(KeysetCursor::before).orElse(false);
    }

    private Comparator<T> comparator(List<SortKey> keys, boolean idDescending) {
        return (left, right) -> {
            for (SortKey key : keys) {
                int compared = compareValues(fields.valueOf(left, key.field()), fields.valueOf(right, key.field()));
                if (compared != 0) {
                    return key.descending() ? -compared : compared;
                }
            }
            int compared = id.apply(left).compareTo(id.apply(right));
            return idDescending ? -compared : compared;
        };
    }

    /** Positive when {@code item} comes after the cursor's position in the reading order. */
    private int comparePosition(T item, KeysetCursor cursor, List<SortKey> keys, boolean idDescending) {
        for (int i = 0; i < keys.size(); i++) {
            SortKey key = keys.get(i);
            int compared = compareValues(fields.valueOf(item, key.field()), cursor.sortValues().get(i));
            if (compared != 0) {
                return key.descending() ? -compared : compared;
            }
        }
        int compared = id.apply(item).compareTo(cursor.id());
        return idDescending ? -compared : compared;
    }

    private boolean holds(T item, Filter filter) {
        Object value = fields.valueOf(item, filter.field());
        if (value instanceof Collection<?> many) {
            if (filter.operator() == QueryOperator.NE) {
                return many.stream().noneMatch(one -> compareValues(one, filter.value()) == 0);
            }
            return many.stream().anyMatch(one -> holdsFor(one, filter));
        }
        return holdsFor(value, filter);
    }

    private static boolean holdsFor(Object value, Filter filter) {
        if (value == null) {
            return false;
        }
        return switch (filter.operator()) {
            case EQ -> compareValues(value, filter.value()) == 0;
            case NE -> compareValues(value, filter.value()) != 0;
            case GT -> compareValues(value, filter.value()) > 0;
            case GTE -> compareValues(value, filter.value()) >= 0;
            case LT -> compareValues(value, filter.value()) < 0;
            case LTE -> compareValues(value, filter.value()) <= 0;
            case IN -> filter.values().stream().anyMatch(candidate -> compareValues(value, candidate) == 0);
            case LIKE -> likePattern((String) filter.value()).matcher((String) value).matches();
        };
    }

    /** {@code *} matches any run of characters; everything else matches itself. */
    private static Pattern likePattern(String like) {
        StringBuilder regex = new StringBuilder();
        for (String part : like.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object left, Object right) {
        if (left instanceof BigDecimal leftNumber && right instanceof BigDecimal rightNumber) {
            return leftNumber.compareTo(rightNumber);
        }
        return ((Comparable) left).compareTo(right);
    }
}
