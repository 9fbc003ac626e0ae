package dev.strata.peers.spring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as stored, with its items. */
public record Order(String id, String ownerId, String state, String currency, List<OrderRequest.Line> items,
        BigDecimal amount, String comment, Instant createdAt, Instant updatedAt, long version,
        String fingerprint) {
}
