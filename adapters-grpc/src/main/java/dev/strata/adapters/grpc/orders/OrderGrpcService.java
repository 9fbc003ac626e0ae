package dev.strata.adapters.grpc.orders;

import static dev.strata.adapters.grpc.call.Replies.reply;

import dev.strata.adapters.grpc.call.Callers;
import dev.strata.adapters.grpc.call.Etags;
import dev.strata.adapters.grpc.call.FieldMasks;
import dev.strata.adapters.grpc.call.FieldPaths;
import dev.strata.adapters.grpc.call.IdempotencyKeys;
import dev.strata.adapters.grpc.call.ResourceNames;
import dev.strata.adapters.grpc.v1.CancelOrderRequest;
import dev.strata.adapters.grpc.v1.CancelOrderResponse;
import dev.strata.adapters.grpc.v1.CreateOrderRequest;
import dev.strata.adapters.grpc.v1.CreateOrderResponse;
import dev.strata.adapters.grpc.v1.DeleteOrderRequest;
import dev.strata.adapters.grpc.v1.DeleteOrderResponse;
import dev.strata.adapters.grpc.v1.GetOrderRequest;
import dev.strata.adapters.grpc.v1.GetOrderResponse;
import dev.strata.adapters.grpc.v1.ListOrdersRequest;
import dev.strata.adapters.grpc.v1.ListOrdersResponse;
import dev.strata.adapters.grpc.v1.OrderServiceGrpc;
import dev.strata.adapters.grpc.v1.PayOrderRequest;
import dev.strata.adapters.grpc.v1.PayOrderResponse;
import dev.strata.adapters.grpc.v1.ShipOrderRequest;
import dev.strata.adapters.grpc.v1.ShipOrderResponse;
import dev.strata.adapters.grpc.v1.UpdateOrderRequest;
import dev.strata.adapters.grpc.v1.UpdateOrderResponse;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.Page;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.orders.Order;
import dev.strata.core.orders.OrderDraft;
import dev.strata.core.orders.OrderId;
import dev.strata.core.orders.OrderService;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code strata.v1.OrderService} over {@link OrderService}: standard methods, the custom methods
 * CancelOrder, PayOrder and ShipOrder (AIP-136), and UpdateOrder's {@code allow_missing} for
 * creating under a client-chosen name, as REST's PUT does. Every rule is the service's.
 */
public final class OrderGrpcService extends OrderServiceGrpc.OrderServiceImplBase {

    private static final List<String> UPDATABLE = List.of("currency_code", "items", "comment");
    /** Core's field names that are not the message's. */
    private static final Map<String, String> ORDER_FIELDS = Map.of("currency", "order.currency_code", "id", "order.name");

    private final OrderService orders;

    /** The service over {@code orders}. */
    public OrderGrpcService(OrderService orders) {
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    @Override
    public void createOrder(CreateOrderRequest request, StreamObserver<CreateOrderResponse> responses) {
        AuthenticatedSession caller = Callers.current();
        if (!request.getOrderId().isEmpty() && !request.getRequestId().isEmpty()) {
            throw ValidationException.of("request_id", "conflicting_fields",
                    "cannot be combined with order_id: creating under a chosen id is already safe to retry");
        }
        OrderDraft draft = draftOf(request.getOrder().getCurrencyCode(), request.getOrder());
        Order order;
        if (request.getOrderId().isEmpty()) {
            Optional<IdempotencyKey> key = IdempotencyKeys.of(request.getRequestId());
            order = FieldPaths.under("order", ORDER_FIELDS, () -> key.isPresent()
                    ? orders.create(caller, draft, key.get()) : orders.create(caller, draft)).value();
        } else {
            OrderId id = FieldPaths.under("", Map.of("id", "order_id"), () -> new OrderId(request.getOrderId()));
            order = FieldPaths.under("order", ORDER_FIELDS, () -> orders.createWithId(caller, id, draft));
        }
        reply(responses, CreateOrderResponse.newBuilder().setOrder(OrderMessages.toProto(order)).build());
    }

    @Override
    public void getOrder(GetOrderRequest request, StreamObserver<GetOrderResponse> responses) {
        Order order = orders.get(Callers.current(), ResourceNames.order("name", request.getName()));
        reply(responses, GetOrderResponse.newBuilder().setOrder(OrderMessages.toProto(order)).build());
    }

    @Override
    public void listOrders(ListOrdersRequest request, StreamObserver<ListOrdersResponse> responses) {
        OrderListing listing = OrderListing.read(request);
        Page<Order> page = orders.list(Callers.current(), listing.query());
        reply(responses, ListOrdersResponse.newBuilder()
                .addAllOrders(page.items().stream().map(OrderMessages::toProto).toList())
                .setNextPageToken(listing.nextPageToken(page))
                .build());
    }

    @Override
    public void updateOrder(UpdateOrderRequest request, StreamObserver<UpdateOrderResponse> responses) {
        AuthenticatedSession caller = Callers.current();
        OrderId id = ResourceNames.order("order.name", request.getOrder().getName());
        Set<String> paths = FieldMasks.paths(request.getUpdateMask(), UPDATABLE, Set.copyOf(UPDATABLE));
        Optional<Order> current = orders.find(caller, id);
        Order result;
        if (current.isEmpty()) {
            if (!request.getAllowMissing()) {
                orders.get(caller, id);
            }
            // AIP-134's upsert: the order is made from the request alone, as a create would.
            OrderDraft draft = draftOf(request.getOrder().getCurrencyCode(), request.getOrder());
            result = FieldPaths.under("order", ORDER_FIELDS, () -> orders.createWithId(caller, id, draft));
        } else {
            long version = Etags.required("order.etag", request.getOrder().getEtag());
            Order base = current.get();
            dev.strata.adapters.grpc.v1.Order asked = request.getOrder();
            OrderDraft draft = FieldPaths.under("order", ORDER_FIELDS, () -> OrderMessages.toDraft(
                    paths.contains("currency_code") ? asked.getCurrencyCode() : base.currency(),
                    paths.contains("items") ? asked.getItemsList() : OrderMessages.toProto(base).getItemsList(),
                    paths.contains("comment") ? asked.getComment() : base.comment()));
            result = FieldPaths.under("order", ORDER_FIELDS, () -> orders.replace(caller, id, draft, version));
        }
        reply(responses, UpdateOrderResponse.newBuilder().setOrder(OrderMessages.toProto(result)).build());
    }

    @Override
    public void deleteOrder(DeleteOrderRequest request, StreamObserver<DeleteOrderResponse> responses) {
        AuthenticatedSession caller = Callers.current();
        OrderId id = ResourceNames.order("name", request.getName());
        Optional<Long> etag = Etags.optional("etag", request.getEtag());
        long version = etag.orElseGet(() -> orders.get(caller, id).version());
        orders.delete(caller, id, version);
        reply(responses, DeleteOrderResponse.getDefaultInstance());
    }

    @Override
    public void cancelOrder(CancelOrderRequest request, StreamObserver<CancelOrderResponse> responses) {
        OrderId id = ResourceNames.order("name", request.getName());
        Order order = orders.cancel(Callers.current(), id, request.getReason());
        reply(responses, CancelOrderResponse.newBuilder().setOrder(OrderMessages.toProto(order)).build());
    }

    @Override
    public void payOrder(PayOrderRequest request, StreamObserver<PayOrderResponse> responses) {
        Order order = orders.pay(Callers.current(), ResourceNames.order("name", request.getName()));
        reply(responses, PayOrderResponse.newBuilder().setOrder(OrderMessages.toProto(order)).build());
    }

    @Override
    public void shipOrder(ShipOrderRequest request, StreamObserver<ShipOrderResponse> responses) {
        Order order = orders.ship(Callers.current(), ResourceNames.order("name", request.getName()));
        reply(responses, ShipOrderResponse.newBuilder().setOrder(OrderMessages.toProto(order)).build());
    }

    private static OrderDraft draftOf(String currencyCode, dev.strata.adapters.grpc.v1.Order order) {
        return FieldPaths.under("order", ORDER_FIELDS,
                () -> OrderMessages.toDraft(currencyCode, order.getItemsList(), order.getComment()));
    }
}
