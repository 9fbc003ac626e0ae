package dev.strata.core.orders.store;

import dev.strata.core.common.IdempotentRequest;
import dev.strata.core.identity.AccountId;
import dev.strata.core.orders.OrderId;
import dev.strata.core.orders.OrderState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An order as the store keeps it, with the idempotency key and request fingerprint it was created
 * under (if any) and the times and reason of its state changes.
 */
public record OrderRecord(OrderId id, AccountId ownerId, OrderState state, String currency,
        List<OrderItemRecord> items, BigDecimal amount, String comment, Instant createdAt, Instant updatedAt,
        long version, Optional<IdempotentRequest> idempotency, Optional<Instant> paidAt, Optional<Instant> shippedAt,
        Optional<Instant> cancelledAt, Optional<String> cancellationReason) {

    public OrderRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(currency, "currency");
        items = List.copyOf(items);
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(idempotency, "idempotency");
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(shippedAt, "shippedAt");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        Objects.requireNonNull(cancellationReason, "cancellationReason");
    }
}
