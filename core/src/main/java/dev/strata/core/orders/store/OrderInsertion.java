package dev.strata.core.orders.store;

import java.util.Objects;

/**
 * What inserting an order did: inserted it ({@code inserted} true), or found that the owner already
 * has an order under the same idempotency key, which it returns instead, unchanged.
 */
public record OrderInsertion(OrderRecord order, boolean inserted) {

    public OrderInsertion {
        Objects.requireNonNull(order, "order");
    }
}
