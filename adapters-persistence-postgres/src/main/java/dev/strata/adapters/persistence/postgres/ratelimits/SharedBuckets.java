package dev.strata.adapters.persistence.postgres.ratelimits;

import dev.strata.adapters.persistence.postgres.DatabaseErrors;
import dev.strata.core.common.UnavailableException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Token buckets kept in PostgreSQL ({@code rate_limits.buckets}) with Bucket4j's PostgreSQL
 * backend, so that every instance of the app draws from the same budget. Each operation is one
 * short transaction ({@code SELECT ... FOR UPDATE} of the bucket's row, then {@code UPDATE}): no
 * advisory lock, no session setting, nothing that outlives the transaction, so it runs unchanged
 * through a transaction-pooling pgbouncer. A row expires once its bucket would be full again
 * ({@link #removeExpired()} deletes those). PostgreSQL only: H2 has no such backend. Thread-safe.
 */
public final class SharedBuckets {

    private static final int EXPIRED_BATCH = 1_000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;

    private SharedBuckets(PostgreSQLSelectForUpdateBasedProxyManager<String> proxies) {
        this.proxies = proxies;
    }

    /** Buckets in {@code rate_limits.buckets} of the PostgreSQL database behind {@code pool}. */
    public static SharedBuckets over(DataSource pool) {
        return new SharedBuckets(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(Objects.requireNonNull(pool, "pool"))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limits.buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build());
    }

    /**
     * Takes one token from {@code key}'s bucket, made from {@code configuration} on first use.
     *
     * @throws UnavailableException when the database cannot be reached
     */
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        return call(() -> proxies.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1));
    }

    /**
     * Gives one token back to {@code key}'s bucket.
     *
     * @throws UnavailableException when the database cannot be reached
     */
    public void refund(String key, BucketConfiguration configuration) {
        call(() -> {
            proxies.builder().build(key, () -> configuration).addTokens(1);
            return null;
        });
    }

    /** Deletes up to a batch of buckets that are full again (the same as no bucket); returns how many. */
    public int removeExpired() {
        return call(() -> proxies.removeExpired(EXPIRED_BATCH));
    }

    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RuntimeException failure) {
            if (DatabaseErrors.isUnavailable(failure)) {
                throw new UnavailableException("the rate-limit store is unavailable", failure);
            }
            throw failure;
        }
    }
}
