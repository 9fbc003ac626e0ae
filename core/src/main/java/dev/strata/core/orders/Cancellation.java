package dev.strata.core.orders;

import java.time.Instant;
import java.util.Objects;

/** How an order was cancelled: the reason its owner gave, and when. */
public record Cancellation(String reason, Instant cancelledAt) {

    public Cancellation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
    }
}
