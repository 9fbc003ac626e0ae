package dev.strata.adapters.rest.http;

import dev.strata.core.common.Filter;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.QueryField;
import dev.strata.core.common.QueryOperator;
import dev.strata.core.common.QuerySchema;
import dev.strata.core.common.SortKey;
import dev.strata.core.common.Validator;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a collection's query string against the collection's {@link QuerySchema}: filters written
 * {@code field=value} or {@code field=op:value} (several combine with AND; {@code in} takes a comma
 * list), {@code sort=-created_at,+amount}, {@code fields=id,state} (the {@code id} is always
 * included), {@code limit} (1 to 100, default 20; anything else is refused),
 * {@code offset} (at most 10,000) and {@code page_token}. Every problem is collected and refused at
 * once as a 400 naming each parameter: unknown parameters, fields, operators and sort keys,
 * malformed values, and a page token minted for another filter or sort.
 *
 * <p>Immutable and thread-safe once read.
 *
 * @param query      the query to run
 * @param fields     the fields selected by {@code fields=}, {@code id} first; empty for all
 * @param carried    the parameters every link of the list repeats (filters, sort, fields, limit),
 *                   as the client wrote them
 * @param normalized the filters and the sort in a canonical form, to which page tokens are bound
 */
public record ListParameters(ListQuery query, List<String> fields, Map<String, List<String>> carried,
        String normalized) {

    public static final String SORT = "sort";
    public static final String FIELDS = "fields";
    public static final String LIMIT = "limit";
    public static final String OFFSET = "offset";
    public static final String PAGE_TOKEN = "page_token";

    /** The longest filter expression ({@code op:value} or {@code in:a,b,...}), and of sort and fields. */
    public static final int MAX_EXPRESSION_LENGTH = 512;
    /** How many times one filter parameter may be given (its filters combine with AND). */
    public static final int MAX_FILTER_REPEATS = 10;

    private static final Set<String> PAGING = Set.of(SORT, FIELDS, LIMIT, OFFSET, PAGE_TOKEN);
    private static final int MAX_IN_VALUES = 100;

    public ListParameters {
        fields = List.copyOf(fields);
        carried = Map.copyOf(carried);
    }

    /**
     * Reads {@code parameters} (decoded, as {@code UriInfo.getQueryParameters()} gives them).
     * {@code extra} names further parameters the resource reads itself (such as {@code q}); they
     * are accepted and carried into links, and are the resource's to check.
     *
     * @throws dev.strata.core.common.ValidationException naming every bad parameter
     */
    public static ListParameters read(MultivaluedMap<String, String> parameters, QuerySchema schema,
            Set<String> extra) {
        Validator validator = new Validator();
        Map<String, List<String>> carried = new LinkedHashMap<>();
        List<Filter> filters = new ArrayList<>();
        List<String> normalizedFilters = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (PAGING.contains(name)) {
                continue;
            }
            if (extra.contains(name)) {
                carried.put(name, parameter.getValue());
                normalizedFilters.add(name + "=" + String.join("&", parameter.getValue()));
                continue;
            }
            Optional<QueryField> field = schema.field(name).filter(known -> !known.operators().isEmpty());
            if (field.isEmpty()) {
                validator.reject(name, "unknown_parameter", "is not a parameter of this list; filters are "
                        + String.join(", ", schema.filterableNames()) + ", and " + String.join(", ", PAGING.stream().sorted().toList()));
                continue;
            }
            carried.put(name, parameter.getValue());
            if (parameter.getValue().size() > MAX_FILTER_REPEATS) {
                validator.reject(name, "too_many_values", "is given more than " + MAX_FILTER_REPEATS + " times");
                continue;
            }
            for (String expression : parameter.getValue()) {
                readFilter(field.get(), expression, validator).ifPresent(filter -> {
                    filters.add(filter);
                    normalizedFilters.add(normalize(filter, field.get()));
                });
            }
        }
        List<SortKey> sort = readSort(parameters.get(SORT), schema, validator, carried);
        List<String> fields = readFields(parameters.get(FIELDS), schema, validator, carried);
        int limit = readLimit(single(parameters, LIMIT, validator), validator, carried);
        int offset = readOffset(single(parameters, OFFSET, validator), validator);
        String token = single(parameters, PAGE_TOKEN, validator);
        if (token != null && offset > 0) {
            validator.reject(OFFSET, "conflicting_parameters", "cannot be used together with page_token");
        }
        validator.throwIfInvalid();

        normalizedFilters.sort(null);
        String normalized = String.join("&", normalizedFilters) + "#" + String.join(",",
                sort.stream().map(SortKey::token).toList());
        Optional<KeysetCursor> cursor = Optional.empty();
        if (token != null) {
            cursor = Optional.of(PageTokens.decode(token, normalized, sort, schema));
        }
        return new ListParameters(new ListQuery(filters, sort, limit, offset, cursor), fields, carried, normalized);
    }

    private static Optional<Filter> readFilter(QueryField field, String expression, Validator validator) {
        if (tooLong(field.name(), expression, validator)) {
            return Optional.empty();
        }
        QueryOperator operator = QueryOperator.EQ;
        String text = expression;
        int colon = expression.indexOf(':');
        if (colon > 0 && expression.substring(0, colon).matches("[a-z]+")) {
            String token = expression.substring(0, colon);
            Optional<QueryOperator> named = QueryOperator.fromToken(token);
            if (named.isEmpty()) {
                validator.reject(field.name(), "unknown_operator", "'" + token + "' is not an operator; use one of "
                        + operatorList(field));
                return Optional.empty();
            }
            operator = named.get();
            text = expression.substring(colon + 1);
        }
        if (!field.operators().contains(operator)) {
            validator.reject(field.name(), "unsupported_operator", "does not take '" + operator.token()
                    + "'; use one of " + operatorList(field));
            return Optional.empty();
        }
        List<String> texts = operator == QueryOperator.IN ? List.of(text.split(",", -1)) : List.of(text);
        if (texts.size() > MAX_IN_VALUES) {
            validator.reject(field.name(), "too_many_values", "takes at most " + MAX_IN_VALUES + " values");
            return Optional.empty();
        }
        List<Comparable<?>> values = new ArrayList<>();
        for (String one : texts) {
            if (one.isEmpty()) {
                validator.reject(field.name(), "invalid_value", "has an empty value");
                return Optional.empty();
            }
            try {
                values.add(field.parse(one));
            } catch (IllegalArgumentException invalid) {
                validator.reject(field.name(), "invalid_value", "'" + one + "' " + invalid.getMessage());
                return Optional.empty();
            }
        }
        return Optional.of(new Filter(field.name(), operator, values));
    }

    private static String operatorList(QueryField field) {
        return String.join(", ", field.operators().stream().sorted().map(QueryOperator::token).toList());
    }

    private static String normalize(Filter filter, QueryField field) {
        return filter.field() + "=" + filter.operator().token() + ":"
                + String.join(",", filter.values().stream().map(value -> field.kind().format(value)).toList());
    }

    private static List<SortKey> readSort(List<String> values, QuerySchema schema, Validator validator,
            Map<String, List<String>> carried) {
        if (values == null || values.isEmpty()) {
            return schema.defaultSort();
        }
        if (values.size() > 1) {
            validator.reject(SORT, "repeated_parameter", "is given more than once; list the keys in one, comma-separated");
            return schema.defaultSort();
        }
        carried.put(SORT, values);
        if (tooLong(SORT, values.getFirst(), validator)) {
            return schema.defaultSort();
        }
        List<SortKey> keys = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String raw : values.getFirst().split(",", -1)) {
            // A '+' arrives as a space when a client does not percent-encode it.
            String token = raw.strip();
            boolean descending = token.startsWith("-");
            String name = token.startsWith("-") || token.startsWith("+") ? token.substring(1) : token;
            if (!schema.field(name).map(QueryField::sortable).orElse(false)) {
                unknown.add(name.isEmpty() ? "(empty)" : name);
            } else if (!seen.add(name)) {
                validator.reject(SORT, "repeated_sort_key", "names " + name + " twice");
                return schema.defaultSort();
            } else {
                keys.add(new SortKey(name, descending));
            }
        }
        if (!unknown.isEmpty()) {
            validator.reject(SORT, "unknown_sort_field", "cannot sort by " + String.join(", ", unknown)
                    + "; sortable fields are " + String.join(", ", schema.sortableNames()));
            return schema.defaultSort();
        }
        return keys;
    }

    private static List<String> readFields(List<String> values, QuerySchema schema, Validator validator,
            Map<String, List<String>> carried) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        if (values.size() > 1) {
            validator.reject(FIELDS, "repeated_parameter", "is given more than once; list the fields in one, comma-separated");
            return List.of();
        }
        carried.put(FIELDS, values);
        if (tooLong(FIELDS, values.getFirst(), validator)) {
            return List.of();
        }
        Set<String> selected = new LinkedHashSet<>();
        selected.add("id");
        List<String> unknown = new ArrayList<>();
        for (String value : values) {
            for (String raw : value.split(",", -1)) {
                String name = raw.strip();
                if (!schema.selectable().contains(name)) {
                    unknown.add(name.isEmpty() ? "(empty)" : name);
                } else {
                    selected.add(name);
                }
            }
        }
        if (!unknown.isEmpty()) {
            validator.reject(FIELDS, "unknown_field", "names fields this resource does not have: "
                    + String.join(", ", unknown) + "; fields are " + String.join(", ", schema.selectable().stream().sorted().toList()));
        }
        return List.copyOf(selected);
    }

    private static int readLimit(String value, Validator validator, Map<String, List<String>> carried) {
        if (value == null) {
            return ListQuery.DEFAULT_LIMIT;
        }
        carried.put(LIMIT, List.of(value));
        Optional<Long> number = integer(value);
        if (number.isEmpty() || number.get() < 1 || number.get() > ListQuery.MAX_LIMIT) {
            validator.reject(LIMIT, number.isPresent() ? "out_of_range" : "invalid_value",
                    "must be a whole number from 1 to " + ListQuery.MAX_LIMIT);
            return ListQuery.DEFAULT_LIMIT;
        }
        return number.get().intValue();
    }

    private static boolean tooLong(String name, String value, Validator validator) {
        if (value.length() > MAX_EXPRESSION_LENGTH) {
            validator.reject(name, "too_long", "must be at most " + MAX_EXPRESSION_LENGTH + " characters");
            return true;
        }
        return false;
    }

    private static int readOffset(String value, Validator validator) {
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

    private static Optional<Long> integer(String value) {
        // Digits only, and few enough that the number fits: "1e3", "+5" and "99999999999999999999" are refused.
        if (!value.matches("-?\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }

    private static String single(MultivaluedMap<String, String> parameters, String name, Validator validator) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            validator.reject(name, "repeated_parameter", "is given more than once");
            return null;
        }
        return values.getFirst();
    }
}
