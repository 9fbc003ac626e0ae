package dev.strata.adapters.persistence.postgres.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.persistence.postgres.SqlListQuery;
import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.core.common.Filter;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.QueryOperator;
import dev.strata.core.common.SortKey;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * The main list queries of the order store use the indexes on PostgreSQL: with 100,000 orders of
 * one owner and 20,000 of others (inserted in a transaction that is rolled back, so the shared
 * database is left as it was), no plan reads the orders table sequentially. The plans are written
 * to {@code target/order-query-plans.txt}; docs/ORDERS_QUERY_PLANS.md shows them.
 */
class OrderQueryPlansPostgresTest {

    private static final String OWNER = "acct_0000000000000000000000plan";
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    private static Map<String, ListQuery> mainQueries() {
        List<SortKey> newest = List.of(SortKey.descending("created_at"));
        Map<String, ListQuery> queries = new LinkedHashMap<>();
        queries.put("first page, default order (-created_at)", ListQuery.firstPage(newest, 20));
        queries.put("next page by keyset, default order", ListQuery.firstPage(newest, 20)
                .at(KeysetCursor.after(List.of(BASE.plusSeconds(50_000)), "ord_01m8000000000000000000zzzz")));
        queries.put("state=open, default order", ListQuery.firstPage(newest, 20)
                .and(new Filter("state", QueryOperator.EQ, List.of("open"))));
        queries.put("state=in:open,paid, default order", ListQuery.firstPage(newest, 20)
                .and(new Filter("state", QueryOperator.IN, List.of("open", "paid"))));
        queries.put("created_at=gt:..., default order", ListQuery.firstPage(newest, 20)
                .and(new Filter("created_at", QueryOperator.GT, List.of(BASE.plusSeconds(90_000)))));
        queries.put("amount=gte:100&amount=lt:120.50, sort=+amount", ListQuery.firstPage(
                        List.of(SortKey.ascending("amount")), 20)
                .and(new Filter("amount", QueryOperator.GTE, List.of(new BigDecimal("100"))))
                .and(new Filter("amount", QueryOperator.LT, List.of(new BigDecimal("120.50")))));
        queries.put("sort=-amount, next page by keyset", new ListQuery(List.of(), List.of(SortKey.descending("amount")),
                20, 0, Optional.of(KeysetCursor.after(List.of(new BigDecimal("500.99")), "ord_01m8000000000000000000zzzz"))));
        queries.put("sort=-updated_at", ListQuery.firstPage(List.of(SortKey.descending("updated_at")), 20));
        queries.put("sort=+state", ListQuery.firstPage(List.of(SortKey.ascending("state")), 20));
        queries.put("sku=SKU-7, default order", ListQuery.firstPage(newest, 20)
                .and(new Filter("sku", QueryOperator.EQ, List.of("SKU-7"))));
        return queries;
    }

    @Test
    void theMainListQueriesUseIndexesNotSequentialScans() throws IOException, SQLException {
        List<String> report = new ArrayList<>();
        TestDatabases.postgres().jdbi().useHandle(handle -> {
            handle.begin();
            try {
                // Loading the rows takes longer than the pool's statement timeout allows, and on a
                // busy machine longer than the driver's socket timeout; for this transaction and this
                // borrowing only (HikariCP restores the network timeout when the connection returns).
                handle.execute("SET LOCAL statement_timeout = 0");
                handle.getConnection().setNetworkTimeout(Runnable::run, 0);
                insertRows(handle);
                for (Map.Entry<String, ListQuery> query : mainQueries().entrySet()) {
                    SqlListQuery.Rendered sql = JdbiOrderStore.render(query.getValue());
                    String statement = JdbiOrderStore.listSql(sql);
                    List<String> plan = sql.bindTo(handle.createQuery("EXPLAIN " + statement))
                            .bind("owner", OWNER).mapTo(String.class).list();
                    report.add("-- " + query.getKey() + "\n" + statement + "\n" + String.join("\n", plan) + "\n");
                    assertThat(String.join("\n", plan)).as(query.getKey())
                            .doesNotContain("Seq Scan on orders ")
                            .doesNotContain("Seq Scan on order_items ")
                            .contains("Index");
                }
            } finally {
                handle.rollback();
            }
        });
        Files.writeString(Path.of("target", "order-query-plans.txt"), String.join("\n", report));
    }

    private static void insertRows(Handle handle) {
        // 100,000 orders of one owner, 20,000 of 200 others; one or two items each.
        handle.execute("""
                INSERT INTO orders.orders (id, owner_id, state, currency, amount, comment, created_at, updated_at, version)
                SELECT 'ord_plan' || lpad(i::text, 22, '0'),
                       CASE WHEN i <= 100000 THEN ? ELSE 'acct_other' || (i % 200) END,
                       (ARRAY['open', 'paid', 'shipped', 'cancelled'])[1 + i % 4],
                       CASE WHEN i % 3 = 0 THEN 'USD' ELSE 'EUR' END,
                       (i % 1000) + 0.99, '',
                       ?::timestamptz + i * interval '1 second',
                       ?::timestamptz + (i % 5000) * interval '1 minute', 0
                FROM generate_series(1, 120000) AS i
                """, OWNER, BASE.toString(), BASE.toString());
        handle.execute("""
                INSERT INTO orders.order_items (order_id, line_number, sku, quantity, unit_price)
                SELECT 'ord_plan' || lpad(i::text, 22, '0'), 0, 'SKU-' || (i % 500), 1, (i % 1000) + 0.99
                FROM generate_series(1, 120000) AS i
                """);
        handle.execute("ANALYZE orders.orders");
        handle.execute("ANALYZE orders.order_items");
    }
}
