package dev.strata.adapters.rest.orders;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.adapters.rest.http.Link;
import dev.strata.core.orders.Order;
import dev.strata.core.orders.OrderItem;
import dev.strata.core.orders.OrderState;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order as the API shows it: money as decimal strings with the currency, and {@code _links}
 * to itself, its owner and every transition allowed now: {@code payment} while open,
 * {@code shipment} while paid, {@code cancellation} while open or paid (each an action resource a
 * client POSTs to).
 */
@Schema(name = "Order", description = "An order. With fields=, only the selected fields (and id) are present.")
public record OrderResponse(
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^ord_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 30,
                example = "ord_01jd8zqk3v5m9w2x4y6z8a0b1c") String id,
        @Schema(pattern = "^acct_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31,
                example = "acct_01jd8zqk3v5m9w2x4y6z8a0b1c") String ownerId,
        @Schema(allowableValues = {"open", "paid", "shipped", "cancelled"}) String state,
        @Schema(pattern = "^[A-Z]{3}$", maxLength = 3, example = "EUR") String currency,
        @ArraySchema(maxItems = 100, schema = @Schema(implementation = ItemResponse.class)) List<ItemResponse> items,
        @Schema(pattern = "^[0-9]+\\.[0-9]{2}$", maxLength = 32, description = "The total, a decimal string.",
                example = "\"25.00\"") String amount,
        @Schema(nullable = true, maxLength = 1000, example = "Leave it with the neighbours") String comment,
        @Schema(description = "RFC 3339, UTC, microseconds.",
                example = "2026-01-02T03:04:05.123456Z") Instant createdAt,
        @Schema(description = "RFC 3339, UTC, microseconds.",
                example = "2026-01-02T03:04:05.123456Z") Instant updatedAt,
        @Schema(minimum = "0", maximum = "9223372036854775807", example = "0") long version,
        @Schema(maxProperties = 10, description = "Links by relation: self, owner, and the transitions allowed now:"
                + " payment (open), shipment (paid), cancellation (open or paid); POST to take one.")
        @JsonProperty("_links") Map<String, Link> links) {

    /** One item. */
    @Schema(name = "OrderItem", description = "One line of an order.")
    public record ItemResponse(
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9._-]{1,64}$", maxLength = 64,
                    example = "BOOK-42") String sku,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "int32", minimum = "1", maximum = "10000",
                    example = "2") int quantity,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[0-9]+\\.[0-9]{2}$", maxLength = 32,
                    example = "\"12.50\"") String unitPrice) {
    }

    static String path(String id) {
        return "/v1/orders/" + id;
    }

    static OrderResponse of(Order order) {
        String self = path(order.id().value());
        Map<String, Link> links = new LinkedHashMap<>();
        links.put("self", new Link(self));
        links.put("owner", new Link("/v1/accounts/" + order.ownerId().value()));
        // Every transition allowed now, each an action resource to POST to.
        if (order.state().canBecome(OrderState.PAID)) {
            links.put("payment", new Link(self + "/payment"));
        }
        if (order.state().canBecome(OrderState.SHIPPED)) {
            links.put("shipment", new Link(self + "/shipment"));
        }
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
