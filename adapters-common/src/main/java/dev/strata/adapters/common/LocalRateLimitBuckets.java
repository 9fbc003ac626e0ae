package dev.strata.adapters.common;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets in this process's memory: right for one instance (and for the embedded H2
 * database, which only one process can use), but each of N instances behind a load balancer
 * then allows the whole budget, N times in all. Memory stays bounded: once {@value #SWEEP_AT}
 * callers are tracked, the buckets that are full again are forgotten. Thread-safe.
 */
public final class LocalRateLimitBuckets implements RateLimitBuckets {

    /** Sweep full buckets once this many callers are tracked, so that memory stays bounded. */
    private static final int SWEEP_AT = 100_000;

    private final Map<String, Tracked> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;

    /** Buckets that refill by the system clock. */
    public LocalRateLimitBuckets() {
        this(Clock.systemUTC());
    }

    /** Buckets that refill by {@code clock}, so that tests can drive time. */
    public LocalRateLimitBuckets(Clock clock) {
        this.time = new ClockTime(Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public ConsumptionProbe tryConsume(String key, RateLimits.Budget budget) {
        return bucket(key, budget).tryConsumeAndReturnRemaining(1);
    }

    @Override
    public void refund(String key, RateLimits.Budget budget) {
        bucket(key, budget).addTokens(1);
    }

    private Bucket bucket(String key, RateLimits.Budget budget) {
        if (buckets.size() >= SWEEP_AT) {
            // A full bucket is the same as no bucket: forgetting it changes nothing for its caller.
            buckets.values().removeIf(tracked -> tracked.bucket().getAvailableTokens() >= tracked.budget().requests());
        }
        return buckets.computeIfAbsent(key, unused -> new Tracked(Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(budget.bandwidth()).build(), budget)).bucket();
    }

    /** Bucket4j's time, read from a {@link Clock}: wall-clock time, as Bucket4j's default is. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }

    private record Tracked(Bucket bucket, RateLimits.Budget budget) {
    }
}
