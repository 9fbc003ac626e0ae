package dev.strata.bench.peers.quarkus;

import dev.strata.bench.peers.quarkus.Problem.FieldProblem;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Strata's checks of a new order, with the same field names and codes, and the fingerprint its
 * idempotency key is bound to, computed as Strata computes it so that a key used on one server
 * replays on the other.
 */
final class OrderRules {

    private static final int MAX_ITEMS = 100;
    private static final int MAX_QUANTITY = 10_000;
    private static final int MAX_COMMENT_LENGTH = 1000;
    private static final int MAX_PRICE_LENGTH = 32;
    private static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("999999999.99");
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]*)(\\.[0-9]+)?");
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private OrderRules() {
    }

    /** A checked order: the currency, the items (prices kept to the cent), the comment ("" when none). */
    record Checked(String currency, List<Line> items, String comment) {

        /** The exact sum of the items' totals, to the cent. */
        BigDecimal amount() {
            BigDecimal sum = BigDecimal.ZERO;
            for (Line item : items) {
                sum = sum.add(item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())));
            }
            return sum.setScale(2);
        }

        /** SHA-256 over "create_order", currency, comment and each item's sku, quantity and price, length-prefixed. */
        String fingerprint() {
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            }
            update(digest, "create_order");
            update(digest, currency);
            update(digest, comment);
            for (Line item : items) {
                update(digest, item.sku());
                update(digest, Integer.toString(item.quantity()));
                update(digest, item.unitPrice().toPlainString());
            }
            return HexFormat.of().formatHex(digest.digest());
        }

        private static void update(MessageDigest digest, String part) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            digest.update(bytes);
        }
    }

    /** One line of an order. */
    record Line(String sku, int quantity, BigDecimal unitPrice) {
    }

    /**
     * The checked order.
     *
     * @throws Problem 400 naming every refused field
     */
    static Checked check(OrderRequest body) {
        List<FieldProblem> errors = new ArrayList<>();
        if (body == null) {
            errors.add(new FieldProblem("body", "required", "a JSON object with currency, items and comment"));
            throw Problem.invalid(errors);
        }
        // As Strata's REST adapter: a price that is no decimal string is refused first, on its own.
        List<OrderRequest.Item> items = body.items();
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                String text = items.get(i) == null ? null : items.get(i).unitPrice();
                if (text != null && (text.length() > MAX_PRICE_LENGTH || !DECIMAL.matcher(text).matches())) {
                    errors.add(new FieldProblem("items[" + i + "].unit_price", "invalid_decimal",
                            "must be a decimal string such as \"12.50\""));
                }
            }
            if (!errors.isEmpty()) {
                throw Problem.invalid(errors);
            }
        }
        String currency = body.currency();
        if (currency == null || currency.isEmpty()) {
            errors.add(new FieldProblem("currency", "required", "is required"));
        } else if (!CURRENCY.matcher(currency).matches() || !CURRENCIES.contains(currency)) {
            errors.add(new FieldProblem("currency", "invalid_currency", "must be an ISO 4217 code such as EUR"));
        }
        List<Line> lines = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            errors.add(new FieldProblem("items", items == null ? "required" : "too_few",
                    "must hold 1 to " + MAX_ITEMS + " items"));
        } else if (items.size() > MAX_ITEMS) {
            errors.add(new FieldProblem("items", "too_many", "must hold at most " + MAX_ITEMS + " items"));
        } else {
            for (int i = 0; i < items.size(); i++) {
                Line line = line(errors, "items[" + i + "]", items.get(i));
                if (line != null) {
                    lines.add(line);
                }
            }
        }
        String comment = body.comment() == null ? "" : body.comment();
        if (comment.codePointCount(0, comment.length()) > MAX_COMMENT_LENGTH) {
            errors.add(new FieldProblem("comment", "too_long", "must be at most " + MAX_COMMENT_LENGTH + " characters"));
        } else if (comment.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            errors.add(new FieldProblem("comment", "control_characters",
                    "must not contain control characters but newlines and tabs"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return new Checked(currency, lines, comment);
    }

    private static Line line(List<FieldProblem> errors, String path, OrderRequest.Item item) {
        if (item == null) {
            errors.add(new FieldProblem(path, "required", "must be an item"));
            return null;
        }
        int before = errors.size();
        if (item.sku() == null || item.sku().isEmpty()) {
            errors.add(new FieldProblem(path + ".sku", "required", "is required"));
        } else if (!SKU.matcher(item.sku()).matches()) {
            errors.add(new FieldProblem(path + ".sku", "invalid_sku",
                    "must be a SKU: 1 to 64 of A-Z, a-z, 0-9, '.', '_' and '-'"));
        }
        if (item.quantity() == null) {
            errors.add(new FieldProblem(path + ".quantity", "required", "is required"));
        } else if (item.quantity() < 1 || item.quantity() > MAX_QUANTITY) {
            errors.add(new FieldProblem(path + ".quantity", "out_of_range", "must be from 1 to " + MAX_QUANTITY));
        }
        BigDecimal price = price(errors, path + ".unit_price", item.unitPrice());
        return errors.size() == before ? new Line(item.sku(), item.quantity(), price.setScale(2)) : null;
    }

    private static BigDecimal price(List<FieldProblem> errors, String field, String text) {
        if (text == null) {
            errors.add(new FieldProblem(field, "required", "is required"));
            return null;
        }
        BigDecimal price = new BigDecimal(text);
        if (price.compareTo(MAX_UNIT_PRICE) > 0) {
            errors.add(new FieldProblem(field, "out_of_range", "must be from 0 to " + MAX_UNIT_PRICE.toPlainString()));
            return null;
        }
        if (price.scale() > 2) {
            errors.add(new FieldProblem(field, "too_precise", "must have at most 2 decimals"));
            return null;
        }
        return price;
    }
}
