package dev.strata.adapters.persistence.postgres.orders;

import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.IdempotentRequest;
import dev.strata.core.common.RequestFingerprint;
import dev.strata.core.identity.AccountId;
import dev.strata.core.orders.OrderId;
import dev.strata.core.orders.OrderState;
import dev.strata.core.orders.store.OrderItemRecord;
import dev.strata.core.orders.store.OrderRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Reading rows of {@code orders.orders} and {@code orders.order_items}. */
final class OrderRows {

    static final String COLUMNS = "o.id, o.owner_id, o.state, o.currency, o.amount, o.comment, o.created_at, "
            + "o.updated_at, o.version, o.idempotency_key, o.request_fingerprint, o.paid_at, o.shipped_at, "
            + "o.cancelled_at, o.cancellation_reason";

    private OrderRows() {
    }

    /** An order row without its items, which are read separately. */
    record OrderRow(OrderRecord withoutItems) {

        OrderRecord with(List<OrderItemRecord> items) {
            OrderRecord order = withoutItems;
            return new OrderRecord(order.id(), order.ownerId(), order.state(), order.currency(), items, order.amount(),
                    order.comment(), order.createdAt(), order.updatedAt(), order.version(), order.idempotency(),
                    order.paidAt(), order.shippedAt(), order.cancelledAt(), order.cancellationReason());
        }
    }

    /** An item row with the id of its order. */
    record ItemRow(String orderId, OrderItemRecord item) {
    }

    static OrderRow order(ResultSet row) throws SQLException {
        String key = row.getString("idempotency_key");
        Optional<IdempotentRequest> idempotency = key == null ? Optional.empty()
                : Optional.of(new IdempotentRequest(new IdempotencyKey(key),
                        new RequestFingerprint(row.getString("request_fingerprint"))));
        OrderState state = OrderState.fromWireName(row.getString("state"))
                .orElseThrow(() -> new IllegalStateException("an order in an unknown state"));
        return new OrderRow(new OrderRecord(new OrderId(row.getString("id")), new AccountId(row.getString("owner_id")),
                state, row.getString("currency"), List.of(), row.getBigDecimal("amount"), row.getString("comment"),
                instant(row, "created_at").orElseThrow(), instant(row, "updated_at").orElseThrow(),
                row.getLong("version"), idempotency, instant(row, "paid_at"), instant(row, "shipped_at"),
                instant(row, "cancelled_at"), Optional.ofNullable(row.getString("cancellation_reason"))));
    }

    static ItemRow item(ResultSet row) throws SQLException {
        return new ItemRow(row.getString("order_id"), new OrderItemRecord(row.getString("sku"), row.getInt("quantity"),
                row.getBigDecimal("unit_price")));
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
