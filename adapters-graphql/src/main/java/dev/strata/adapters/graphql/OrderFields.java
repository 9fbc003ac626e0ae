package dev.strata.adapters.graphql;

import dev.strata.adapters.graphql.Views.AccountView;
import dev.strata.adapters.graphql.Views.CreatedView;
import dev.strata.core.common.Created;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.Page;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.orders.Cancellation;
import dev.strata.core.orders.Order;
import dev.strata.core.orders.OrderDraft;
import dev.strata.core.orders.OrderId;
import dev.strata.core.orders.OrderItemDraft;
import dev.strata.core.orders.OrderService;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Orders: the order service's operations as queries, mutations and fields. */
final class OrderFields {

    private final OrderService orders;

    OrderFields(OrderService orders) {
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("order", field -> orders.get(Fetching.session(field), orderId(field)))
                .dataFetcher("orders", this::page));
        wiring.type("Account", type -> type.dataFetcher("orders", field -> {
            AccountView account = field.getSource();
            return account.isOwn() ? page(field) : null;
        }));
        wiring.type("Mutation", type -> type
                .dataFetcher("createOrder", field -> {
                    AuthenticatedSession caller = Fetching.session(field);
                    OrderDraft draft = draft(field.getArgument("input"));
                    Created<Order> created = Fetching.idempotencyKey(field)
                            .map(key -> orders.create(caller, draft, key)).orElseGet(() -> orders.create(caller, draft));
                    return new CreatedView(created.value(), created.replayed());
                })
                .dataFetcher("createOrderWithId", field -> orders.createWithId(Fetching.session(field),
                        orderId(field), draft(field.getArgument("input"))))
                .dataFetcher("replaceOrder", field -> orders.replace(Fetching.session(field), orderId(field),
                        draft(field.getArgument("input")), field.<Integer>getArgument("expectedVersion")))
                .dataFetcher("updateOrder", this::update)
                .dataFetcher("deleteOrder", this::delete)
                .dataFetcher("cancelOrder", field -> orders.cancel(Fetching.session(field), orderId(field),
                        field.getArgument("reason")))
                .dataFetcher("payOrder", field -> orders.pay(Fetching.session(field), orderId(field)))
                .dataFetcher("shipOrder", field -> orders.ship(Fetching.session(field), orderId(field))));
        wiring.type("Order", type -> type
                .dataFetcher("id", field -> Fetching.<Order>source(field).id().value())
                .dataFetcher("owner", field -> AccountView.seenBy(Fetching.session(field),
                        Fetching.<Order>source(field).ownerId())));
        wiring.type("Cancellation", type -> type
                .dataFetcher("at", field -> Fetching.<Cancellation>source(field).cancelledAt()));
        wiring.type("CreateOrderPayload", type -> type
                .dataFetcher("order", field -> Fetching.<CreatedView>source(field).value()));
    }

    /** The changed parts merged over the order as it is, replaced against the version the client read. */
    private Order update(DataFetchingEnvironment field) {
        AuthenticatedSession caller = Fetching.session(field);
        OrderId id = orderId(field);
        Map<String, Object> changes = field.getArgument("input");
        Order current = orders.get(caller, id);
        OrderDraft draft = new OrderDraft(
                changes.get("currency") instanceof String currency ? currency : current.currency(),
                changes.get("items") instanceof List<?> items ? itemDrafts(items)
                        : current.items().stream().map(item -> new OrderItemDraft(item.sku(), item.quantity(),
                                item.unitPrice())).toList(),
                changes.containsKey("comment") ? (String) changes.get("comment") : current.comment());
        return orders.replace(caller, id, draft, field.<Integer>getArgument("expectedVersion"));
    }

    private boolean delete(DataFetchingEnvironment field) {
        AuthenticatedSession caller = Fetching.session(field);
        OrderId id = orderId(field);
        Integer expected = field.getArgument("expectedVersion");
        orders.delete(caller, id, expected != null ? expected : orders.get(caller, id).version());
        return true;
    }

    /**
     * A page of the caller's orders, filtered and ordered as the REST list is ({@code filter} in the
     * one-string form, {@code orderBy} as {@code -created_at,+amount} or {@code created_at desc}),
     * read as Relay's arguments ask; the cursors are REST's page tokens for the same list.
     */
    private Connection<Order> page(DataFetchingEnvironment field) {
        AuthenticatedSession caller = Fetching.session(field);
        Paging paging = Paging.of(field);
        String filter = field.getArgument("filter");
        String orderBy = field.getArgument("orderBy");
        ListQuery read = Cursors.naming(paging.cursorArgument(), () -> OrderService.QUERY.listQuery(filter, orderBy,
                paging.size(), paging.cursor().orElse(null)));
        ListQuery query = paging.backwards()
                ? read.at(KeysetCursor.before(read.cursor().orElseThrow().sortValues(), read.cursor().orElseThrow().id()))
                : read;
        Page<Order> page = orders.list(caller, query);
        return Connection.of(page.items(), page.hasMore(), paging,
                order -> OrderService.QUERY.pageTokenAfter(query, order, OrderService::sortValue,
                        listed -> listed.id().value()));
    }

    private static OrderDraft draft(Map<String, Object> input) {
        return new OrderDraft((String) input.get("currency"), itemDrafts((List<?>) input.get("items")),
                (String) input.get("comment"));
    }

    private static List<OrderItemDraft> itemDrafts(List<?> items) {
        return items.stream().map(item -> {
            Map<?, ?> fields = (Map<?, ?>) item;
            return new OrderItemDraft((String) fields.get("sku"), (Integer) fields.get("quantity"),
                    (BigDecimal) fields.get("unitPrice"));
        }).toList();
    }


    private static OrderId orderId(DataFetchingEnvironment field) {
        return Fetching.id(field, "id", OrderId::new);
    }

}
