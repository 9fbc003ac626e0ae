package dev.strata.core.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The type of a queryable field, which decides how a filter value given as text is read: text as
 * is, a decimal ({@link BigDecimal}, compared by value so that {@code 20.5} equals {@code 20.50}),
 * or an instant (RFC 3339 with an offset, truncated to microseconds like every Strata instant).
 */
public enum FieldKind {
    TEXT {
        @Override
        public Comparable<?> parse(String text) {
            return text;
        }
    },
    DECIMAL {
        @Override
        public Comparable<?> parse(String text) {
            // A bounded length keeps "1e999999999"-style values from costing anything.
            if (text.length() > 40 || !text.matches("-?\\d+(\\.\\d+)?")) {
                throw new IllegalArgumentException("is not a decimal number such as 12.50");
            }
            return new BigDecimal(text);
        }
    },
    INSTANT {
        @Override
        public Comparable<?> parse(String text) {
            try {
                return OffsetDateTime.parse(text).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            } catch (DateTimeParseException failure) {
                throw new IllegalArgumentException("is not an RFC 3339 timestamp such as 2026-01-01T00:00:00Z");
            }
        }
    };

    /**
     * The value {@code text} stands for: a {@link String}, a {@link BigDecimal} or an
     * {@link Instant}.
     *
     * @throws IllegalArgumentException with a message for people when the text is not one
     */
    public abstract Comparable<?> parse(String text);

    /** The text form of a value of this kind, which {@link #parse} reads back to an equal value. */
    public String format(Object value) {
        return switch (this) {
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case INSTANT, TEXT -> value.toString();
        };
    }
}
