package dev.strata.core.common;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of an idempotent creation: the record, and whether it was {@link #replayed()} (an
 * earlier request with the same idempotency key created it, and this call created nothing). An
 * HTTP adapter answers a replay with the original status and body and
 * {@code Idempotent-Replayed: true}.
 */
public record Created<T>(T value, boolean replayed) {

    public Created {
        Objects.requireNonNull(value, "value");
    }

    /** A record this call created. */
    public static <T> Created<T> fresh(T value) {
        return new Created<>(value, false);
    }

    /** A record an earlier call with the same idempotency key created. */
    public static <T> Created<T> replayed(T value) {
        return new Created<>(value, true);
    }

    /** The same outcome over a mapped value, e.g. a store record mapped to a service type. */
    public <U> Created<U> map(Function<? super T, ? extends U> mapper) {
        return new Created<>(mapper.apply(value), replayed);
    }
}
