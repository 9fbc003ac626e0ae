package dev.strata.core.common;

import java.util.Locale;
import java.util.Optional;

/**
 * A comparison a list filter makes between a field and one value ({@code eq}, {@code gt}, ...), a
 * set of values ({@code in}) or a pattern ({@code like}, where {@code *} stands for any run of
 * characters). Its {@link #token()} is how clients spell it: {@code amount=gte:100}.
 */
public enum QueryOperator {
    EQ, NE, GT, GTE, LT, LTE, IN, LIKE;

    /** The lowercase name clients use, such as {@code gte}. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this operator orders values, and so needs a field whose values are ordered. */
    public boolean isRange() {
        return this == GT || this == GTE || this == LT || this == LTE;
    }

    /** The operator spelled {@code token}, or empty when there is none. */
    public static Optional<QueryOperator> fromToken(String token) {
        for (QueryOperator operator : values()) {
            if (operator.token().equals(token)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }
}
