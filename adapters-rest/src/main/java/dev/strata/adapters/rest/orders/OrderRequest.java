package dev.strata.adapters.rest.orders;

import dev.strata.core.common.Validator;
import dev.strata.core.orders.OrderDraft;
import dev.strata.core.orders.OrderItemDraft;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of POST and PUT, and what a patched order must read as: the currency, the items and an
 * optional comment. The amount, id, owner, state, version and times are the server's; sending one
 * is refused by name. Prices are decimal strings ({@code "12.50"}), never JSON numbers, so that no
 * client or parser rounds them through binary floating point.
 */
public record OrderRequest(String currency, List<ItemRequest> items, String comment) {

    /** One item of a request. */
    public record ItemRequest(String sku, Integer quantity, String unitPrice) {
    }

    /**
     * The draft the service checks. A price that is not a decimal string is named here, together
     * with any other such price; everything else is the service's to check.
     *
     * @throws dev.strata.core.common.ValidationException naming each malformed price
     */
    OrderDraft toDraft() {
        Validator validator = new Validator();
        List<OrderItemDraft> drafts = null;
        if (items != null) {
            drafts = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                ItemRequest item = items.get(i);
                if (item == null) {
                    drafts.add(null);
                    continue;
                }
                drafts.add(new OrderItemDraft(item.sku(), item.quantity(),
                        price(validator, "items[" + i + "].unit_price", item.unitPrice())));
            }
        }
        validator.throwIfInvalid();
        return new OrderDraft(currency, drafts, comment);
    }

    private static BigDecimal price(Validator validator, String field, String text) {
        if (text == null) {
            return null;
        }
        // Plain decimals only: no exponent, no sign but minus, bounded length.
        if (text.length() > 32 || !text.matches("-?\\d+(\\.\\d+)?")) {
            validator.reject(field, "invalid_decimal", "must be a decimal string such as \"12.50\"");
            return null;
        }
        return new BigDecimal(text);
    }
}
