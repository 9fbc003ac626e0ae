package dev.strata.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The list query model every store reads: fields, operators, filters, sort keys and pages. */
class QueryModelTest {

    private static final List<SortKey> BY_AMOUNT = List.of(SortKey.descending("amount"));

    @Nested
    class Operators {

        @Test
        void eachOperatorIsSpelledInLowercaseAndReadBack() {
            for (QueryOperator operator : QueryOperator.values()) {
                assertThat(operator.token()).isEqualTo(operator.name().toLowerCase(java.util.Locale.ROOT));
                assertThat(QueryOperator.fromToken(operator.token())).contains(operator);
            }
            assertThat(QueryOperator.fromToken("GTE")).isEmpty();
            assertThat(QueryOperator.fromToken("between")).isEmpty();
        }

        @Test
        void onlyTheFourComparisonsAreRanges() {
            assertThat(EnumSet.allOf(QueryOperator.class)).filteredOn(QueryOperator::isRange)
                    .containsExactlyInAnyOrder(QueryOperator.GT, QueryOperator.GTE, QueryOperator.LT, QueryOperator.LTE);
        }
    }

    @Nested
    class Kinds {

        @Test
        void textIsTakenAsItIs() {
            assertThat(FieldKind.TEXT.parse(" a b ")).isEqualTo(" a b ");
            assertThat(FieldKind.TEXT.format("x")).isEqualTo("x");
        }

        @Test
        void decimalsArePlainNumbersOfAtMost40Characters() {
            assertThat(FieldKind.DECIMAL.parse("-12.50")).isEqualTo(new BigDecimal("-12.50"));
            assertThat(FieldKind.DECIMAL.parse("1".repeat(40))).isEqualTo(new BigDecimal("1".repeat(40)));
            for (String bad : List.of("1".repeat(41), "1e5", "12.", ".5", "abc", "")) {
                assertThatThrownBy(() -> FieldKind.DECIMAL.parse(bad)).as(bad)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decimal");
            }
            assertThat(FieldKind.DECIMAL.format(new BigDecimal("1E+3"))).isEqualTo("1000");
        }

        @Test
        void instantsAreRfc3339TruncatedToMicroseconds() {
            assertThat(FieldKind.INSTANT.parse("2026-01-01T01:00:00.1234567+01:00"))
                    .isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
            assertThatThrownBy(() -> FieldKind.INSTANT.parse("yesterday"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RFC 3339");
            assertThat(FieldKind.INSTANT.format(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("2026-01-01T00:00:00Z");
        }
    }

    @Nested
    class Fields {

        @Test
        void anOrderedFieldTakesEveryComparisonAndSorts() {
            QueryField amount = QueryField.ordered("amount", FieldKind.DECIMAL);

            assertThat(amount.operators()).containsExactlyInAnyOrder(QueryOperator.EQ, QueryOperator.NE,
                    QueryOperator.GT, QueryOperator.GTE, QueryOperator.LT, QueryOperator.LTE, QueryOperator.IN);
            assertThat(amount.sortable()).isTrue();
            assertThat(amount.kind()).isEqualTo(FieldKind.DECIMAL);
            assertThat(amount.parse("2.5")).isEqualTo(new BigDecimal("2.5"));
        }

        @Test
        void aChoiceTakesOnlyItsValues() {
            QueryField state = QueryField.choice("state", List.of("paid", "open"));

            assertThat(state.operators()).containsExactlyInAnyOrder(QueryOperator.EQ, QueryOperator.NE, QueryOperator.IN);
            assertThat(state.sortable()).isTrue();
            assertThat(state.parse("paid")).isEqualTo("paid");
            assertThatThrownBy(() -> state.parse("lost")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("is not one of open, paid");
        }

        @Test
        void aTextFieldTakesItsOperatorsAndDoesNotSort() {
            QueryField sku = QueryField.text("sku", Set.of(QueryOperator.EQ, QueryOperator.LIKE));

            assertThat(sku.operators()).containsExactlyInAnyOrder(QueryOperator.EQ, QueryOperator.LIKE);
            assertThat(sku.sortable()).isFalse();
            assertThat(sku.kind()).isEqualTo(FieldKind.TEXT);
            assertThat(sku.parse("anything")).isEqualTo("anything");
        }

        @Test
        void namesAreSnakeCaseAndOnlyTextTakesLike() {
            assertThatThrownBy(() -> QueryField.ordered("Amount", FieldKind.DECIMAL))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> QueryField.ordered("1st", FieldKind.DECIMAL))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new QueryField("amount", FieldKind.DECIMAL, Set.of(QueryOperator.LIKE), false,
                    Set.of())).isInstanceOf(IllegalArgumentException.class);
            assertThat(new QueryField("note", FieldKind.TEXT, Set.of(QueryOperator.LIKE), false, Set.of()).operators())
                    .containsExactly(QueryOperator.LIKE);
        }
    }

    @Nested
    class Schemas {

        private final QuerySchema schema = QuerySchema.of(List.of(QueryField.ordered("amount", FieldKind.DECIMAL),
                QueryField.text("sku", Set.of(QueryOperator.EQ)), QueryField.text("note", Set.of())), BY_AMOUNT,
                Set.of("id", "amount"));

        @Test
        void aSchemaNamesItsFilterableAndSortableFields() {
            assertThat(schema.field("amount")).map(QueryField::name).contains("amount");
            assertThat(schema.field("nothing")).isEmpty();
            assertThat(schema.filterableNames()).containsExactly("amount", "sku");
            assertThat(schema.sortableNames()).containsExactly("amount");
            assertThat(schema.defaultSort()).isEqualTo(BY_AMOUNT);
            assertThat(schema.selectable()).containsExactlyInAnyOrder("id", "amount");
        }

        @Test
        void theDefaultOrderUsesSortableFieldsOnlyAndNamesAreUnique() {
            QueryField amount = QueryField.ordered("amount", FieldKind.DECIMAL);
            QueryField sku = QueryField.text("sku", Set.of());

            assertThatThrownBy(() -> QuerySchema.of(List.of(amount), List.of(), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> QuerySchema.of(List.of(sku), List.of(SortKey.ascending("sku")), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sku");
            assertThatThrownBy(() -> QuerySchema.of(List.of(amount), List.of(SortKey.ascending("missing")), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
            assertThatThrownBy(() -> QuerySchema.of(List.of(amount, amount), BY_AMOUNT, Set.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount");
        }
    }

    @Nested
    class Queries {

        @Test
        void sortKeysAreSpelledWithTheirDirectionAndReverse() {
            assertThat(SortKey.descending("created_at").token()).isEqualTo("-created_at");
            assertThat(SortKey.ascending("amount").token()).isEqualTo("+amount");
            assertThat(SortKey.ascending("amount").reversed()).isEqualTo(SortKey.descending("amount"));
        }

        @Test
        void aFilterTakesOneValueExceptIn() {
            assertThat(new Filter("amount", QueryOperator.GT, List.of(BigDecimal.ONE)).value()).isEqualTo(BigDecimal.ONE);
            assertThat(new Filter("amount", QueryOperator.IN, List.of(BigDecimal.ONE, BigDecimal.TEN)).values())
                    .hasSize(2);
            assertThatThrownBy(() -> new Filter("amount", QueryOperator.EQ, List.of(BigDecimal.ONE, BigDecimal.TEN)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Filter("amount", QueryOperator.IN, List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void limitsAndOffsetsStayWithinTheirBoundsInclusive() {
            assertThat(ListQuery.firstPage(BY_AMOUNT, 1).limit()).isEqualTo(1);
            assertThat(ListQuery.firstPage(BY_AMOUNT, ListQuery.MAX_LIMIT).limit()).isEqualTo(100);
            assertThat(ListQuery.firstPage(BY_AMOUNT, 20).atOffset(ListQuery.MAX_OFFSET).offset()).isEqualTo(10_000);
            for (int limit : List.of(0, 101)) {
                assertThatThrownBy(() -> ListQuery.firstPage(BY_AMOUNT, limit)).as("limit %d", limit)
                        .isInstanceOf(IllegalArgumentException.class);
            }
            for (int offset : List.of(-1, 10_001)) {
                assertThatThrownBy(() -> ListQuery.firstPage(BY_AMOUNT, 20).atOffset(offset)).as("offset %d", offset)
                        .isInstanceOf(IllegalArgumentException.class);
            }
            assertThatThrownBy(() -> ListQuery.firstPage(List.of(), 20)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aQueryPagesByOffsetOrByACursorWithAValuePerSortKey() {
            KeysetCursor cursor = KeysetCursor.after(List.of(BigDecimal.ONE), "ord_1");
            ListQuery first = ListQuery.firstPage(BY_AMOUNT, 20);

            assertThat(first.at(cursor).cursor()).contains(cursor);
            assertThat(first.at(cursor).offset()).isZero();
            assertThat(first.atOffset(5).cursor()).isEmpty();
            assertThat(KeysetCursor.before(List.of(BigDecimal.ONE), "ord_1").before()).isTrue();
            assertThat(cursor.before()).isFalse();
            assertThatThrownBy(() -> new ListQuery(List.of(), BY_AMOUNT, 20, 5, Optional.of(cursor)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> first.at(KeysetCursor.after(List.of(), "ord_1")))
                    .isInstanceOf(IllegalArgumentException.class);
            Filter filter = new Filter("amount", QueryOperator.GT, List.of(BigDecimal.ONE));
            assertThat(first.and(filter).filters()).containsExactly(filter);
            assertThat(first.and(filter).and(filter).filters()).hasSize(2);
        }
    }
}
