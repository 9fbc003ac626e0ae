package dev.strata.core.orders;

import java.math.BigDecimal;

/**
 * One line of an order as a client sent it, before checking: any part may be missing
 * ({@code null}), and the service names each problem by its path, such as {@code items[2].sku}.
 */
public record OrderItemDraft(String sku, Integer quantity, BigDecimal unitPrice) {
}
