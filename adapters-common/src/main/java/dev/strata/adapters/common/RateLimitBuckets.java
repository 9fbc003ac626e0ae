package dev.strata.adapters.common;

import io.github.bucket4j.ConsumptionProbe;

/**
 * Where a {@link RateLimiter} keeps its token buckets: the port between the API adapters and a
 * bucket store. {@link LocalRateLimitBuckets} keeps them in this process's memory, so N instances
 * allow N times the budget; a store shared by every instance (the app wires its PostgreSQL
 * buckets, the same token buckets charged in one statement) makes the budget fleet-wide. A bucket is made on first use from its budget, identified
 * by {@code key} alone: the same key must always come with the same budget. Implementations are
 * thread-safe; a store that cannot be reached throws core's {@code UnavailableException} (a 503).
 */
public interface RateLimitBuckets {

    /** Takes one token from {@code key}'s bucket if it has one; the probe says whether, and what is left. */
    ConsumptionProbe tryConsume(String key, RateLimits.Budget budget);

    /** Gives one token back to {@code key}'s bucket (never beyond its capacity). */
    void refund(String key, RateLimits.Budget budget);
}
