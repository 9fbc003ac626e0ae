package dev.strata.core.common;

import java.util.Objects;

/**
 * A creating request that carries an idempotency key: the key, and the fingerprint of the request
 * it came with. A store keeps both with the record it creates, under a unique constraint on
 * (owner, key); when the key comes again it {@link #replay replays} the stored record if the
 * fingerprints match and refuses the request if they do not.
 *
 * <p>The store-side pattern, which every store follows so that concurrent duplicates create
 * exactly one record:
 * <ol>
 *   <li>look the key up for this owner; if found, {@link #replay} it;</li>
 *   <li>otherwise insert the record with the key and fingerprint;</li>
 *   <li>if the insert loses the race on the (owner, key) unique constraint, read the winner by
 *       (owner, key) and {@link #replay} it.</li>
 * </ol>
 */
public record IdempotentRequest(IdempotencyKey key, RequestFingerprint fingerprint) {

    public IdempotentRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /**
     * The answer to a retry of this key: the {@code original} record, marked as replayed.
     *
     * @param storedFingerprint the fingerprint stored with the original record
     * @throws IdempotencyKeyReusedException when the original request had another fingerprint
     */
    public <T> Created<T> replay(RequestFingerprint storedFingerprint, T original) {
        if (!fingerprint.equals(storedFingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        return Created.replayed(original);
    }
}
