package dev.strata.core.common;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One field a list can be filtered or sorted by: its snake_case name as clients write it, its
 * {@link FieldKind}, the operators it accepts, whether it can be a sort key, and, for fields with
 * a closed set of values (a state), those values, so that a typo is refused rather than matching
 * nothing; and, for text fields whose values have a shape (a currency code, a SKU), that shape, so
 * that a value no item can have is refused rather than searched for.
 */
public record QueryField(String name, FieldKind kind, Set<QueryOperator> operators, boolean sortable,
        Set<String> allowedValues, Optional<ValueShape> shape) {

    /** The shape every value of a text field has: a whole-value pattern and a sentence for people. */
    public record ValueShape(Pattern pattern, String description) {

        public ValueShape {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(description, "description");
        }
    }

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
        Objects.requireNonNull(shape, "shape");
        if (operators.contains(QueryOperator.LIKE) && kind != FieldKind.TEXT) {
            throw new IllegalArgumentException("only text fields take like: " + name);
        }
    }

    /** A field without a value shape. */
    public QueryField(String name, FieldKind kind, Set<QueryOperator> operators, boolean sortable,
            Set<String> allowedValues) {
        this(name, kind, operators, sortable, allowedValues, Optional.empty());
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
     * A text field filtered by the given operators only, not sortable, whose every value matches
     * {@code pattern} (whole), described to people as {@code description}.
     */
    public static QueryField text(String name, Set<QueryOperator> operators, Pattern pattern, String description) {
        return new QueryField(name, FieldKind.TEXT, operators, false, Set.of(),
                Optional.of(new ValueShape(pattern, description)));
    }

    /**
     * Reads one filter value given as text.
     *
     * @throws IllegalArgumentException with a message for people when it is not a value of this field
     */
    public Comparable<?> parse(String text) {
        Comparable<?> value = kind.parse(text);
        if (shape.isPresent() && !shape.get().pattern().matcher(text).matches()) {
            throw new IllegalArgumentException("is not " + shape.get().description());
        }
        if (!allowedValues.isEmpty() && !allowedValues.contains(text)) {
            throw new IllegalArgumentException("is not one of " + String.join(", ", allowedValues.stream().sorted().toList()));
        }
        return value;
    }
}
