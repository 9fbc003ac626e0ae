package dev.strata.adapters.grpc;

import static dev.strata.adapters.grpc.GrpcTestServer.errorInfo;
import static dev.strata.adapters.grpc.GrpcTestServer.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.FieldMask;
import dev.strata.adapters.grpc.v1.CancelOrderRequest;
import dev.strata.adapters.grpc.v1.CreateOrderRequest;
import dev.strata.adapters.grpc.v1.CreateSessionResponse;
import dev.strata.adapters.grpc.v1.DeleteOrderRequest;
import dev.strata.adapters.grpc.v1.GetOrderRequest;
import dev.strata.adapters.grpc.v1.ListOrdersRequest;
import dev.strata.adapters.grpc.v1.ListOrdersResponse;
import dev.strata.adapters.grpc.v1.Order;
import dev.strata.adapters.grpc.v1.OrderItem;
import dev.strata.adapters.grpc.v1.OrderServiceGrpc.OrderServiceBlockingStub;
import dev.strata.adapters.grpc.v1.OrderState;
import dev.strata.adapters.grpc.v1.PayOrderRequest;
import dev.strata.adapters.grpc.v1.ShipOrderRequest;
import dev.strata.adapters.grpc.v1.UpdateOrderRequest;
import dev.strata.core.orders.OrderId;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderGrpcServiceTest {

    private final GrpcTestServer grpc = new GrpcTestServer();
    private final CreateSessionResponse ada = grpc.newCaller();
    private final OrderServiceBlockingStub asAda = grpc.orders(ada.getToken());
    private final OrderServiceBlockingStub asBob = grpc.orders(grpc.newCaller().getToken());

    private static final Order BOOKS = Order.newBuilder().setCurrencyCode("EUR").setComment("gift")
            .addItems(OrderItem.newBuilder().setSku("BOOK-1").setQuantity(2).setUnitPrice("12.50"))
            .addItems(OrderItem.newBuilder().setSku("PEN").setQuantity(1).setUnitPrice("0.99"))
            .build();

    @AfterEach
    void stop() {
        grpc.close();
    }

    private Order create(Order order) {
        return asAda.createOrder(CreateOrderRequest.newBuilder().setOrder(order).build()).getOrder();
    }

    private GetOrderRequest get(Order order) {
        return GetOrderRequest.newBuilder().setName(order.getName()).build();
    }

    @Test
    void createsAnOrderWhoseAmountTheServerComputesAndReadsIt() {
        Order order = create(BOOKS);

        assertThat(order.getName()).matches("orders/ord_[0-9a-z]{26}");
        assertThat(order.getOwner()).isEqualTo(ada.getAccount().getName());
        assertThat(order.getState()).isEqualTo(OrderState.ORDER_STATE_OPEN);
        assertThat(order.getAmount()).isEqualTo("25.99");
        assertThat(order.getItemsList()).isEqualTo(BOOKS.getItemsList());
        assertThat(order.getEtag()).isEqualTo("0");
        assertThat(asAda.getOrder(get(order)).getOrder()).isEqualTo(order);
    }

    @Test
    void anotherOwnersOrderIsNotFoundForEveryMethod() {
        Order order = create(BOOKS);

        for (Runnable call : new Runnable[] {
                () -> asBob.getOrder(get(order)),
                () -> asBob.payOrder(PayOrderRequest.newBuilder().setName(order.getName()).build()),
                () -> asBob.cancelOrder(CancelOrderRequest.newBuilder().setName(order.getName()).setReason("x").build()),
                () -> asBob.deleteOrder(DeleteOrderRequest.newBuilder().setName(order.getName()).build()),
                () -> asBob.updateOrder(UpdateOrderRequest.newBuilder().setOrder(order).build())}) {
            StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, call::run);
            assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
            assertThat(errorInfo(failure).getReason()).isEqualTo("order_not_found");
        }
        assertThat(asAda.getOrder(get(order)).getOrder()).isEqualTo(order);
    }

    @Test
    void invalidContentNamesEveryFieldByItsPathInTheRequest() {
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, () -> create(
                Order.newBuilder().setCurrencyCode("euro")
                        .addItems(OrderItem.newBuilder().setSku("OK").setQuantity(0).setUnitPrice("1e3")).build()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violations(failure)).containsExactly("order.items[0].unit_price:invalid_decimal");

        StatusRuntimeException service = catchThrowableOfType(StatusRuntimeException.class, () -> create(
                Order.newBuilder().setCurrencyCode("euro")
                        .addItems(OrderItem.newBuilder().setSku("OK").setQuantity(0).setUnitPrice("1.00")).build()));
        assertThat(violations(service)).containsExactlyInAnyOrder("order.currency_code:invalid_currency",
                "order.items[0].quantity:out_of_range");
    }

    @Test
    void aRequestIdReplaysTheFirstOrderAndIsRefusedWithOtherContent() {
        CreateOrderRequest request = CreateOrderRequest.newBuilder().setOrder(BOOKS).setRequestId("order-42").build();

        Order first = asAda.createOrder(request).getOrder();
        Order replay = asAda.createOrder(request).getOrder();
        StatusRuntimeException reused = catchThrowableOfType(StatusRuntimeException.class, () -> asAda.createOrder(
                request.toBuilder().setOrder(BOOKS.toBuilder().setComment("other")).build()));

        assertThat(replay).isEqualTo(first);
        assertThat(asAda.listOrders(ListOrdersRequest.getDefaultInstance()).getOrdersList()).containsExactly(first);
        assertThat(reused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violations(reused)).containsExactly("request_id:idempotency_key_reused");
    }

    @Test
    void createsUnderAChosenIdOnceAndThenItAlreadyExists() {
        String id = OrderId.generate(grpc.clock).value();
        CreateOrderRequest request = CreateOrderRequest.newBuilder().setOrder(BOOKS).setOrderId(id).build();

        Order order = asAda.createOrder(request).getOrder();
        StatusRuntimeException again = catchThrowableOfType(StatusRuntimeException.class, () -> asAda.createOrder(request));
        StatusRuntimeException malformed = catchThrowableOfType(StatusRuntimeException.class,
                () -> asAda.createOrder(request.toBuilder().setOrderId("ord_nope").build()));

        assertThat(order.getName()).isEqualTo("orders/" + id);
        assertThat(again.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(violations(malformed)).containsExactly("order_id:malformed_id");
    }

    @Test
    void updatesTheMaskedFieldsAgainstTheEtagAndAStaleEtagIsAborted() {
        Order order = create(BOOKS);

        Order changed = asAda.updateOrder(UpdateOrderRequest.newBuilder()
                .setOrder(order.toBuilder().setComment("no gift").setCurrencyCode("USD"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("comment")).build()).getOrder();
        StatusRuntimeException stale = catchThrowableOfType(StatusRuntimeException.class, () -> asAda.updateOrder(
                UpdateOrderRequest.newBuilder().setOrder(order.toBuilder().setComment("again")).build()));
        StatusRuntimeException noEtag = catchThrowableOfType(StatusRuntimeException.class, () -> asAda.updateOrder(
                UpdateOrderRequest.newBuilder().setOrder(order.toBuilder().clearEtag()).build()));

        assertThat(changed.getComment()).isEqualTo("no gift");
        assertThat(changed.getCurrencyCode()).isEqualTo("EUR");
        assertThat(changed.getItemsList()).isEqualTo(BOOKS.getItemsList());
        assertThat(changed.getEtag()).isEqualTo("1");
        assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(errorInfo(stale).getReason()).isEqualTo("version_mismatch");
        assertThat(violations(noEtag)).containsExactly("order.etag:required");
    }

    @Test
    void aFullReplacementAndAnUpsertWithAllowMissing() {
        Order order = create(BOOKS);
        Order replacement = Order.newBuilder().setName(order.getName()).setEtag(order.getEtag()).setCurrencyCode("USD")
                .addItems(OrderItem.newBuilder().setSku("MUG").setQuantity(3).setUnitPrice("4.00")).build();

        Order replaced = asAda.updateOrder(UpdateOrderRequest.newBuilder().setOrder(replacement)
                .setUpdateMask(FieldMask.newBuilder().addPaths("*")).build()).getOrder();
        assertThat(replaced.getAmount()).isEqualTo("12.00");
        assertThat(replaced.getComment()).isEmpty();

        String name = "orders/" + OrderId.generate(grpc.clock).value();
        StatusRuntimeException missing = catchThrowableOfType(StatusRuntimeException.class, () -> asAda.updateOrder(
                UpdateOrderRequest.newBuilder().setOrder(BOOKS.toBuilder().setName(name)).build()));
        Order upserted = asAda.updateOrder(UpdateOrderRequest.newBuilder().setOrder(BOOKS.toBuilder().setName(name))
                .setAllowMissing(true).build()).getOrder();
        assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(upserted.getName()).isEqualTo(name);
        assertThat(upserted.getEtag()).isEqualTo("0");
    }

    @Test
    void movesThroughItsLifeByCustomMethods() {
        Order order = create(BOOKS);

        Order paid = asAda.payOrder(PayOrderRequest.newBuilder().setName(order.getName()).build()).getOrder();
        assertThat(paid.getState()).isEqualTo(OrderState.ORDER_STATE_PAID);
        assertThat(paid.hasPayTime()).isTrue();
        StatusRuntimeException payAgain = catchThrowableOfType(StatusRuntimeException.class,
                () -> asAda.payOrder(PayOrderRequest.newBuilder().setName(order.getName()).build()));
        assertThat(payAgain.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(errorInfo(payAgain).getReason()).isEqualTo("order_already_paid");
        StatusRuntimeException change = catchThrowableOfType(StatusRuntimeException.class, () -> asAda.updateOrder(
                UpdateOrderRequest.newBuilder().setOrder(paid).build()));
        assertThat(errorInfo(change).getReason()).isEqualTo("order_not_open");

        Order shipped = asAda.shipOrder(ShipOrderRequest.newBuilder().setName(order.getName()).build()).getOrder();
        assertThat(shipped.getState()).isEqualTo(OrderState.ORDER_STATE_SHIPPED);
        assertThat(shipped.hasShipTime()).isTrue();

        Order other = create(BOOKS);
        StatusRuntimeException noReason = catchThrowableOfType(StatusRuntimeException.class,
                () -> asAda.cancelOrder(CancelOrderRequest.newBuilder().setName(other.getName()).build()));
        assertThat(violations(noReason)).containsExactly("reason:required");
        Order cancelled = asAda.cancelOrder(CancelOrderRequest.newBuilder().setName(other.getName())
                .setReason("changed my mind").build()).getOrder();
        assertThat(cancelled.getState()).isEqualTo(OrderState.ORDER_STATE_CANCELLED);
        assertThat(cancelled.getCancelReason()).isEqualTo("changed my mind");
        assertThat(cancelled.hasCancelTime()).isTrue();
    }

    @Test
    void deletesAnOpenOrderWithOrWithoutAnEtag() {
        Order first = create(BOOKS);
        Order second = create(BOOKS);

        StatusRuntimeException stale = catchThrowableOfType(StatusRuntimeException.class, () -> asAda.deleteOrder(
                DeleteOrderRequest.newBuilder().setName(first.getName()).setEtag("3").build()));
        assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        asAda.deleteOrder(DeleteOrderRequest.newBuilder().setName(first.getName()).setEtag(first.getEtag()).build());
        asAda.deleteOrder(DeleteOrderRequest.newBuilder().setName(second.getName()).build());

        assertThat(catchThrowableOfType(StatusRuntimeException.class, () -> asAda.getOrder(get(first)))
                .getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(asAda.listOrders(ListOrdersRequest.getDefaultInstance()).getOrdersList()).isEmpty();
    }

    @Test
    void listsTheCallersOrdersNewestFirstInPages() {
        Order one = create(BOOKS);
        grpc.clock.advance(Duration.ofSeconds(1));
        Order two = create(BOOKS);
        grpc.clock.advance(Duration.ofSeconds(1));
        Order three = create(BOOKS);
        asBob.createOrder(CreateOrderRequest.newBuilder().setOrder(BOOKS).build());

        ListOrdersResponse first = asAda.listOrders(ListOrdersRequest.newBuilder().setPageSize(2).build());
        ListOrdersResponse second = asAda.listOrders(ListOrdersRequest.newBuilder().setPageSize(2)
                .setPageToken(first.getNextPageToken()).build());

        assertThat(first.getOrdersList()).containsExactly(three, two);
        assertThat(second.getOrdersList()).containsExactly(one);
        assertThat(second.getNextPageToken()).isEmpty();
        assertThat(asAda.listOrders(ListOrdersRequest.newBuilder().setPageSize(1000).build()).getOrdersCount())
                .isEqualTo(3);
    }

    @Test
    void filtersAndOrdersInTheRestFilterLanguageAndBindsTokensToThem() {
        Order cheap = create(BOOKS.toBuilder().clearItems()
                .addItems(OrderItem.newBuilder().setSku("PEN").setQuantity(1).setUnitPrice("1.00")).build());
        grpc.clock.advance(Duration.ofSeconds(1));
        Order dear = create(BOOKS);
        grpc.clock.advance(Duration.ofSeconds(1));
        Order paid = asAda.payOrder(PayOrderRequest.newBuilder().setName(create(BOOKS).getName()).build()).getOrder();

        assertThat(asAda.listOrders(ListOrdersRequest.newBuilder().setFilter("state=open AND amount=gte:10.00").build())
                .getOrdersList()).containsExactly(dear);
        assertThat(asAda.listOrders(ListOrdersRequest.newBuilder().setFilter("sku=eq:PEN").setOrderBy("amount")
                .build()).getOrdersList()).containsExactly(cheap, dear, paid);
        ListOrdersResponse first = asAda.listOrders(ListOrdersRequest.newBuilder().setOrderBy("amount desc")
                .setPageSize(2).build());
        assertThat(asAda.listOrders(ListOrdersRequest.newBuilder().setOrderBy("amount desc").setPageSize(2)
                .setPageToken(first.getNextPageToken()).build()).getOrdersList()).containsExactly(cheap);

        StatusRuntimeException unknown = catchThrowableOfType(StatusRuntimeException.class, () -> asAda.listOrders(
                ListOrdersRequest.newBuilder().setFilter("colour=red").setOrderBy("colour").build()));
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violations(unknown)).extracting(violation -> violation.substring(0, violation.indexOf(':')))
                .containsExactlyInAnyOrder("filter", "order_by");
        StatusRuntimeException otherList = catchThrowableOfType(StatusRuntimeException.class, () -> asAda.listOrders(
                ListOrdersRequest.newBuilder().setPageToken(first.getNextPageToken()).build()));
        assertThat(violations(otherList)).containsExactly("page_token:page_token_mismatch");
    }
}
