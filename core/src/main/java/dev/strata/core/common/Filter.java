package dev.strata.core.common;

import java.util.List;
import java.util.Objects;

/**
 * One condition of a list query: {@code field operator values}. Every operator but {@code in}
 * takes exactly one value; values are {@link String}, {@link java.math.BigDecimal} or
 * {@link java.time.Instant}, as the field's {@link FieldKind} reads them. On a field that holds
 * several values per item (the SKUs of an order), {@code eq} and {@code in} match an item when any
 * of its values matches.
 */
public record Filter(String field, QueryOperator operator, List<Comparable<?>> values) {

    public Filter {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(values);
        if (values.isEmpty() || (operator != QueryOperator.IN && values.size() != 1)) {
            throw new IllegalArgumentException(operator.token() + " on " + field + " got " + values.size() + " values");
        }
    }

    /** The single value of any operator but {@code in}. */
    public Comparable<?> value() {
        return values.getFirst();
    }
}
