package dev.strata.core.orders.store;

import java.math.BigDecimal;
import java.util.Objects;

/** One line of an order as the store keeps it. */
public record OrderItemRecord(String sku, int quantity, BigDecimal unitPrice) {

    public OrderItemRecord {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
    }
}
