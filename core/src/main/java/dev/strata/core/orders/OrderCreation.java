package dev.strata.core.orders;

import java.util.Objects;

/**
 * The outcome of creating an order: the order, and whether it was made by an earlier request with
 * the same idempotency key and content (a replay) rather than by this one.
 */
public record OrderCreation(Order order, boolean replayed) {

    public OrderCreation {
        Objects.requireNonNull(order, "order");
    }
}
