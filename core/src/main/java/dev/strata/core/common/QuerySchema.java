package dev.strata.core.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What one kind of list can be asked: the fields it can be filtered and sorted by, its default
 * order, and the names of the fields a client may select in a projection. A service publishes one
 * per list it offers, and adapters check a client's query against it, so that an unknown name is
 * refused by name rather than ignored.
 *
 * <p>It also reads the list-query language every API style shares ({@link FilterParser},
 * {@link ListQueryParser}, {@link PageTokens}):
 *
 * <pre>{@code
 * ListQuery first = OrderService.QUERY.firstPage();                          // default order, 20 items
 * ListQuery open = OrderService.QUERY.listQuery("state=eq:open AND amount=gte:10.00", "amount desc", 50, "");
 * Page<Order> page = orders.list(caller, open);
 * String next = OrderService.QUERY.nextPageToken(open, page, OrderService::sortValue, order -> order.id().value());
 * ListQuery second = OrderService.QUERY.listQuery("state=eq:open AND amount=gte:10.00", "amount desc", 50, next);
 * }</pre>
 */
public record QuerySchema(Map<String, QueryField> fields, List<SortKey> defaultSort, Set<String> selectable) {

    public QuerySchema {
        fields = Map.copyOf(fields);
        defaultSort = List.copyOf(defaultSort);
        selectable = Set.copyOf(selectable);
        if (defaultSort.isEmpty()) {
            throw new IllegalArgumentException("a list has a default order");
        }
        for (SortKey key : defaultSort) {
            QueryField field = fields.get(key.field());
            if (field == null || !field.sortable()) {
                throw new IllegalArgumentException("the default order uses a field that is not sortable: " + key.field());
            }
        }
    }

    /** A schema of these fields, in this default order, with these selectable field names. */
    public static QuerySchema of(List<QueryField> fields, List<SortKey> defaultSort, Set<String> selectable) {
        Map<String, QueryField> byName = new LinkedHashMap<>();
        for (QueryField field : fields) {
            if (byName.put(field.name(), field) != null) {
                throw new IllegalArgumentException("two query fields are called " + field.name());
            }
        }
        return new QuerySchema(byName, defaultSort, selectable);
    }

    /** The field a client may filter or sort by under this name, or empty when there is none. */
    public Optional<QueryField> field(String name) {
        return Optional.ofNullable(fields.get(Objects.requireNonNull(name, "name")));
    }

    /** The names of every filterable field, sorted, to tell a client what it may use. */
    public List<String> filterableNames() {
        return fields.values().stream().filter(field -> !field.operators().isEmpty()).map(QueryField::name).sorted()
                .toList();
    }

    /** The names of every sortable field, sorted. */
    public List<String> sortableNames() {
        return fields.values().stream().filter(QueryField::sortable).map(QueryField::name).sorted().toList();
    }

    /** The first page of this list in its default order, {@link ListQuery#DEFAULT_LIMIT} items, unfiltered. */
    public ListQuery firstPage() {
        return firstPage(ListQuery.DEFAULT_LIMIT);
    }

    /**
     * The first page of this list in its default order, {@code limit} items, unfiltered.
     *
     * @throws IllegalArgumentException when {@code limit} is not within 1..{@link ListQuery#MAX_LIMIT}
     */
    public ListQuery firstPage(int limit) {
        return ListQuery.firstPage(defaultSort, limit);
    }

    /**
     * The filters of a one-string filter such as {@code state=eq:open AND amount=gte:10.00}, as
     * {@link FilterParser#readFilter} reads it; blank or {@code null} is no filter.
     *
     * @throws ValidationException on {@code filter}, naming every bad condition at once
     */
    public List<Filter> parseFilter(String filter) {
        Validator validator = new Validator();
        List<Filter> filters = FilterParser.readFilter(this, filter, validator);
        validator.throwIfInvalid();
        return filters;
    }

    /** {@code filters} in the one-string form, which {@link #parseFilter} reads back to equal filters. */
    public String formatFilter(List<Filter> filters) {
        return FilterParser.format(filters, this);
    }

    /**
     * The order of an AIP-132 {@code order_by} such as {@code created_at desc, amount} (or
     * {@code -created_at,+amount}), as {@link ListQueryParser#readOrderBy} reads it; blank or
     * {@code null} is the default order.
     *
     * @throws ValidationException on {@code order_by}
     */
    public List<SortKey> parseOrderBy(String orderBy) {
        Validator validator = new Validator();
        List<SortKey> sort = ListQueryParser.readOrderBy(this, orderBy, validator);
        validator.throwIfInvalid();
        return sort;
    }

    /**
     * The fields a projection such as {@code id,state} selects, {@code id} first, as
     * {@link ListQueryParser#readFields} reads it; {@code null} selects all (an empty list).
     *
     * @throws ValidationException on {@code fields}
     */
    public List<String> parseFields(String fields) {
        Validator validator = new Validator();
        List<String> selected = ListQueryParser.readFields(this, fields, validator);
        validator.throwIfInvalid();
        return selected;
    }

    /**
     * A whole list request in the style of AIP-132/158/160, as {@link ListQueryParser#read} reads
     * it: a one-string filter, an order_by, a page size (0 is the default, above
     * {@link ListQuery#MAX_LIMIT} is coerced to it, negative is refused) and a page token from
     * {@link #nextPageToken} (empty or {@code null} for the first page).
     *
     * @throws ValidationException naming every bad field
     */
    public ListQuery listQuery(String filter, String orderBy, int pageSize, String pageToken) {
        return ListQueryParser.read(this, filter, orderBy, pageSize, pageToken);
    }

    /**
     * A page token for {@code position} in the list {@code query} asks for, which
     * {@link #listQuery} accepts with the same filter and order (in any spelling).
     */
    public String pageToken(ListQuery query, KeysetCursor position) {
        return PageTokens.encode(position, ListQueryParser.binding(this, query.filters(), query.sort(), List.of()),
                query.sort(), this);
    }

    /**
     * The token of the page after {@code page}, which {@code query} read, or the empty string when
     * no item follows (AIP-158's "end of the list").
     *
     * @param sortValue the value of a sort field (named as in this schema) of an item
     * @param id        the id of an item, the last key of every order
     */
    public <T> String nextPageToken(ListQuery query, Page<T> page, BiFunction<? super T, String, Comparable<?>> sortValue,
            Function<? super T, String> id) {
        boolean backwards = query.cursor().map(KeysetCursor::before).orElse(false);
        if (page.items().isEmpty() || !(page.hasMore() || backwards)) {
            return "";
        }
        return pageTokenAfter(query, page.items().getLast(), sortValue, id);
    }

    /** A page token for the position just after {@code item} in the list {@code query} asks for (a Relay edge cursor). */
    public <T> String pageTokenAfter(ListQuery query, T item, BiFunction<? super T, String, Comparable<?>> sortValue,
            Function<? super T, String> id) {
        List<Comparable<?>> values = query.sort().stream()
                .<Comparable<?>>map(key -> sortValue.apply(item, key.field())).toList();
        return pageToken(query, KeysetCursor.after(values, id.apply(item)));
    }
}
