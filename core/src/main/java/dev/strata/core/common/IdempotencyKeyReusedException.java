package dev.strata.core.common;

/**
 * An idempotency key was sent again with a request different from the one it first came with.
 * The original request's result stands; the new one is refused rather than silently ignored.
 */
public final class IdempotencyKeyReusedException extends StrataException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException() {
        super("idempotency_key_reused",
                "this Idempotency-Key was already used with a different request");
    }
}
