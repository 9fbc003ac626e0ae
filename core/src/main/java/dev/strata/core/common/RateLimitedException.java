package dev.strata.core.common;

import java.time.Duration;
import java.util.Objects;

/**
 * The caller has made too many attempts and must wait; {@link #retryAfter()} says how long.
 */
public final class RateLimitedException extends StrataException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(String code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long the caller should wait before trying again; never negative. */
    public Duration retryAfter() {
        return retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }
}
