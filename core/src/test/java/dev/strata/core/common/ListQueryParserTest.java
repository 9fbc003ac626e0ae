package dev.strata.core.common;

import static dev.strata.core.common.ListQuerySchemas.THINGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The order, projection and page size of a list, and whole AIP-style list requests. */
class ListQueryParserTest {

    private static final List<SortKey> NEWEST = List.of(SortKey.descending("created_at"));

    private static List<FieldError> errorsOf(Consumer<Validator> reading) {
        Validator validator = new Validator();
        reading.accept(validator);
        try {
            validator.throwIfInvalid();
        } catch (ValidationException refused) {
            return refused.errors();
        }
        throw new AssertionError("it was accepted");
    }

    static Stream<Arguments> orders() {
        return Stream.of(
                arguments(null, NEWEST),
                arguments("  ", NEWEST),
                arguments("amount", List.of(SortKey.ascending("amount"))),
                arguments("amount desc", List.of(SortKey.descending("amount"))),
                arguments(" amount   asc ,created_at desc", List.of(SortKey.ascending("amount"), SortKey.descending("created_at"))),
                arguments("-created_at,+amount", List.of(SortKey.descending("created_at"), SortKey.ascending("amount"))),
                arguments("state, -amount", List.of(SortKey.ascending("state"), SortKey.descending("amount"))));
    }

    @ParameterizedTest
    @MethodSource("orders")
    void readsAnOrderByInAip132sFormOrRests(String text, List<SortKey> expected) {
        assertThat(THINGS.parseOrderBy(text)).isEqualTo(expected);
    }

    static Stream<Arguments> badOrders() {
        return Stream.of(
                arguments("weight", "unknown_sort_field", "cannot sort by weight; sortable fields are amount, created_at, state"),
                arguments("sku", "unknown_sort_field", "cannot sort by sku;"),
                arguments("amount descending", "unknown_sort_field", "cannot sort by amount descending;"),
                arguments("-amount desc", "unknown_sort_field", "cannot sort by -amount;"),
                arguments("amount,", "unknown_sort_field", "cannot sort by (empty);"),
                arguments("amount, -amount", "repeated_sort_key", "names amount twice"),
                arguments("a".repeat(ListQueryParser.MAX_EXPRESSION_LENGTH + 1), "too_long", "must be at most 512"));
    }

    @ParameterizedTest
    @MethodSource("badOrders")
    void aBadOrderByIsRefusedUnderOrderBy(String text, String code, String message) {
        assertThat(errorsOf(validator -> ListQueryParser.readOrderBy(THINGS, text, validator)))
                .singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("order_by");
                    assertThat(error.code()).isEqualTo(code);
                    assertThat(error.message()).startsWith(message);
                });
    }

    @Test
    void restsSortTakesSignsOnlyAndASpaceForPlus() {
        Validator validator = new Validator();
        assertThat(ListQueryParser.readSort(THINGS, "-created_at, amount", validator))
                .containsExactly(SortKey.descending("created_at"), SortKey.ascending("amount"));
        assertThat(ListQueryParser.readSort(THINGS, null, validator)).isEqualTo(NEWEST);
        assertThat(validator.hasErrors()).isFalse();
        assertThat(errorsOf(v -> ListQueryParser.readSort(THINGS, "amount desc", v)))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("sort", "unknown_sort_field"));
        assertThat(errorsOf(v -> ListQueryParser.readSort(THINGS, "", v)))
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple("sort", "cannot sort by (empty); sortable fields are amount, created_at, state"));
    }

    @Test
    void aSortIsWrittenSoThatBothReadersReadItBack() {
        List<SortKey> sort = List.of(SortKey.ascending("state"), SortKey.descending("amount"));
        assertThat(ListQueryParser.formatSort(sort)).isEqualTo("+state,-amount");
        assertThat(THINGS.parseOrderBy(ListQueryParser.formatSort(sort))).isEqualTo(sort);
        assertThat(ListQueryParser.readSort(THINGS, ListQueryParser.formatSort(sort), new Validator())).isEqualTo(sort);
    }

    @Test
    void fieldsAlwaysSelectTheIdFirstAndRefuseUnknownNames() {
        assertThat(THINGS.parseFields("state, amount,id")).containsExactly("id", "state", "amount");
        assertThat(THINGS.parseFields(null)).isEmpty();
        assertThatThrownBy(() -> THINGS.parseFields("state,secret,")).isInstanceOfSatisfying(ValidationException.class,
                refused -> assertThat(refused.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("fields");
                    assertThat(error.code()).isEqualTo("unknown_field");
                    assertThat(error.message()).startsWith("names fields this resource does not have: secret, (empty);");
                }));
    }

    @Test
    void restsLimitIsOneToAHundredAndNeverClamped() {
        assertThat(ListQueryParser.readLimit(null, new Validator())).isEqualTo(ListQuery.DEFAULT_LIMIT);
        assertThat(ListQueryParser.readLimit("1", new Validator())).isEqualTo(1);
        assertThat(ListQueryParser.readLimit("100", new Validator())).isEqualTo(100);
        for (String bad : List.of("0", "101", "-1", "99999999999999999999")) {
            assertThat(errorsOf(v -> ListQueryParser.readLimit(bad, v))).as(bad)
                    .extracting(FieldError::field).containsExactly("limit");
        }
        assertThat(errorsOf(v -> ListQueryParser.readLimit("101", v))).extracting(FieldError::code)
                .containsExactly("out_of_range");
        assertThat(errorsOf(v -> ListQueryParser.readLimit("1e2", v))).extracting(FieldError::code)
                .containsExactly("invalid_value");
    }

    @Test
    void anOffsetIsZeroToTenThousand() {
        assertThat(ListQueryParser.readOffset(null, new Validator())).isZero();
        assertThat(ListQueryParser.readOffset("10000", new Validator())).isEqualTo(10_000);
        assertThat(errorsOf(v -> ListQueryParser.readOffset("10001", v)))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("offset", "offset_too_large"));
        assertThat(errorsOf(v -> ListQueryParser.readOffset("-1", v)))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("offset", "invalid_value"));
    }

    @Test
    void aPageSizeFollowsAip158ZeroIsTheDefaultAboveTheMaximumIsCoercedNegativeIsRefused() {
        assertThat(ListQueryParser.pageSize(0, new Validator())).isEqualTo(ListQuery.DEFAULT_LIMIT);
        assertThat(ListQueryParser.pageSize(1, new Validator())).isEqualTo(1);
        assertThat(ListQueryParser.pageSize(100, new Validator())).isEqualTo(100);
        assertThat(ListQueryParser.pageSize(101, new Validator())).isEqualTo(ListQuery.MAX_LIMIT);
        assertThat(ListQueryParser.pageSize(Integer.MAX_VALUE, new Validator())).isEqualTo(ListQuery.MAX_LIMIT);
        assertThat(errorsOf(v -> ListQueryParser.pageSize(-1, v)))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("page_size", "out_of_range"));
    }

    @Test
    void aWholeRequestIsReadAndEveryBadFieldNamedAtOnce() {
        ListQuery query = THINGS.listQuery("state=eq:open AND amount=gte:10.00", "amount desc", 0, "");

        assertThat(query.filters()).containsExactly(new Filter("state", QueryOperator.EQ, List.of("open")),
                new Filter("amount", QueryOperator.GTE, List.of(new BigDecimal("10.00"))));
        assertThat(query.sort()).containsExactly(SortKey.descending("amount"));
        assertThat(query.limit()).isEqualTo(ListQuery.DEFAULT_LIMIT);
        assertThat(query.cursor()).isEmpty();
        assertThat(THINGS.listQuery(null, null, 5, null)).isEqualTo(THINGS.firstPage(5));

        assertThatThrownBy(() -> THINGS.listQuery("colour=red", "weight", -1, "not-a-token"))
                .isInstanceOfSatisfying(ValidationException.class, refused -> assertThat(refused.errors())
                        .extracting(FieldError::field).containsExactly("filter", "order_by", "page_size"));
    }

    @Test
    void theFirstPageOfASchemaIsItsDefaultOrder() {
        assertThat(THINGS.firstPage()).isEqualTo(ListQuery.firstPage(NEWEST, ListQuery.DEFAULT_LIMIT));
        assertThat(THINGS.firstPage(7).limit()).isEqualTo(7);
    }
}
