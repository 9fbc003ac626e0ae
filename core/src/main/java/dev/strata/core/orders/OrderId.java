package dev.strata.core.orders;

import dev.strata.core.common.Ids;
import java.time.Clock;

/**
 * The identifier of an order: {@code ord_} and 26 base32 characters, ordered by creation time.
 * Clients may assign one themselves (PUT); constructing one from text checks it, and a malformed
 * value is a {@link dev.strata.core.common.ValidationException}.
 */
public record OrderId(String value) {

    public static final String PREFIX = "ord";

    public OrderId {
        Ids.requireValid(PREFIX, value);
    }

    /** A new identifier, ordered after every identifier made before it. */
    public static OrderId generate(Clock clock) {
        return new OrderId(Ids.ordered(PREFIX, clock));
    }

    @Override
    public String toString() {
        return value;
    }
}
