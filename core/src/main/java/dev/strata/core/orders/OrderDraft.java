package dev.strata.core.orders;

import java.util.List;

/**
 * The client-writable content of an order, as sent to create or replace one, before checking: the
 * currency (ISO 4217), the items, and an optional comment. The amount is never part of it: the
 * service computes it. Missing parts are {@code null}; the service reports every problem at once.
 */
public record OrderDraft(String currency, List<OrderItemDraft> items, String comment) {
}
