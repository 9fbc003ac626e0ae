package dev.strata.adapters.graphql;

import dev.strata.core.common.FieldKind;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The schema's two custom scalars, both written as strings so that no JSON number loses a digit:
 * {@code DateTime} (RFC 3339 in UTC with microseconds, as the REST API writes instants) and
 * {@code Decimal} (an exact decimal such as {@code 12.50}, read with the same rules as REST's
 * list filters). Thread-safe.
 */
final class Scalars {

    private static final DateTimeFormatter MICROSECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar().name("DateTime")
            .coercing(new TextCoercing<Instant>(FieldKind.INSTANT) {
                @Override
                String write(Object value) {
                    if (value instanceof Instant instant) {
                        return MICROSECONDS.format(instant);
                    }
                    throw new CoercingSerializeException("not an instant");
                }
            }).build();

    static final GraphQLScalarType DECIMAL = GraphQLScalarType.newScalar().name("Decimal")
            .coercing(new TextCoercing<BigDecimal>(FieldKind.DECIMAL) {
                @Override
                String write(Object value) {
                    if (value instanceof BigDecimal decimal) {
                        return decimal.toPlainString();
                    }
                    throw new CoercingSerializeException("not a decimal");
                }
            }).build();

    private Scalars() {
    }

    /** A scalar written as a string and read by a core {@link FieldKind}, from a variable or a literal. */
    private abstract static class TextCoercing<T> implements Coercing<T, String> {

        private final FieldKind kind;

        TextCoercing(FieldKind kind) {
            this.kind = kind;
        }

        abstract String write(Object value);

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            return write(value);
        }

        @Override
        public T parseValue(Object input, GraphQLContext context, Locale locale) {
            if (!(input instanceof String text)) {
                throw new CoercingParseValueException("must be a string, such as " + example());
            }
            try {
                return read(text);
            } catch (IllegalArgumentException malformed) {
                throw new CoercingParseValueException("'" + text + "' " + malformed.getMessage());
            }
        }

        @Override
        public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (!(input instanceof StringValue text)) {
                throw new CoercingParseLiteralException("must be a string, such as " + example());
            }
            try {
                return read(text.getValue());
            } catch (IllegalArgumentException malformed) {
                throw new CoercingParseLiteralException("'" + text.getValue() + "' " + malformed.getMessage());
            }
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.of(write(input));
        }

        @SuppressWarnings("unchecked")
        private T read(String text) {
            return (T) kind.parse(text);
        }

        private String example() {
            return kind == FieldKind.DECIMAL ? "\"12.50\"" : "\"2026-01-01T00:00:00Z\"";
        }
    }
}
