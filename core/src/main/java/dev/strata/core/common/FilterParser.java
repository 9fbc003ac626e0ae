package dev.strata.core.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The filter language every list shares, whatever the API style. One condition is written
 * {@code field=value} (equality) or {@code field=op:value} with {@code op} one of {@code eq, ne,
 * gt, gte, lt, lte, in, like}; {@code in} takes a comma-separated list of values, {@code like} a
 * pattern where {@code *} stands for any run of characters. The field must be filterable in the
 * list's {@link QuerySchema}, the operator one the field takes, and each value one the field can
 * hold; anything else is refused by name, never ignored.
 *
 * <p>REST gives each condition as a query parameter ({@code state=eq:open&amount=gte:10}) and reads
 * it with {@link #readCondition}; gRPC and GraphQL give one string in which conditions are joined
 * by {@code AND}, the conjunction of AIP-160 ({@code state=eq:open AND amount=gte:10}), read with
 * {@link #readFilter}. Either way every condition must hold. {@link #format(List, QuerySchema)}
 * writes filters back in that one-string form, which reads back to equal filters.
 *
 * <p>Stateless and thread-safe.
 */
public final class FilterParser {

    /** The name errors of the one-string form carry: the {@code filter} field of a list request. */
    public static final String FILTER = "filter";
    /** The word that joins conditions in the one-string form, with the spaces around it. */
    public static final String AND = " AND ";
    /** The longest expression of one condition: the text after {@code field=}. */
    public static final int MAX_EXPRESSION_LENGTH = 512;
    /** The most values one {@code in} condition takes. */
    public static final int MAX_IN_VALUES = 100;
    /** The longest one-string filter, in characters. */
    public static final int MAX_FILTER_LENGTH = 4096;
    /** The most conditions one one-string filter holds. */
    public static final int MAX_CONDITIONS = 20;

    private static final Pattern CONJUNCTION = Pattern.compile("\\s+AND\\s+");
    private static final Pattern OTHER_LOGIC = Pattern.compile("(^|.*\\s)(OR|NOT)\\s.*", Pattern.DOTALL);
    private static final Pattern OPERATOR_TOKEN = Pattern.compile("[a-z]+");

    private FilterParser() {
    }

    /** Where the problems with one condition go: under which field, and how their message begins. */
    private record Errors(Validator validator, String field, String prefix) {

        void reject(String code, String message) {
            validator.reject(field, code, prefix + message);
        }
    }

    /**
     * Reads one condition on {@code field} given as its expression ({@code op:value} or
     * {@code value}), as REST takes it from the query parameter named after the field. Problems are
     * recorded in {@code validator} under the field's name: {@code too_long},
     * {@code unknown_operator}, {@code unsupported_operator}, {@code too_many_values} and
     * {@code invalid_value}.
     *
     * @return the filter, or empty when it was refused
     */
    public static Optional<Filter> readCondition(QueryField field, String expression, Validator validator) {
        return readExpression(field, expression, new Errors(validator, field.name(), ""));
    }

    /**
     * Reads the one-string form: conditions {@code field=value} or {@code field=op:value} joined by
     * {@code AND} (upper case, with white space around it). A blank or {@code null} filter has no
     * condition. Problems are recorded in {@code validator} under {@link #FILTER}, each message
     * beginning with the field it is about: {@code too_long}, {@code too_many_conditions},
     * {@code invalid_filter} (not a condition, or {@code OR} or {@code NOT}, which the language does
     * not have), {@code unknown_filter_field}, and the codes of
     * {@link #readCondition}.
     *
     * @return the filters read, in the order given; the refused ones left out
     */
    public static List<Filter> readFilter(QuerySchema schema, String filter, Validator validator) {
        if (filter == null || filter.isBlank()) {
            return List.of();
        }
        if (filter.length() > MAX_FILTER_LENGTH) {
            validator.reject(FILTER, "too_long", "must be at most " + MAX_FILTER_LENGTH + " characters");
            return List.of();
        }
        String[] conditions = CONJUNCTION.split(filter.strip(), -1);
        if (conditions.length > MAX_CONDITIONS) {
            validator.reject(FILTER, "too_many_conditions", "has more than " + MAX_CONDITIONS
                    + " conditions joined by AND");
            return List.of();
        }
        List<Filter> filters = new ArrayList<>();
        for (String condition : conditions) {
            readOneOf(schema, condition, validator).ifPresent(filters::add);
        }
        return filters;
    }

    private static Optional<Filter> readOneOf(QuerySchema schema, String condition, Validator validator) {
        int equals = condition.indexOf('=');
        if (OTHER_LOGIC.matcher(condition).matches()) {
            validator.reject(FILTER, "invalid_filter", "'" + shorten(condition)
                    + "' uses OR or NOT; conditions are joined by AND only");
            return Optional.empty();
        }
        if (equals <= 0) {
            validator.reject(FILTER, "invalid_filter", "'" + shorten(condition)
                    + "' is not a condition; write field=value or field=op:value, joined by AND");
            return Optional.empty();
        }
        String name = condition.substring(0, equals).strip();
        Optional<QueryField> field = schema.field(name).filter(known -> !known.operators().isEmpty());
        if (field.isEmpty()) {
            validator.reject(FILTER, "unknown_filter_field", shorten(name) + ": is not a filter of this list; filters are "
                    + String.join(", ", schema.filterableNames()));
            return Optional.empty();
        }
        return readExpression(field.get(), condition.substring(equals + 1).strip(),
                new Errors(validator, FILTER, name + ": "));
    }

    private static Optional<Filter> readExpression(QueryField field, String expression, Errors errors) {
        if (expression.length() > MAX_EXPRESSION_LENGTH) {
            errors.reject("too_long", "must be at most " + MAX_EXPRESSION_LENGTH + " characters");
            return Optional.empty();
        }
        QueryOperator operator = QueryOperator.EQ;
        String text = expression;
        int colon = expression.indexOf(':');
        if (colon > 0 && OPERATOR_TOKEN.matcher(expression.substring(0, colon)).matches()) {
            String token = expression.substring(0, colon);
            Optional<QueryOperator> named = QueryOperator.fromToken(token);
            if (named.isEmpty()) {
                errors.reject("unknown_operator", "'" + token + "' is not an operator; use one of " + operatorList(field));
                return Optional.empty();
            }
            operator = named.get();
            text = expression.substring(colon + 1);
        }
        if (!field.operators().contains(operator)) {
            errors.reject("unsupported_operator", "does not take '" + operator.token() + "'; use one of "
                    + operatorList(field));
            return Optional.empty();
        }
        List<String> texts = operator == QueryOperator.IN ? List.of(text.split(",", -1)) : List.of(text);
        if (texts.size() > MAX_IN_VALUES) {
            errors.reject("too_many_values", "takes at most " + MAX_IN_VALUES + " values");
            return Optional.empty();
        }
        List<Comparable<?>> values = new ArrayList<>();
        for (String one : texts) {
            if (one.isEmpty()) {
                errors.reject("invalid_value", "has an empty value");
                return Optional.empty();
            }
            try {
                values.add(field.parse(one));
            } catch (IllegalArgumentException invalid) {
                errors.reject("invalid_value", "'" + one + "' " + invalid.getMessage());
                return Optional.empty();
            }
        }
        return Optional.of(new Filter(field.name(), operator, values));
    }

    /**
     * One filter as a condition, {@code field=op:value[,value...]}, always with its operator, each
     * value in its kind's text form; {@link #readCondition} and {@link #readFilter} read it back to
     * an equal filter.
     *
     * @throws IllegalArgumentException when the schema has no such field
     */
    public static String format(Filter filter, QuerySchema schema) {
        FieldKind kind = schema.field(filter.field())
                .orElseThrow(() -> new IllegalArgumentException("no query field " + filter.field())).kind();
        return filter.field() + "=" + filter.operator().token() + ":"
                + String.join(",", filter.values().stream().map(kind::format).toList());
    }

    /** Filters in the one-string form: each {@link #format(Filter, QuerySchema)}, joined by {@link #AND}. */
    public static String format(List<Filter> filters, QuerySchema schema) {
        return String.join(AND, filters.stream().map(filter -> format(filter, schema)).toList());
    }

    private static String operatorList(QueryField field) {
        return String.join(", ", field.operators().stream().sorted().map(QueryOperator::token).toList());
    }

    /** Text quoted back to a client, cut so that a long input does not make a long message. */
    private static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
