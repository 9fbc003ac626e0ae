package dev.strata.peers.dropwizard;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /v1/orders}, as Strata reads it: a currency, 1 to 100 items and an
 * optional comment, prices as decimal strings.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrderRequest(String currency, List<Item> items, String comment) {

    /** One item of a request. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Item(String sku, Integer quantity, String unitPrice) {
    }

    /**
     * The checked items: what Strata refuses by name is refused here as one 400, and prices are
     * kept to the cent.
     */
    List<Line> lines() {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw Problem.badRequest("currency must be three upper-case letters");
        }
        if (items == null || items.isEmpty() || items.size() > 100) {
            throw Problem.badRequest("items must hold 1 to 100 items");
        }
        if (comment != null && comment.length() > 1000) {
            throw Problem.badRequest("comment must be at most 1000 characters");
        }
        return items.stream().map(Line::of).toList();
    }

    /** A checked item. */
    public record Line(String sku, int quantity, BigDecimal unitPrice) {

        static Line of(Item item) {
            if (item == null || item.sku() == null || !item.sku().matches("[A-Za-z0-9._-]{1,64}")
                    || item.quantity() == null || item.quantity() < 1 || item.quantity() > 10_000
                    || item.unitPrice() == null || !item.unitPrice().matches("(0|[1-9][0-9]{0,8})(\\.[0-9]{1,2})?")) {
                throw Problem.badRequest(
                        "each item needs a sku, a quantity of 1 to 10000 and a unit_price such as \"12.50\"");
            }
            return new Line(item.sku(), item.quantity(), new BigDecimal(item.unitPrice()).setScale(2));
        }
    }
}
