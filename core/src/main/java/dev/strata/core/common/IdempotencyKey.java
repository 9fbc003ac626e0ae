package dev.strata.core.common;

/**
 * A client's idempotency key: the value of its {@code Idempotency-Key} header, 1 to 255 characters
 * of visible ASCII (no spaces, no control characters). A creating request sent again with the same
 * key by the same owner creates nothing new: it gets the record the first request created. Keys are
 * compared exactly, case included. Constructing one checks it; a malformed key is a
 * {@link ValidationException} on the field {@code Idempotency-Key} with code
 * {@code malformed_idempotency_key}.
 */
public record IdempotencyKey(String value) {

    /** The name of the HTTP header that carries the key, and of the field errors name. */
    public static final String FIELD = "Idempotency-Key";

    /** The longest key accepted, in characters. */
    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (!isWellFormed(value)) {
            throw ValidationException.of(FIELD, "malformed_idempotency_key",
                    "must be 1 to " + MAX_LENGTH + " characters of visible ASCII, without spaces");
        }
    }

    /** Whether {@code value} is a well-formed key. */
    public static boolean isWellFormed(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '!' || c > '~') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
