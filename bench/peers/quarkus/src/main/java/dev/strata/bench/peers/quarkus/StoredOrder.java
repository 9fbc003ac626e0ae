package dev.strata.bench.peers.quarkus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as the table {@code orders.orders} and its {@code order_items} hold it.
 *
 * @param fingerprint the fingerprint of the request that created it under an idempotency key, or null
 */
public record StoredOrder(String id, String ownerId, String state, String currency, List<OrderRules.Line> items,
        BigDecimal amount, String comment, Instant createdAt, Instant updatedAt, long version, String fingerprint) {
}
