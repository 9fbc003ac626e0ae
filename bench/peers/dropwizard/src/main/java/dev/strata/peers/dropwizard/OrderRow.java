package dev.strata.peers.dropwizard;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code orders.orders}, without its items. */
public record OrderRow(String id, String ownerId, String state, String currency, BigDecimal amount, String comment,
        Instant createdAt, Instant updatedAt, long version, String requestFingerprint) {
}
