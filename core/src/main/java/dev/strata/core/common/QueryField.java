package dev.strata.core.common;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One field a list can be filtered or sorted by: its snake_case name as clients write it, its
 * {@link FieldKind}, the operators it accepts, whether it can be a sort key, and, for fields with
 * a closed set of values (a state), those values, so that a typo is refused rather than matching
 * nothing.
 */
public record QueryField(String name, FieldKind kind, Set<QueryOperator> operators, boolean sortable,
        Set<String> allowedValues) {

    private static final Set<QueryOperator> COMPARISONS = EnumSet.of(QueryOperator.EQ, QueryOperator.NE,
            QueryOperator.GT, QueryOperator.GTE, QueryOperator.LT, QueryOperator.LTE, QueryOperator.IN);

    public QueryField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a query field name is snake_case: " + name);
        }
        operators = Set.copyOf(operators);
        allowedValues = Set.copyOf(allowedValues);
        if (operators.contains(QueryOperator.LIKE) && kind != FieldKind.TEXT) {
            throw new IllegalArgumentException("only text fields take like: " + name);
        }
    }

    /** A field of ordered values (a number, a time) that takes every comparison and can be sorted by. */
    public static QueryField ordered(String name, FieldKind kind) {
        return new QueryField(name, kind, COMPARISONS, true, Set.of());
    }

    /** A field with a closed set of values, filtered by eq, ne and in, and sortable by its text. */
    public static QueryField choice(String name, List<String> values) {
        return new QueryField(name, FieldKind.TEXT, EnumSet.of(QueryOperator.EQ, QueryOperator.NE, QueryOperator.IN),
                true, Set.copyOf(values));
    }

    /** A text field filtered by the given operators only, not sortable. */
    public static QueryField text(String name, Set<QueryOperator> operators) {
        return new QueryField(name, FieldKind.TEXT, operators, false, Set.of());
    }

    /**
     * Reads one filter value given as text.
     *
     * @throws IllegalArgumentException with a message for people when it is not a value of this field
     */
    public Comparable<?> parse(String text) {
        Comparable<?> value = kind.parse(text);
        if (!allowedValues.isEmpty() && !allowedValues.contains(text)) {
            throw new IllegalArgumentException("is not one of " + String.join(", ", allowedValues.stream().sorted().toList()));
        }
        return value;
    }
}
