package dev.strata.core.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the parts of a list request other than its filters ({@link FilterParser}) against the
 * list's {@link QuerySchema}: the order ({@code sort=-created_at,+amount}, or AIP-132's
 * {@code order_by=created_at desc, amount}), the projection ({@code fields=id,state}), the page size
 * and offset, and, with {@link #read}, a whole request in the style of AIP-132/158/160 (filter,
 * order_by, page_size, page_token) as gRPC and GraphQL take it.
 *
 * <p>The {@code read...} methods record problems in a {@link Validator} under the name of the
 * parameter (so that an adapter can refuse every problem of a request at once) and return a usable
 * default in their place. Stateless and thread-safe.
 */
public final class ListQueryParser {

    /** The REST parameter that orders a list. */
    public static final String SORT = "sort";
    /** The AIP-132 field that orders a list. */
    public static final String ORDER_BY = "order_by";
    /** The parameter that selects fields. */
    public static final String FIELDS = "fields";
    /** The REST parameter for the page size. */
    public static final String LIMIT = "limit";
    /** The AIP-158 field for the page size. */
    public static final String PAGE_SIZE = "page_size";
    /** The REST parameter for offset paging. */
    public static final String OFFSET = "offset";
    /** The longest {@code sort}, {@code order_by} or {@code fields} value, in characters. */
    public static final int MAX_EXPRESSION_LENGTH = FilterParser.MAX_EXPRESSION_LENGTH;

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private ListQueryParser() {
    }

    /**
     * Reads a whole list request in the style of AIP-132/158/160, as gRPC and GraphQL take it:
     * {@code filter} in the one-string form of {@link FilterParser#readFilter}, {@code orderBy} as
     * {@link #readOrderBy} reads it, {@code pageSize} as {@link #pageSize} reads it, and
     * {@code pageToken} one this list gave for the same filter and order. {@code null} and empty
     * strings mean "not given".
     *
     * @throws ValidationException naming every bad field at once ({@code filter}, {@code order_by},
     *                             {@code page_size}), or then the {@code page_token}
     */
    public static ListQuery read(QuerySchema schema, String filter, String orderBy, int pageSize, String pageToken) {
        Validator validator = new Validator();
        List<Filter> filters = FilterParser.readFilter(schema, filter, validator);
        List<SortKey> sort = readOrderBy(schema, orderBy, validator);
        int limit = pageSize(pageSize, validator);
        validator.throwIfInvalid();
        Optional<KeysetCursor> cursor = pageToken == null || pageToken.isEmpty() ? Optional.empty()
                : Optional.of(PageTokens.decode(pageToken, binding(schema, filters, sort, List.of()), sort, schema));
        return new ListQuery(filters, sort, limit, 0, cursor);
    }

    /**
     * Reads REST's {@code sort}: keys separated by commas, each a sortable field, {@code -} before
     * it for descending, {@code +} or nothing for ascending (a space counts as {@code +}, which is
     * how an unencoded {@code +} arrives). Records {@code too_long}, {@code unknown_sort_field} and
     * {@code repeated_sort_key} under {@link #SORT}.
     *
     * @return the keys, or the schema's default order when {@code value} is {@code null} or refused
     */
    public static List<SortKey> readSort(QuerySchema schema, String value, Validator validator) {
        return value == null ? schema.defaultSort() : readKeys(schema, value, SORT, false, validator);
    }

    /**
     * Reads AIP-132's {@code order_by}: keys separated by commas, each a sortable field followed by
     * {@code desc} or {@code asc} (ascending when neither), white space aside; REST's
     * {@code -field} and {@code +field} are taken too. Blank or {@code null} is the default order.
     * Records the codes of {@link #readSort} under {@link #ORDER_BY}.
     *
     * @return the keys, or the schema's default order when {@code value} is blank or refused
     */
    public static List<SortKey> readOrderBy(QuerySchema schema, String value, Validator validator) {
        return value == null || value.isBlank() ? schema.defaultSort()
                : readKeys(schema, value, ORDER_BY, true, validator);
    }

    private static List<SortKey> readKeys(QuerySchema schema, String value, String parameter, boolean suffixes,
            Validator validator) {
        if (tooLong(parameter, value, validator)) {
            return schema.defaultSort();
        }
        List<SortKey> keys = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String raw : value.split(",", -1)) {
            Optional<SortKey> key = sortKey(raw.strip(), suffixes);
            if (key.isEmpty() || !schema.field(key.get().field()).map(QueryField::sortable).orElse(false)) {
                String name = key.map(SortKey::field).orElse(raw.strip());
                unknown.add(name.isEmpty() ? "(empty)" : name);
            } else if (!seen.add(key.get().field())) {
                validator.reject(parameter, "repeated_sort_key", "names " + key.get().field() + " twice");
                return schema.defaultSort();
            } else {
                keys.add(key.get());
            }
        }
        if (!unknown.isEmpty()) {
            validator.reject(parameter, "unknown_sort_field", "cannot sort by " + String.join(", ", unknown)
                    + "; sortable fields are " + String.join(", ", schema.sortableNames()));
            return schema.defaultSort();
        }
        return keys;
    }

    /** {@code [+|-]name}, or with {@code suffixes} also {@code name asc|desc}; empty when neither. */
    private static Optional<SortKey> sortKey(String token, boolean suffixes) {
        String[] words = WHITE_SPACE.split(token);
        if (suffixes && words.length == 2 && (words[1].equals("asc") || words[1].equals("desc"))) {
            return Optional.of(new SortKey(words[0], words[1].equals("desc")));
        }
        if (words.length > 1) {
            return Optional.empty();
        }
        boolean signed = token.startsWith("-") || token.startsWith("+");
        return Optional.of(new SortKey(signed ? token.substring(1) : token, token.startsWith("-")));
    }

    /** The order as REST's {@code sort} writes it, {@code -created_at,+amount}, which both readers read back. */
    public static String formatSort(List<SortKey> sort) {
        return String.join(",", sort.stream().map(SortKey::token).toList());
    }

    /**
     * Reads {@code fields}: names separated by commas, each selectable in the schema. The
     * {@code id} is always selected, first. Records {@code too_long} and {@code unknown_field}
     * under {@link #FIELDS}.
     *
     * @return the selected names, {@code id} first; empty (meaning all) when {@code value} is
     *         {@code null} or refused
     */
    public static List<String> readFields(QuerySchema schema, String value, Validator validator) {
        if (value == null || tooLong(FIELDS, value, validator)) {
            return List.of();
        }
        Set<String> selected = new LinkedHashSet<>();
        selected.add("id");
        List<String> unknown = new ArrayList<>();
        for (String raw : value.split(",", -1)) {
            String name = raw.strip();
            if (!schema.selectable().contains(name)) {
                unknown.add(name.isEmpty() ? "(empty)" : name);
            } else {
                selected.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            validator.reject(FIELDS, "unknown_field", "names fields this resource does not have: "
                    + String.join(", ", unknown) + "; fields are "
                    + String.join(", ", schema.selectable().stream().sorted().toList()));
            return List.of();
        }
        return List.copyOf(selected);
    }

    /**
     * Reads REST's {@code limit}: a whole number from 1 to {@link ListQuery#MAX_LIMIT}, or
     * {@link ListQuery#DEFAULT_LIMIT} when {@code null}. Anything else is refused under
     * {@link #LIMIT} ({@code out_of_range} or {@code invalid_value}), never clamped.
     */
    public static int readLimit(String value, Validator validator) {
        if (value == null) {
            return ListQuery.DEFAULT_LIMIT;
        }
        Optional<Long> number = integer(value);
        if (number.isEmpty() || number.get() < 1 || number.get() > ListQuery.MAX_LIMIT) {
            validator.reject(LIMIT, number.isPresent() ? "out_of_range" : "invalid_value",
                    "must be a whole number from 1 to " + ListQuery.MAX_LIMIT);
            return ListQuery.DEFAULT_LIMIT;
        }
        return number.get().intValue();
    }

    /**
     * Reads AIP-158's {@code page_size}: 0 (unset) is {@link ListQuery#DEFAULT_LIMIT}; above
     * {@link ListQuery#MAX_LIMIT} is coerced to it, as AIP-158 has an API do; negative is refused
     * under {@link #PAGE_SIZE} ({@code out_of_range}).
     */
    public static int pageSize(int pageSize, Validator validator) {
        if (pageSize < 0) {
            validator.reject(PAGE_SIZE, "out_of_range", "must not be negative; 0 asks for the default of "
                    + ListQuery.DEFAULT_LIMIT + ", and at most " + ListQuery.MAX_LIMIT + " are returned");
            return ListQuery.DEFAULT_LIMIT;
        }
        return pageSize == 0 ? ListQuery.DEFAULT_LIMIT : Math.min(pageSize, ListQuery.MAX_LIMIT);
    }

    /**
     * Reads REST's {@code offset}: a whole number from 0 to {@link ListQuery#MAX_OFFSET}, or 0 when
     * {@code null}. Records {@code offset_too_large} or {@code invalid_value} under {@link #OFFSET}.
     */
    public static int readOffset(String value, Validator validator) {
        if (value == null) {
            return 0;
        }
        Optional<Long> number = integer(value);
        if (number.isEmpty() || number.get() < 0 || number.get() > ListQuery.MAX_OFFSET) {
            validator.reject(OFFSET, number.isPresent() && number.get() > ListQuery.MAX_OFFSET ? "offset_too_large"
                    : "invalid_value", "must be a whole number from 0 to " + ListQuery.MAX_OFFSET
                    + "; page deeper with page_token");
            return 0;
        }
        return number.get().intValue();
    }

    /**
     * The canonical form of a list's filters and order, to which {@link PageTokens} bind: the same
     * for the same conditions in any order and any spelling ({@code state=open} and
     * {@code state=eq:open}), and the same in every API style, so a token minted by one reads in
     * another. {@code extraConditions} are the adapter's own conditions (such as a search text),
     * already in a canonical text form.
     */
    public static String binding(QuerySchema schema, List<Filter> filters, List<SortKey> sort,
            Collection<String> extraConditions) {
        List<String> conditions = new ArrayList<>(extraConditions);
        for (Filter filter : filters) {
            conditions.add(FilterParser.format(filter, schema));
        }
        conditions.sort(null);
        return String.join("&", conditions) + "#" + formatSort(sort);
    }

    private static boolean tooLong(String name, String value, Validator validator) {
        if (value.length() > MAX_EXPRESSION_LENGTH) {
            validator.reject(name, "too_long", "must be at most " + MAX_EXPRESSION_LENGTH + " characters");
            return true;
        }
        return false;
    }

    private static Optional<Long> integer(String value) {
        // Digits only, and few enough that the number fits: "1e3", "+5" and "99999999999999999999" are refused.
        if (!INTEGER.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }
}
