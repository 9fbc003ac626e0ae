package dev.strata.adapters.rest.orders;

import dev.strata.core.common.Validator;
import dev.strata.core.orders.OrderDraft;
import dev.strata.core.orders.OrderItemDraft;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of POST and PUT, and what a patched order must read as: the currency, the items and an
 * optional comment. The amount, id, owner, state, version and times are the server's; sending one
 * is refused by name. Prices are decimal strings ({@code "12.50"}), never JSON numbers, so that no
 * client or parser rounds them through binary floating point.
 */
@Schema(name = "OrderInput", description = "An order's content, for creating or replacing it; amount, state and"
        + " the rest are computed by the server.")
public record OrderRequest(
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Z]{3}$", maxLength = 3,
                description = "An ISO 4217 code.", example = "EUR")
        String currency,
        @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED), minItems = 1, maxItems = 100,
                schema = @Schema(implementation = ItemRequest.class)) List<ItemRequest> items,
        @Schema(nullable = true, maxLength = 1000, example = "Leave it with the neighbours") String comment) {

    /** One item of a request. */
    @Schema(name = "OrderItemInput", description = "One line of an order.")
    public record ItemRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9._-]{1,64}$", maxLength = 64,
                    example = "BOOK-42") String sku,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "int32", minimum = "1", maximum = "10000",
                    example = "2") Integer quantity,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^-?[0-9]+(\\.[0-9]+)?$", maxLength = 32,
                    description = "A decimal string, 0 to 999999999.99, at most 2 decimals.",
                    example = "\"12.50\"") String unitPrice) {
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
