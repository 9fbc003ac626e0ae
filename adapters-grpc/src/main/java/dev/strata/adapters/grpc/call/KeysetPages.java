package dev.strata.adapters.grpc.call;

import dev.strata.core.common.FieldKind;
import dev.strata.core.common.Filter;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQueryParser;
import dev.strata.core.common.PageTokens;
import dev.strata.core.common.QueryField;
import dev.strata.core.common.QuerySchema;
import dev.strata.core.common.SortKey;
import dev.strata.core.common.Validator;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Page sizes and page tokens (AIP-158) of the lists ordered by a time and an id, with core's
 * {@link PageTokens} (the tokens every API style mints): the post lists, and the lists core hands
 * out whole (an account's sessions, a channel's members), paged here. A token is bound to its
 * list's filters, order and {@code scope} (the parent, a search text): one from another list is
 * refused as {@code page_token_mismatch}.
 */
public final class KeysetPages {

    /** The time field every such list is ordered by, then by id. */
    public static final String TIME = "created_at";

    private static final QuerySchema BY_TIME = QuerySchema.of(List.of(QueryField.ordered(TIME, FieldKind.INSTANT)),
            List.of(SortKey.descending(TIME)), Set.of());

    private KeysetPages() {
    }

    /** One page of items and the token of the next, empty on the last. */
    public record Page<T>(List<T> items, String nextPageToken) {

        /** A page of a copy of {@code items}. */
        public Page {
            items = List.copyOf(items);
        }
    }

    /**
     * The page size asked for, as every list reads it: 0 is the default, above the maximum is the
     * maximum.
     *
     * @throws dev.strata.core.common.ValidationException on {@code page_size} when it is negative
     */
    public static int pageSize(int asked) {
        Validator validator = new Validator();
        int size = ListQueryParser.pageSize(asked, validator);
        validator.throwIfInvalid();
        return size;
    }

    /**
     * Where the page of {@code pageToken} starts: after this time and id; empty for the first page.
     *
     * @throws dev.strata.core.common.ValidationException on {@code page_token}
     */
    public static Optional<KeysetCursor> position(String pageToken, QuerySchema schema, List<Filter> filters,
            SortKey order, String scope) {
        if (pageToken.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PageTokens.decode(pageToken, binding(schema, filters, order, scope), List.of(order), schema));
    }

    /** The token of the page that starts after the item of {@code time} and {@code id}. */
    public static String tokenAfter(Instant time, String id, QuerySchema schema, List<Filter> filters, SortKey order,
            String scope) {
        return PageTokens.encode(KeysetCursor.after(List.of(time), id), binding(schema, filters, order, scope),
                List.of(order), schema);
    }

    /**
     * The page of {@code all} (a list core hands out whole) that {@code pageToken} starts, ordered
     * by {@code time} then {@code id}, newest first or oldest first.
     */
    public static <T> Page<T> page(List<T> all, Function<T, Instant> time, Function<T, String> id, boolean newestFirst,
            int pageSize, String pageToken, String scope) {
        int size = pageSize(pageSize);
        SortKey order = newestFirst ? SortKey.descending(TIME) : SortKey.ascending(TIME);
        Comparator<T> ascending = Comparator.comparing(time).thenComparing(id);
        Comparator<T> comparator = newestFirst ? ascending.reversed() : ascending;
        Optional<KeysetCursor> after = position(pageToken, BY_TIME, List.of(), order, scope);
        List<T> rest = all.stream().sorted(comparator).filter(item -> after.map(cursor -> {
            Instant cursorTime = (Instant) cursor.sortValues().getFirst();
            int compared = time.apply(item).compareTo(cursorTime);
            if (compared == 0) {
                compared = id.apply(item).compareTo(cursor.id());
            }
            return newestFirst ? compared < 0 : compared > 0;
        }).orElse(true)).toList();
        List<T> items = rest.subList(0, Math.min(size, rest.size()));
        String next = rest.size() > size
                ? tokenAfter(time.apply(items.getLast()), id.apply(items.getLast()), BY_TIME, List.of(), order, scope)
                : "";
        return new Page<>(items, next);
    }

    private static String binding(QuerySchema schema, List<Filter> filters, SortKey order, String scope) {
        return ListQueryParser.binding(schema, filters, List.of(order), List.of("scope=" + scope));
    }
}
