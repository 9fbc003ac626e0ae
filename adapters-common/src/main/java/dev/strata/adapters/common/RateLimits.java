package dev.strata.adapters.common;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.Objects;

/**
 * The request budgets a {@link RateLimiter} enforces, in every API style alike: one for every
 * caller (per account when signed in, per client IP otherwise) and a stricter one for sign-ups
 * (per client IP). Budgets are
 * token buckets: {@code requests} may come at once, and they refill evenly over {@code period}.
 *
 * @param perCaller every request of one caller
 * @param signUps   account creations from one client IP
 */
public record RateLimits(Budget perCaller, Budget signUps) {

    /** 600 requests a minute per caller; 20 sign-ups an hour per client IP. */
    public static final RateLimits DEFAULT =
            new RateLimits(new Budget(600, Duration.ofMinutes(1)), new Budget(20, Duration.ofHours(1)));

    /** Both budgets; neither may be null. */
    public RateLimits {
        Objects.requireNonNull(perCaller, "perCaller");
        Objects.requireNonNull(signUps, "signUps");
    }

    /**
     * {@code requests} per {@code period}.
     */
    public record Budget(long requests, Duration period) {

        /**
         * A budget of at least one request per positive period.
         *
         * @throws IllegalArgumentException when {@code requests} is below 1 or {@code period} is
         *                                  under a millisecond
         */
        public Budget {
            Objects.requireNonNull(period, "period");
            if (requests < 1 || period.toMillis() < 1) {
                throw new IllegalArgumentException("a rate limit allows at least one request per positive period");
            }
        }

        /**
         * This budget as a Bucket4j bucket: {@code requests} at once, refilled evenly over
         * {@code period}. Every {@link RateLimitBuckets} store builds its buckets from it, so that
         * a bucket behaves the same wherever it is kept.
         */
        public BucketConfiguration configuration() {
            return BucketConfiguration.builder().addLimit(bandwidth()).build();
        }

        /** The one limit of this budget's buckets. */
        Bandwidth bandwidth() {
            return Bandwidth.builder().capacity(requests).refillGreedy(requests, period).build();
        }
    }
}
