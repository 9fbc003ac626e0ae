package dev.strata.adapters.rest.http;

import dev.strata.core.common.Filter;
import dev.strata.core.common.FilterParser;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.ListQueryParser;
import dev.strata.core.common.PageTokens;
import dev.strata.core.common.QueryField;
import dev.strata.core.common.QuerySchema;
import dev.strata.core.common.SortKey;
import dev.strata.core.common.Validator;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * <p>The language itself is core's, shared with every API style ({@link FilterParser} reads a
 * condition, {@link ListQueryParser} the order, fields, limit and offset, {@link PageTokens} the
 * token); what is REST's is here: one parameter per filtered field, the parameters a list may
 * repeat, and what its links carry.
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

    public static final String SORT = ListQueryParser.SORT;
    public static final String FIELDS = ListQueryParser.FIELDS;
    public static final String LIMIT = ListQueryParser.LIMIT;
    public static final String OFFSET = ListQueryParser.OFFSET;
    public static final String PAGE_TOKEN = PageTokens.PAGE_TOKEN;

    /** The longest filter expression ({@code op:value} or {@code in:a,b,...}), and of sort and fields. */
    public static final int MAX_EXPRESSION_LENGTH = FilterParser.MAX_EXPRESSION_LENGTH;
    /** How many times one filter parameter may be given (its filters combine with AND). */
    public static final int MAX_FILTER_REPEATS = 10;

    private static final Set<String> PAGING = Set.of(SORT, FIELDS, LIMIT, OFFSET, PAGE_TOKEN);

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
        List<String> extraConditions = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (PAGING.contains(name)) {
                continue;
            }
            if (extra.contains(name)) {
                carried.put(name, parameter.getValue());
                extraConditions.add(name + "=" + String.join("&", parameter.getValue()));
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
                FilterParser.readCondition(field.get(), expression, validator).ifPresent(filters::add);
            }
        }
        String sortValue = single(parameters, SORT, validator,
                "is given more than once; list the keys in one, comma-separated");
        List<SortKey> sort = ListQueryParser.readSort(schema, sortValue, validator);
        String fieldsValue = single(parameters, FIELDS, validator,
                "is given more than once; list the fields in one, comma-separated");
        List<String> fields = ListQueryParser.readFields(schema, fieldsValue, validator);
        String limitValue = single(parameters, LIMIT, validator, "is given more than once");
        int limit = ListQueryParser.readLimit(limitValue, validator);
        int offset = ListQueryParser.readOffset(single(parameters, OFFSET, validator, "is given more than once"),
                validator);
        String token = single(parameters, PAGE_TOKEN, validator, "is given more than once");
        if (token != null && offset > 0) {
            validator.reject(OFFSET, "conflicting_parameters", "cannot be used together with page_token");
        }
        validator.throwIfInvalid();

        for (String name : List.of(SORT, FIELDS, LIMIT)) {
            if (parameters.get(name) != null && !parameters.get(name).isEmpty()) {
                carried.put(name, parameters.get(name));
            }
        }
        String normalized = ListQueryParser.binding(schema, filters, sort, extraConditions);
        Optional<KeysetCursor> cursor = Optional.empty();
        if (token != null) {
            cursor = Optional.of(PageTokens.decode(token, normalized, sort, schema));
        }
        return new ListParameters(new ListQuery(filters, sort, limit, offset, cursor), fields, carried, normalized);
    }

    /** The one value of a parameter that may be given once, or {@code null} when it is not given or repeated. */
    private static String single(MultivaluedMap<String, String> parameters, String name, Validator validator,
            String repeated) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            validator.reject(name, "repeated_parameter", repeated);
            return null;
        }
        return values.getFirst();
    }
}
