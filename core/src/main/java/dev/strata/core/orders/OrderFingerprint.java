package dev.strata.core.orders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 fingerprint of an order's checked content, which an idempotency key is bound to: two
 * requests have the same fingerprint exactly when they would make the same order. Prices take part
 * by value and scale as sent, so {@code 1.5} and {@code 1.50} are different requests.
 */
final class OrderFingerprint {

    private OrderFingerprint() {
    }

    static String of(OrderRules.Checked checked) {
        StringBuilder canonical = new StringBuilder();
        // Lengths before values keep every field's boundary unambiguous.
        field(canonical, checked.currency());
        field(canonical, checked.comment());
        for (OrderItem item : checked.items()) {
            field(canonical, item.sku());
            field(canonical, Integer.toString(item.quantity()));
            field(canonical, item.unitPrice().toPlainString());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void field(StringBuilder canonical, String value) {
        canonical.append(value.length()).append(':').append(value).append(';');
    }
}
