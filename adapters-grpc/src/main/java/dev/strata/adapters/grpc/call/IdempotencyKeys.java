package dev.strata.adapters.grpc.call;

import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.ValidationException;
import java.util.Optional;

/**
 * A request's {@code request_id} (AIP-155) as core's {@link IdempotencyKey}: the same rules as
 * REST's {@code Idempotency-Key} (1 to 255 visible ASCII characters), and the same store, so a
 * retry with the same id and content returns the first result; empty means no idempotency.
 */
public final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    /**
     * The key in {@code requestId}, or empty when it is empty.
     *
     * @throws ValidationException on {@code request_id} when it is malformed
     */
    public static Optional<IdempotencyKey> of(String requestId) {
        if (requestId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(FieldPaths.under("", java.util.Map.of(), () -> new IdempotencyKey(requestId)));
    }
}
