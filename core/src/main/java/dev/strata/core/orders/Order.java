package dev.strata.core.orders;

import dev.strata.core.identity.AccountId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An order as its owner sees it. {@code amount} is the exact sum of the items' totals, computed by
 * the service. The times of its payment, shipment and cancellation are set once it has them; a
 * cancelled order also keeps the reason given.
 */
public record Order(OrderId id, AccountId ownerId, OrderState state, String currency, List<OrderItem> items,
        BigDecimal amount, String comment, Instant createdAt, Instant updatedAt, long version,
        Optional<Instant> paidAt, Optional<Instant> shippedAt, Optional<Cancellation> cancellation) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(state, "state");
        items = List.copyOf(items);
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(shippedAt, "shippedAt");
        Objects.requireNonNull(cancellation, "cancellation");
    }

    /** Whether the order can still be cancelled. */
    public boolean cancellable() {
        return state.canBecome(OrderState.CANCELLED);
    }

    /** The SKUs of the order's items, for queries. */
    public List<String> skus() {
        return items.stream().map(OrderItem::sku).toList();
    }
}
