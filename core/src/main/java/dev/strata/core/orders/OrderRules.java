package dev.strata.core.orders;

import dev.strata.core.common.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks an order's content must pass, whether it is new, replaced or patched: every problem
 * is recorded on the {@link Validator} by its path ({@code currency}, {@code items[1].unit_price}),
 * so that a client can fix them all at once.
 */
final class OrderRules {

    static final int MAX_ITEMS = 100;
    static final int MAX_QUANTITY = 10_000;
    static final int MAX_COMMENT_LENGTH = 1000;
    static final int MAX_REASON_LENGTH = 500;
    /** Keeps every amount within NUMERIC(20, 2): 100 items × 10,000 × this is below 10^17. */
    static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("999999999.99");

    /** A SKU: 1 to 64 of A-Z, a-z, 0-9, '.', '_' and '-'; in items and in filters alike. */
    static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final String SKU_DESCRIPTION = "a SKU: 1 to 64 of A-Z, a-z, 0-9, '.', '_' and '-'";
    /** A currency's shape, three upper-case letters; an order's currency must also be an ISO 4217 code. */
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    static final String CURRENCY_DESCRIPTION = "an ISO 4217 currency code: three upper-case letters such as EUR";

    private OrderRules() {
    }

    /** The checked content of {@code draft}, or nulls where a part was rejected. */
    record Checked(String currency, List<OrderItem> items, String comment) {
    }

    static Checked check(Validator validator, OrderDraft draft) {
        return new Checked(currency(validator, draft.currency()), items(validator, draft.items()),
                comment(validator, draft.comment()));
    }

    private static String currency(Validator validator, String currency) {
        if (currency == null || currency.isEmpty()) {
            validator.reject("currency", "required", "is required");
            return null;
        }
        if (!CURRENCY.matcher(currency).matches() || !isIso4217(currency)) {
            validator.reject("currency", "invalid_currency", "must be an ISO 4217 code such as EUR");
            return null;
        }
        return currency;
    }

    private static boolean isIso4217(String code) {
        return Currency.getAvailableCurrencies().stream().anyMatch(known -> known.getCurrencyCode().equals(code));
    }

    private static List<OrderItem> items(Validator validator, List<OrderItemDraft> drafts) {
        if (drafts == null || drafts.isEmpty()) {
            validator.reject("items", drafts == null ? "required" : "too_few", "must hold 1 to " + MAX_ITEMS + " items");
            return null;
        }
        if (drafts.size() > MAX_ITEMS) {
            validator.reject("items", "too_many", "must hold at most " + MAX_ITEMS + " items");
            return null;
        }
        List<OrderItem> items = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < drafts.size(); i++) {
            String path = "items[" + i + "]";
            OrderItemDraft draft = drafts.get(i);
            if (draft == null) {
                validator.reject(path, "required", "must be an item");
                valid = false;
                continue;
            }
            boolean itemValid = sku(validator, path + ".sku", draft.sku());
            itemValid &= quantity(validator, path + ".quantity", draft.quantity());
            itemValid &= unitPrice(validator, path + ".unit_price", draft.unitPrice());
            if (itemValid) {
                // Kept to the cent, so that every store returns the same text for it.
                items.add(new OrderItem(draft.sku(), draft.quantity(), draft.unitPrice().setScale(2)));
            }
            valid &= itemValid;
        }
        return valid ? items : null;
    }

    private static boolean sku(Validator validator, String field, String sku) {
        if (sku == null || sku.isEmpty()) {
            validator.reject(field, "required", "is required");
            return false;
        }
        if (!SKU.matcher(sku).matches()) {
            validator.reject(field, "invalid_sku", "must be " + SKU_DESCRIPTION);
            return false;
        }
        return true;
    }

    private static boolean quantity(Validator validator, String field, Integer quantity) {
        if (quantity == null) {
            validator.reject(field, "required", "is required");
            return false;
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            validator.reject(field, "out_of_range", "must be from 1 to " + MAX_QUANTITY);
            return false;
        }
        return true;
    }

    private static boolean unitPrice(Validator validator, String field, BigDecimal price) {
        if (price == null) {
            validator.reject(field, "required", "is required");
            return false;
        }
        if (price.signum() < 0 || price.compareTo(MAX_UNIT_PRICE) > 0) {
            validator.reject(field, "out_of_range", "must be from 0 to " + MAX_UNIT_PRICE.toPlainString());
            return false;
        }
        if (price.scale() > 2) {
            validator.reject(field, "too_precise", "must have at most 2 decimals");
            return false;
        }
        return true;
    }

    static String comment(Validator validator, String comment) {
        if (comment == null) {
            return "";
        }
        if (comment.codePointCount(0, comment.length()) > MAX_COMMENT_LENGTH) {
            validator.reject("comment", "too_long", "must be at most " + MAX_COMMENT_LENGTH + " characters");
            return null;
        }
        if (comment.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            validator.reject("comment", "control_characters", "must not contain control characters but newlines and tabs");
            return null;
        }
        return comment;
    }

    /** The exact sum of the items' totals, to the cent. */
    static BigDecimal amountOf(List<OrderItem> items) {
        return items.stream().map(OrderItem::total).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }
}
