package dev.strata.core.common;

import static dev.strata.core.common.ListQuerySchemas.THINGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The filter language: one condition as REST takes it, and conditions joined by AND as gRPC and GraphQL take them. */
class FilterParserTest {

    private static Filter filter(String field, QueryOperator operator, Comparable<?>... values) {
        return new Filter(field, operator, List.of(values));
    }

    static Stream<Arguments> accepted() {
        Instant newYear = Instant.parse("2026-01-01T00:00:00Z");
        return Stream.of(
                arguments("", List.of()),
                arguments("   ", List.of()),
                arguments(null, List.of()),
                arguments("state=open", List.of(filter("state", QueryOperator.EQ, "open"))),
                arguments("state=eq:open AND amount=gte:10.00", List.of(filter("state", QueryOperator.EQ, "open"),
                        filter("amount", QueryOperator.GTE, new BigDecimal("10.00")))),
                arguments("state=in:open,paid", List.of(filter("state", QueryOperator.IN, "open", "paid"))),
                arguments("state=ne:paid", List.of(filter("state", QueryOperator.NE, "paid"))),
                arguments("created_at=2026-01-01T00:00:00Z", List.of(filter("created_at", QueryOperator.EQ, newYear))),
                arguments("created_at=gt:2026-01-01T01:00:00+01:00 AND created_at=lte:2026-01-01T00:00:00.000001Z",
                        List.of(filter("created_at", QueryOperator.GT, newYear),
                                filter("created_at", QueryOperator.LTE, newYear.plusNanos(1000)))),
                arguments("  amount=lt:20.5\tAND\n sku=BOOK-1  ", List.of(filter("amount", QueryOperator.LT,
                        new BigDecimal("20.5")), filter("sku", QueryOperator.EQ, "BOOK-1"))),
                arguments("title=like:*war*", List.of(filter("title", QueryOperator.LIKE, "*war*"))),
                arguments("state = ne:paid", List.of(filter("state", QueryOperator.NE, "paid"))));
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void readsConditionsJoinedByAnd(String text, List<Filter> expected) {
        assertThat(THINGS.parseFilter(text)).isEqualTo(expected);
    }

    /** A refused filter, the code of its one error, and the field name its message must begin with. */
    static Stream<Arguments> refused() {
        String manySkus = "sku=in:" + String.join(",", java.util.Collections.nCopies(101, "A"));
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i <= FilterParser.MAX_CONDITIONS; i++) {
            conditions.add("amount=gt:" + i);
        }
        return Stream.of(
                arguments("colour=red", "unknown_filter_field", "colour"),
                arguments("state=bogus:open", "unknown_operator", "state"),
                arguments("amount=like:1*", "unsupported_operator", "amount"),
                arguments("sku=gt:A", "unsupported_operator", "sku"),
                arguments("state=shipped", "invalid_value", "state"),
                arguments("amount=gt:ten", "invalid_value", "amount"),
                arguments("created_at=gt:2026-13-45T99:99:99Z", "invalid_value", "created_at"),
                arguments("sku=book 1", "invalid_value", "sku"),
                arguments("sku=in:A,,B", "invalid_value", "sku"),
                arguments("state=", "invalid_value", "state"),
                arguments("state=open AND", "invalid_value", "state"),
                arguments(manySkus, "too_many_values", "sku"),
                arguments("title=" + "x".repeat(FilterParser.MAX_EXPRESSION_LENGTH + 1), "too_long", "title"),
                arguments("state", "invalid_filter", "'state'"),
                arguments("=open", "invalid_filter", "'=open'"),
                arguments("state=open OR state=paid", "invalid_filter", "'state=open OR state=paid'"),
                arguments("NOT state=open", "invalid_filter", "'NOT state=open'"),
                arguments("x".repeat(FilterParser.MAX_FILTER_LENGTH + 1), "too_long", "must be"),
                arguments(String.join(" AND ", conditions), "too_many_conditions", "has more than"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void everyRefusalNamesTheFilterAndTheFieldItIsAbout(String text, String code, String beginning) {
        assertThatThrownBy(() -> THINGS.parseFilter(text)).isInstanceOfSatisfying(ValidationException.class,
                refused -> assertThat(refused.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo(FilterParser.FILTER);
                    assertThat(error.code()).isEqualTo(code);
                    assertThat(error.message()).startsWith(beginning);
                }));
    }

    @Test
    void everyBadConditionIsRefusedAtOnce() {
        assertThatThrownBy(() -> THINGS.parseFilter("colour=red AND state=open AND state=shipped AND amount=like:1"))
                .isInstanceOfSatisfying(ValidationException.class, refused -> assertThat(refused.errors())
                        .extracting(FieldError::code)
                        .containsExactly("unknown_filter_field", "invalid_value", "unsupported_operator"));
    }

    @Test
    void aRestConditionIsRefusedUnderItsFieldsOwnName() {
        Validator validator = new Validator();
        QueryField state = THINGS.field("state").orElseThrow();

        assertThat(FilterParser.readCondition(state, "in:open,paid", validator))
                .contains(filter("state", QueryOperator.IN, "open", "paid"));
        assertThat(FilterParser.readCondition(state, "gt:open", validator)).isEmpty();
        assertThat(FilterParser.readCondition(state, "shipped", validator)).isEmpty();

        assertThatThrownBy(validator::throwIfInvalid).isInstanceOfSatisfying(ValidationException.class,
                refused -> assertThat(refused.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("state", "unsupported_operator"),
                        org.assertj.core.groups.Tuple.tuple("state", "invalid_value")));
    }

    @Test
    void anUnknownOperatorNamesTheOnesTheFieldTakes() {
        assertThatThrownBy(() -> THINGS.parseFilter("state=between:open")).hasMessageContaining(
                "state: 'between' is not an operator; use one of eq, ne, in");
    }

    @Test
    void filtersAreWrittenWithTheirOperatorEveryTime() {
        List<Filter> filters = List.of(filter("state", QueryOperator.EQ, "open"),
                filter("amount", QueryOperator.IN, new BigDecimal("1.50"), new BigDecimal("1E+3")));

        assertThat(THINGS.formatFilter(filters)).isEqualTo("state=eq:open AND amount=in:1.50,1000");
        assertThat(THINGS.parseFilter(THINGS.formatFilter(filters))).isEqualTo(List.of(filters.get(0),
                filter("amount", QueryOperator.IN, new BigDecimal("1.50"), new BigDecimal("1000"))));
    }
}
