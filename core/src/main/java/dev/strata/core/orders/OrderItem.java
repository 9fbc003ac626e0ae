package dev.strata.core.orders;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an order as it was accepted: a SKU, how many, and the price of one, in the order's
 * currency, exact to the cent.
 */
public record OrderItem(String sku, int quantity, BigDecimal unitPrice) {

    public OrderItem {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
    }

    /** {@code quantity × unitPrice}, exactly. */
    public BigDecimal total() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
