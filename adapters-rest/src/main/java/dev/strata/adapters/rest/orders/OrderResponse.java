package dev.strata.adapters.rest.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.core.orders.Order;
import dev.strata.core.orders.OrderItem;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order as the API shows it: money as decimal strings with the currency, and {@code _links}
 * to itself and, while it can still be cancelled, to its cancellation.
 */
public record OrderResponse(String id, String ownerId, String state, String currency, List<ItemResponse> items,
        String amount, String comment, Instant createdAt, Instant updatedAt, long version,
        @JsonProperty("_links") Map<String, Link> links) {

    /** One item. */
    public record ItemResponse(String sku, int quantity, String unitPrice) {
    }

    /** A link. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String href) {
    }

    static String path(String id) {
        return "/v1/orders/" + id;
    }

    static OrderResponse of(Order order) {
        String self = path(order.id().value());
        Map<String, Link> links = new LinkedHashMap<>();
        links.put("self", new Link(self));
        if (order.cancellable()) {
            links.put("cancellation", new Link(self + "/cancellation"));
        }
        return new OrderResponse(order.id().value(), order.ownerId().value(), order.state().wireName(),
                order.currency(), order.items().stream().map(OrderResponse::item).toList(),
                order.amount().toPlainString(), order.comment(), order.createdAt(), order.updatedAt(),
                order.version(), links);
    }

    private static ItemResponse item(OrderItem item) {
        return new ItemResponse(item.sku(), item.quantity(), item.unitPrice().toPlainString());
    }

    /** The strong tag of an order's whole representation: its id and version. */
    static EntityTag tagOf(Order order) {
        return EntityTags.of(order.id().value(), order.version());
    }

    /** The strong tag of a projection of it: id, version and the fields selected. */
    static EntityTag tagOf(Order order, List<String> fields) {
        return fields.isEmpty() ? tagOf(order) : EntityTags.of(order.id().value(), order.version(), String.join(",", fields));
    }
}
