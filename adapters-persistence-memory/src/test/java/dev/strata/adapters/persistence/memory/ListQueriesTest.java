package dev.strata.adapters.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.common.Filter;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.Page;
import dev.strata.core.common.QueryOperator;
import dev.strata.core.common.SortKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListQueriesTest {

    record Item(String id, String state, BigDecimal amount, List<String> tags) {
    }

    private static final ListQueries<Item> QUERIES = new ListQueries<>((item, field) -> switch (field) {
        case "state" -> item.state();
        case "amount" -> item.amount();
        case "tag" -> item.tags();
        default -> throw new IllegalArgumentException(field);
    }, Item::id);

    private static final List<Item> ITEMS = List.of(
            new Item("a", "open", new BigDecimal("10.00"), List.of("x")),
            new Item("b", "paid", new BigDecimal("20.5"), List.of("x", "y")),
            new Item("c", "open", new BigDecimal("20.50"), List.of()),
            new Item("d", "open", new BigDecimal("5"), List.of("y")),
            new Item("e", "cancelled", new BigDecimal("30"), List.of("z")));

    private static List<String> ids(Page<Item> page) {
        return page.items().stream().map(Item::id).toList();
    }

    private static ListQuery query(int limit, List<SortKey> sort, Filter... filters) {
        return new ListQuery(List.of(filters), sort, limit, 0, Optional.empty());
    }

    @Test
    void filtersCombineWithAndAndDecimalsCompareByValue() {
        Page<Item> page = QUERIES.page(ITEMS, query(10, List.of(SortKey.ascending("amount")),
                new Filter("state", QueryOperator.IN, List.of("open", "paid")),
                new Filter("amount", QueryOperator.GTE, List.of(new BigDecimal("20.5")))));

        assertThat(ids(page)).containsExactly("b", "c");
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void aMultiValuedFieldMatchesWhenAnyValueDoes() {
        assertThat(ids(QUERIES.page(ITEMS, query(10, List.of(SortKey.ascending("state")),
                new Filter("tag", QueryOperator.EQ, List.of("y")))))).containsExactlyInAnyOrder("b", "d");
        assertThat(ids(QUERIES.page(ITEMS, query(10, List.of(SortKey.ascending("state")),
                new Filter("tag", QueryOperator.NE, List.of("x")))))).containsExactlyInAnyOrder("c", "d", "e");
    }

    @Test
    void theIdBreaksTiesInTheDirectionOfTheLastKey() {
        assertThat(ids(QUERIES.page(ITEMS, query(10, List.of(SortKey.descending("amount"))))))
                .containsExactly("e", "c", "b", "a", "d");
        assertThat(ids(QUERIES.page(ITEMS, query(10, List.of(SortKey.ascending("amount"))))))
                .containsExactly("d", "a", "b", "c", "e");
    }

    @Test
    void keysetPagesWalkForwardAndBackWithoutSkippingOrRepeating() {
        List<SortKey> sort = List.of(SortKey.ascending("state"), SortKey.descending("amount"));
        ListQuery first = query(2, sort);
        List<String> seen = new ArrayList<>();
        Page<Item> page = QUERIES.page(ITEMS, first);
        seen.addAll(ids(page));
        List<Page<Item>> pages = new ArrayList<>(List.of(page));
        while (page.hasMore()) {
            Item last = page.items().getLast();
            page = QUERIES.page(ITEMS, first.at(KeysetCursor.after(List.of(last.state(), last.amount()), last.id())));
            pages.add(page);
            seen.addAll(ids(page));
        }
        assertThat(seen).containsExactly("e", "c", "a", "d", "b");

        Item head = pages.getLast().items().getFirst();
        Page<Item> back = QUERIES.page(ITEMS, first.at(KeysetCursor.before(List.of(head.state(), head.amount()), head.id())));
        assertThat(ids(back)).containsExactly("a", "d");
        assertThat(back.hasMore()).isTrue();
    }

    @Test
    void anOffsetSkipsItems() {
        Page<Item> page = QUERIES.page(ITEMS, query(2, List.of(SortKey.ascending("amount"))).atOffset(3));

        assertThat(ids(page)).containsExactly("c", "e");
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void likeMatchesStarsAsAnyRun() {
        assertThat(ids(QUERIES.page(ITEMS, query(10, List.of(SortKey.ascending("amount")),
                new Filter("state", QueryOperator.LIKE, List.of("*pe*")))))).containsExactly("d", "a", "c");
    }
}
