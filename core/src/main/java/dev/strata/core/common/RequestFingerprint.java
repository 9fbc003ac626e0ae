package dev.strata.core.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The SHA-256 of a creating request in canonical form, stored next to its idempotency key so that
 * a retry can be told apart from a different request that reuses the key. A service computes it
 * from the operation's name and the request's checked, normalized fields (not from raw bytes), so
 * that two requests that mean the same thing (the same JSON with other spacing or field order)
 * have the same fingerprint. The value is 64 lowercase hexadecimal digits.
 */
public record RequestFingerprint(String value) {

    private static final int HEX_LENGTH = 64;

    public RequestFingerprint {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[0-9a-f]{" + HEX_LENGTH + "}")) {
            throw new IllegalArgumentException("a request fingerprint is 64 lowercase hex digits");
        }
    }

    /**
     * The fingerprint of an operation and its canonical fields, in a fixed order chosen by the
     * operation. Each part is written with its length first, so that ("ab", "c") and ("a", "bc")
     * differ; an absent optional field should be passed as the empty string.
     */
    public static RequestFingerprint of(String operation, String... fields) {
        Objects.requireNonNull(operation, "operation");
        MessageDigest digest = sha256();
        update(digest, operation);
        for (String field : List.of(fields)) {
            update(digest, field);
        }
        return new RequestFingerprint(HexFormat.of().formatHex(digest.digest()));
    }

    private static void update(MessageDigest digest, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
