package dev.strata.adapters.graphql;

import static dev.strata.adapters.graphql.GraphqlWorld.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.graphql.GraphqlWorld.Result;
import dev.strata.core.orders.OrderId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Orders through GraphQL, over the real order service. */
class OrdersGraphqlTest {

    private static final String CREATE = """
            mutation($input: OrderInput!, $key: String) { createOrder(input: $input, idempotencyKey: $key) {
              replayed order { id state currency amount comment version owner { id }
                items { sku quantity unitPrice total } } } }""";
    private static final String FIELDS = "id state amount comment version paidAt shippedAt cancellation { reason at }";

    private final GraphqlWorld world = new GraphqlWorld();
    private final Caller ada = world.signUpAndIn("ada");
    private final Caller bob = world.signUpAndIn("bob");

    private static Map<String, Object> order(String comment, String... prices) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            items.add(map("sku", "SKU-" + i, "quantity", 2, "unitPrice", prices[i]));
        }
        return map("currency", "EUR", "items", items, "comment", comment);
    }

    private String create(Caller caller, Map<String, Object> input) {
        world.clock.advance(Duration.ofMillis(1));
        return (String) world.run(caller, CREATE, map("input", input)).at("createOrder", "order", "id");
    }

    @Nested
    class Creating {

        @Test
        void theServerComputesTheAmountAndAKeyedRetryIsReplayed() {
            Map<String, Object> variables = map("input", order("gift", "12.50", "1.99"), "key", "order-1");

            Result first = world.run(ada, CREATE, variables);
            Result again = world.run(ada, CREATE, variables);

            assertThat(first.at("createOrder", "order", "amount")).isEqualTo("28.98");
            assertThat(first.at("createOrder", "order", "state")).isEqualTo("OPEN");
            assertThat(first.at("createOrder", "order", "items", 0, "total")).isEqualTo("25.00");
            assertThat(first.at("createOrder", "order", "owner", "id"))
                    .isEqualTo(GraphqlWorld.sessionOf(ada).accountId().value());
            assertThat(again.at("createOrder", "replayed")).isEqualTo(true);
            assertThat(again.at("createOrder", "order", "id")).isEqualTo(first.at("createOrder", "order", "id"));
            assertThat(world.run(ada, CREATE, map("input", order("other", "1.00"), "key", "order-1")).onlyError())
                    .containsEntry("code", "idempotency_key_reused");
        }

        @Test
        void invalidItemsAreNamedByTheirPathInTheSchemasSpelling() {
            Map<String, Object> extensions = world.run(ada, CREATE,
                    map("input", order("x", "-1.00", "0.001"))).onlyError();

            assertThat(GraphqlWorld.fieldNames(extensions)).containsExactly("items[0].unitPrice", "items[1].unitPrice");
        }

        @Test
        void aDecimalThatIsNotOneIsRefusedBeforeAnythingRuns() {
            Result refused = world.run(ada, CREATE, map("input", order("x", "twelve")));

            assertThat(refused.ran()).isFalse();
            assertThat(refused.errors()).hasSize(1);
        }

        @Test
        void anOrderUnderAClientsIdIsCreatedOnce() {
            String id = OrderId.generate(world.clock).value();
            String put = "mutation($id: ID!, $input: OrderInput!) { createOrderWithId(id: $id, input: $input) { id } }";

            assertThat(world.run(ada, put, map("id", id, "input", order("x", "1.00"))).at("createOrderWithId", "id"))
                    .isEqualTo(id);
            assertThat(world.run(ada, put, map("id", id, "input", order("x", "1.00"))).codes())
                    .containsExactly("order_already_exists");
            assertThat(world.run(bob, put, map("id", id, "input", order("x", "1.00"))).codes())
                    .containsExactly("order_not_found");
        }
    }

    @Nested
    class Reading {

        @Test
        void anotherOwnersOrderIsNotFound() {
            String id = create(ada, order("mine", "1.00"));

            Result refused = world.run(bob, "query($id: ID!) { order(id: $id) { id } }", Map.of("id", id));

            assertThat(refused.onlyError()).containsEntry("code", "order_not_found")
                    .containsEntry("classification", "NOT_FOUND");
        }

        @Test
        void ordersPageNewestFirstAndTheAccountsOrdersAreTheSameList() {
            List<String> newestFirst = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                newestFirst.addFirst(create(ada, order("n" + i, "1.00")));
            }
            create(bob, order("bob's", "1.00"));

            Result first = world.run(ada, "{ orders(first: 2) { edges { node { id } } pageInfo { hasNextPage endCursor } } }");
            Result rest = world.run(ada, "query($c: String) { viewer { account { orders(first: 2, after: $c) {"
                    + " edges { node { id } } pageInfo { hasNextPage } } } } }",
                    map("c", first.at("orders", "pageInfo", "endCursor")));

            assertThat(List.of(first.at("orders", "edges", 0, "node", "id"), first.at("orders", "edges", 1, "node", "id"),
                    rest.at("viewer", "account", "orders", "edges", 0, "node", "id"))).isEqualTo(newestFirst);
            assertThat(first.at("orders", "pageInfo", "hasNextPage")).isEqualTo(true);
            assertThat(rest.at("viewer", "account", "orders", "pageInfo", "hasNextPage")).isEqualTo(false);
        }
    }

    @Nested
    class Filtering {

        @Test
        void theRestListsFiltersAndOrderApplyAndTheCursorsAreBoundToThem() {
            create(ada, order("cheap", "1.00"));
            String dear = create(ada, order("dear", "40.00"));
            String middle = create(ada, order("middle", "10.00"));
            String query = "query($f: String, $o: String, $c: String) { orders(first: 1, after: $c, filter: $f,"
                    + " orderBy: $o) { edges { node { id } } pageInfo { endCursor hasNextPage } } }";

            Result first = world.run(ada, query, map("f", "amount=gte:10.00 AND state=open", "o", "-amount", "c", null));
            Result second = world.run(ada, query, map("f", "amount=gte:10.00 AND state=open", "o", "-amount",
                    "c", first.at("orders", "pageInfo", "endCursor")));
            Result otherFilter = world.run(ada, query, map("f", "amount=gte:1.00", "o", "-amount",
                    "c", first.at("orders", "pageInfo", "endCursor")));

            assertThat(first.at("orders", "edges", 0, "node", "id")).isEqualTo(dear);
            assertThat(second.at("orders", "edges", 0, "node", "id")).isEqualTo(middle);
            assertThat(second.at("orders", "pageInfo", "hasNextPage")).isEqualTo(false);
            assertThat(GraphqlWorld.fieldNames(otherFilter.onlyError())).containsExactly("after");
            assertThat(GraphqlWorld.fieldCodes(otherFilter.onlyError())).containsExactly("page_token_mismatch");
        }

        @Test
        void anUnknownFieldOrOperatorIsNamed() {
            Map<String, Object> extensions = world.run(ada, "{ orders(filter: \"colour=red\") { edges { cursor } } }")
                    .onlyError();

            assertThat(extensions).containsEntry("code", "validation_failed");
            assertThat(GraphqlWorld.fieldNames(extensions)).contains("filter");
        }

        @Test
        void pagingBackFromAPagesStartReadsThePreviousPage() {
            List<String> newestFirst = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                newestFirst.addFirst(create(ada, order("n" + i, "1.00")));
            }
            Result second = world.run(ada, "{ orders(first: 2) { pageInfo { endCursor } } }");
            Result third = world.run(ada, "query($c: String) { orders(first: 2, after: $c) { pageInfo { startCursor } } }",
                    map("c", second.at("orders", "pageInfo", "endCursor")));

            Result back = world.run(ada, "query($c: String) { orders(last: 2, before: $c) { edges { node { id } } } }",
                    map("c", third.at("orders", "pageInfo", "startCursor")));

            assertThat(back.at("orders", "edges", 0, "node", "id")).isEqualTo(newestFirst.get(0));
            assertThat(back.at("orders", "edges", 1, "node", "id")).isEqualTo(newestFirst.get(1));
        }
    }

    @Nested
    class Changing {

        @Test
        void anUpdateChangesOnlyTheGivenPartsAgainstTheVersionRead() {
            String id = create(ada, order("gift", "12.50"));
            String update = "mutation($id: ID!, $v: Int!, $input: OrderChangesInput!) {"
                    + " updateOrder(id: $id, expectedVersion: $v, input: $input) { " + FIELDS + " items { sku } } }";

            Result updated = world.run(ada, update, map("id", id, "v", 0, "input", map("comment", "birthday gift")));

            assertThat(updated.at("updateOrder", "comment")).isEqualTo("birthday gift");
            assertThat(updated.at("updateOrder", "amount")).isEqualTo("25.00");
            assertThat(updated.at("updateOrder", "version")).isEqualTo(1);
            assertThat(world.run(ada, update, map("id", id, "v", 0, "input", map("comment", "late"))).onlyError())
                    .containsEntry("code", "version_mismatch").containsEntry("classification", "ABORTED");
        }

        @Test
        void aReplacementNeedsTheCurrentVersion() {
            String id = create(ada, order("gift", "12.50"));
            String replace = "mutation($id: ID!, $v: Int!, $input: OrderInput!) {"
                    + " replaceOrder(id: $id, expectedVersion: $v, input: $input) { amount version } }";

            assertThat(world.run(ada, replace, map("id", id, "v", 0, "input", order("new", "3.00")))
                    .at("replaceOrder", "amount")).isEqualTo("6.00");
            assertThat(world.run(ada, replace, map("id", id, "v", 0, "input", order("new", "3.00"))).codes())
                    .containsExactly("version_mismatch");
        }

        @Test
        void anOrderIsPaidShippedAndThenNoLongerCancellable() {
            String id = create(ada, order("gift", "12.50"));

            assertThat(world.run(ada, "mutation($id: ID!) { payOrder(id: $id) { state paidAt } }", Map.of("id", id))
                    .at("payOrder", "state")).isEqualTo("PAID");
            assertThat(world.run(ada, "mutation($id: ID!) { shipOrder(id: $id) { state shippedAt } }", Map.of("id", id))
                    .at("shipOrder", "state")).isEqualTo("SHIPPED");
            assertThat(world.run(ada, "mutation($id: ID!) { cancelOrder(id: $id, reason: \"late\") { state } }",
                    Map.of("id", id)).onlyError())
                    .containsEntry("code", "order_not_cancellable").containsEntry("classification", "FAILED_PRECONDITION");
        }

        @Test
        void aCancelledOrderKeepsItsReasonAndCannotBeDeleted() {
            String id = create(ada, order("gift", "12.50"));

            Result cancelled = world.run(ada, "mutation($id: ID!) { cancelOrder(id: $id, reason: \"ordered twice\") {"
                    + " " + FIELDS + " } }", Map.of("id", id));

            assertThat(cancelled.at("cancelOrder", "cancellation", "reason")).isEqualTo("ordered twice");
            assertThat(world.run(ada, "mutation($id: ID!) { deleteOrder(id: $id) }", Map.of("id", id)).codes())
                    .containsExactly("order_not_open");
        }

        @Test
        void anOpenOrderIsDeletedAndAStaleDeleteIsAborted() {
            String id = create(ada, order("gift", "12.50"));

            assertThat(world.run(ada, "mutation($id: ID!) { deleteOrder(id: $id, expectedVersion: 3) }",
                    Map.of("id", id)).codes()).containsExactly("version_mismatch");
            assertThat(world.run(bob, "mutation($id: ID!) { deleteOrder(id: $id) }", Map.of("id", id)).codes())
                    .containsExactly("order_not_found");
            assertThat(world.run(ada, "mutation($id: ID!) { deleteOrder(id: $id) }", Map.of("id", id))
                    .at("deleteOrder")).isEqualTo(true);
            assertThat(world.run(ada, "query($id: ID!) { order(id: $id) { id } }", Map.of("id", id)).codes())
                    .containsExactly("order_not_found");
        }
    }
}
