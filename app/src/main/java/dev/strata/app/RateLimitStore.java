package dev.strata.app;

import dev.strata.adapters.common.LocalRateLimitBuckets;
import dev.strata.adapters.common.RateLimitBuckets;
import dev.strata.adapters.common.RateLimits;
import dev.strata.adapters.persistence.postgres.StrataDatabase;
import dev.strata.adapters.persistence.postgres.ratelimits.SharedBuckets;
import io.github.bucket4j.ConsumptionProbe;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the rate limits' buckets live ({@code STRATA_RATE_LIMIT_STORE}): {@code local}, in each
 * instance's memory (N instances allow N times the budget), or {@code postgres}, in the database
 * every instance shares, so that the budget is fleet-wide. Unset, it is {@code postgres} on
 * PostgreSQL and {@code local} on the embedded H2 database, which has no shared backend.
 */
public enum RateLimitStore {
    LOCAL,
    POSTGRES;

    /** The store for {@code chosen} (empty: the default for the database) on a database that is PostgreSQL or not. */
    public static RateLimitStore resolve(Optional<RateLimitStore> chosen, boolean onPostgres) {
        RateLimitStore store = chosen.orElse(onPostgres ? POSTGRES : LOCAL);
        if (store == POSTGRES && !onPostgres) {
            throw new IllegalArgumentException("STRATA_RATE_LIMIT_STORE=postgres needs a PostgreSQL database "
                    + "(STRATA_DB_URL); the embedded H2 database keeps rate limits in memory (local)");
        }
        return store;
    }

    /** The buckets of the store {@code settings} choose, over {@code database} when shared. */
    static RateLimitBuckets bucketsFor(Settings settings, StrataDatabase database) {
        boolean onPostgres = settings.databaseUrl().filter(url -> url.startsWith("jdbc:postgresql:")).isPresent();
        return resolve(settings.rateLimitStore(), onPostgres).buckets(database);
    }

    /** The buckets of this store, over {@code database} when shared. */
    RateLimitBuckets buckets(StrataDatabase database) {
        return this == POSTGRES ? new Shared(database.sharedBuckets()) : new LocalRateLimitBuckets();
    }

    /** The API adapters' port (RateLimitBuckets) over the PostgreSQL buckets, deleting full buckets now and then. */
    private static final class Shared implements RateLimitBuckets {

        private static final Logger LOG = LoggerFactory.getLogger(RateLimitStore.class);
        /** How many charges between two sweeps of the buckets that are full again. */
        private static final long SWEEP_EVERY = 10_000;

        private final SharedBuckets buckets;
        private final AtomicLong charges = new AtomicLong();

        Shared(SharedBuckets buckets) {
            this.buckets = buckets;
        }

        @Override
        public ConsumptionProbe tryConsume(String key, RateLimits.Budget budget) {
            if (charges.incrementAndGet() % SWEEP_EVERY == 0) {
                Thread.startVirtualThread(this::sweep);
            }
            SharedBuckets.Charge charge = buckets.tryConsume(row(key, budget), budget.requests(), budget.period());
            return charge.took()
                    ? ConsumptionProbe.consumed(charge.remaining(), charge.nanosToFull())
                    : ConsumptionProbe.rejected(charge.remaining(), charge.nanosToNextToken(), charge.nanosToFull());
        }

        @Override
        public void refund(String key, RateLimits.Budget budget) {
            buckets.refund(row(key, budget), budget.requests(), budget.period());
        }

        /**
         * A stored bucket keeps the configuration it was made with; naming the budget in its key
         * makes a changed budget (a new setting, rolled out) start fresh buckets at once, while the
         * old ones expire.
         */
        private static String row(String key, RateLimits.Budget budget) {
            return key + "|" + budget.requests() + "/" + budget.period();
        }

        private void sweep() {
            try {
                LOG.debug("deleted {} full rate-limit buckets", buckets.removeExpired());
            } catch (RuntimeException failure) {
                LOG.warn("deleting full rate-limit buckets failed; the next sweep tries again", failure);
            }
        }
    }
}
