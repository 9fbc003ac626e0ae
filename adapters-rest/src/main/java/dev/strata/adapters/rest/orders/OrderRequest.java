package dev.strata.adapters.rest.orders;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import java.io.IOException;
import dev.strata.adapters.rest.docs.TextRules;
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
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Z]{3}$", minLength = 3, maxLength = 3,
                description = "An ISO 4217 code: three upper-case letters naming a currency the ISO list has.",
                example = "EUR")
        String currency,
        @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED), minItems = 1, maxItems = 100,
                schema = @Schema(implementation = ItemRequest.class)) List<ItemRequest> items,
        @Schema(maxLength = 1000, pattern = TextRules.LINES_WITHOUT_CARRIAGE_RETURNS,
                description = "Kept exactly as sent; tabs and line feeds allowed, no other control characters."
                        + " Optional: left out, the order's comment is the empty string; null is refused.",
                example = "Leave it with the neighbours")
        @JsonDeserialize(using = NotNull.class) String comment) {

    /**
     * A price's text as the document gives it: a decimal string of at most two decimals. Here only
     * its shape is checked ({@link #DECIMAL}); the range and the scale are the service's, which
     * names them together with every other bad field.
     */
    static final String PRICE = "^(0|[1-9][0-9]*)(\\.[0-9]{1,2})?$";
    static final String DECIMAL = "(0|[1-9][0-9]*)(\\.[0-9]+)?";
    static final int MAX_PRICE_LENGTH = 32;

    /**
     * A text member that may be left out (then it is {@code null} here) but not sent as JSON
     * {@code null}: an explicit null is a field error naming the member.
     */
    static final class NotNull extends StdDeserializer<String> {

        NotNull() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return StringDeserializer.instance.deserialize(parser, context);
        }

        @Override
        public String getNullValue(DeserializationContext context) throws InvalidNullException {
            throw InvalidNullException.from(context, PropertyName.NO_NAME,
                    context.constructType(String.class));
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }

    /** One item of a request. */
    @Schema(name = "OrderItemInput", description = "One line of an order.")
    public record ItemRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9._-]{1,64}$", minLength = 1,
                    maxLength = 64, description = "1 to 64 of A-Z, a-z, 0-9, '.', '_' and '-'.",
                    example = "BOOK-42") String sku,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "int32", minimum = "1", maximum = "10000",
                    example = "2") Integer quantity,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = PRICE, maxLength = MAX_PRICE_LENGTH,
                    description = "A decimal string, 0 to 999999999.99, at most 2 decimals, no sign and no"
                            + " leading zeros (0.50, not 00.50 or -0.00); answered with exactly 2 (12.5 is kept"
                            + " as 12.50).",
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
        // Plain decimals only: no exponent, no sign, no leading zero, bounded length; the range and scale are the service's.
        if (text.length() > MAX_PRICE_LENGTH || !text.matches(DECIMAL)) {
            validator.reject(field, "invalid_decimal", "must be a decimal string such as \"12.50\"");
            return null;
        }
        return new BigDecimal(text);
    }
}
