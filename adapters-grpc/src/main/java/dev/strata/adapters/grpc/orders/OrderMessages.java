package dev.strata.adapters.grpc.orders;

import dev.strata.adapters.grpc.call.Etags;
import dev.strata.adapters.grpc.call.ProtoTimes;
import dev.strata.adapters.grpc.call.ResourceNames;
import dev.strata.adapters.grpc.v1.Order;
import dev.strata.adapters.grpc.v1.OrderItem;
import dev.strata.adapters.grpc.v1.OrderState;
import dev.strata.core.common.Validator;
import dev.strata.core.orders.OrderDraft;
import dev.strata.core.orders.OrderItemDraft;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Core's orders as {@code strata.v1} messages and back, field by field. */
final class OrderMessages {

    /** A plain decimal: no sign, no exponent, no leading zero; range and scale are the service's. */
    private static final String DECIMAL = "(0|[1-9][0-9]*)(\\.[0-9]+)?";
    private static final int MAX_PRICE_LENGTH = 32;

    private OrderMessages() {
    }

    static Order toProto(dev.strata.core.orders.Order order) {
        Order.Builder message = Order.newBuilder()
                .setName(ResourceNames.of(order.id()))
                .setOwner(ResourceNames.of(order.ownerId()))
                .setState(stateOf(order.state()))
                .setCurrencyCode(order.currency())
                .setAmount(order.amount().toPlainString())
                .setComment(order.comment())
                .setCreateTime(ProtoTimes.of(order.createdAt()))
                .setUpdateTime(ProtoTimes.of(order.updatedAt()))
                .setEtag(Etags.of(order.version()));
        for (dev.strata.core.orders.OrderItem item : order.items()) {
            message.addItems(OrderItem.newBuilder().setSku(item.sku()).setQuantity(item.quantity())
                    .setUnitPrice(item.unitPrice().toPlainString()));
        }
        order.paidAt().ifPresent(at -> message.setPayTime(ProtoTimes.of(at)));
        order.shippedAt().ifPresent(at -> message.setShipTime(ProtoTimes.of(at)));
        order.cancellation().ifPresent(cancellation -> message.setCancelTime(ProtoTimes.of(cancellation.cancelledAt()))
                .setCancelReason(cancellation.reason()));
        return message.build();
    }

    static OrderState stateOf(dev.strata.core.orders.OrderState state) {
        return switch (state) {
            case OPEN -> OrderState.ORDER_STATE_OPEN;
            case PAID -> OrderState.ORDER_STATE_PAID;
            case SHIPPED -> OrderState.ORDER_STATE_SHIPPED;
            case CANCELLED -> OrderState.ORDER_STATE_CANCELLED;
        };
    }

    /**
     * The draft the service checks: an empty string is a missing value (proto3 cannot tell them
     * apart). A price that is not a decimal string is named here, with every other such price.
     *
     * @throws dev.strata.core.common.ValidationException naming each malformed price, by core's path
     */
    static OrderDraft toDraft(String currencyCode, List<OrderItem> items, String comment) {
        Validator validator = new Validator();
        List<OrderItemDraft> drafts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            OrderItem item = items.get(i);
            drafts.add(new OrderItemDraft(emptyToNull(item.getSku()), item.getQuantity(),
                    price(validator, "items[" + i + "].unit_price", item.getUnitPrice())));
        }
        validator.throwIfInvalid();
        return new OrderDraft(emptyToNull(currencyCode), drafts, comment);
    }

    private static BigDecimal price(Validator validator, String field, String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > MAX_PRICE_LENGTH || !text.matches(DECIMAL)) {
            validator.reject(field, "invalid_decimal", "must be a decimal string such as \"12.50\"");
            return null;
        }
        return new BigDecimal(text);
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
