package dev.strata.bench.peers.quarkus;

import java.util.List;

/**
 * The body of {@code POST /v1/orders}, as Strata reads it: the currency, the items (prices as
 * decimal strings such as {@code "12.50"}) and an optional comment.
 */
public record OrderRequest(String currency, List<Item> items, String comment) {

    /** One item. */
    public record Item(String sku, Integer quantity, String unitPrice) {
    }
}
