package dev.strata.adapters.common;

/**
 * What a {@link RateLimiter} decided about one call, in whole seconds, ready for any protocol's
 * headers or metadata (REST's {@code RateLimit-Limit}, {@code RateLimit-Remaining},
 * {@code RateLimit-Reset} and {@code Retry-After}).
 *
 * @param allowed           whether the call may proceed; when not, the adapter refuses it as
 *                          {@link ErrorKind#RESOURCE_EXHAUSTED} (REST: 429) with {@code retryAfterSeconds}
 * @param limit             the budget: how many calls may come at once
 * @param remaining         how many calls are left now, never negative
 * @param resetSeconds      seconds until the bucket is full again, at least 1
 * @param retryAfterSeconds seconds until one more call is allowed: 0 when allowed, at least 1 when not
 */
public record RateDecision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    /**
     * The same decision as it reads after its call was {@linkplain RateLimiter#refund refunded}: one
     * more call remains, never more than the limit.
     */
    public RateDecision refunded() {
        return new RateDecision(allowed, limit, Math.min(limit, remaining + 1), resetSeconds, retryAfterSeconds);
    }
}
