package dev.strata.adapters.persistence.postgres.ratelimits;

import dev.strata.adapters.persistence.postgres.DatabaseErrors;
import dev.strata.core.common.UnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Token buckets kept in PostgreSQL ({@code rate_limits.token_buckets}), so that every instance of
 * the app draws from the same budget. A charge is one statement in autocommit, {@code INSERT ...
 * ON CONFLICT DO UPDATE ... RETURNING}: one round trip, and the bucket's row is locked for that
 * statement only, so concurrent charges of one bucket (from any instance) queue on the row for the
 * length of one update and none can take a token another took. No explicit transaction, advisory
 * lock or session setting, so it runs unchanged through a transaction-pooling pgbouncer.
 *
 * <p>The bucket is the generic cell rate algorithm's form of a token bucket that holds
 * {@code requests} tokens and refills them evenly over {@code period} (Bucket4j's greedy refill,
 * what the local buckets use): its one stored number is when it would be full again, read against
 * the database's clock, so instances with skewed clocks still agree. Bucket4j's PostgreSQL backends
 * could not do this in one round trip: both lock the row across a transaction (select-for-update:
 * three round trips; advisory lock: more), and its state is an opaque blob that SQL cannot refill.
 * A bucket that is full again is the same as no bucket ({@link #removeExpired()} deletes those).
 * PostgreSQL only. Thread-safe.
 */
public final class SharedBuckets {

    private static final int EXPIRED_BATCH = 1_000;
    private static final String NOW_NANOS = "(extract(epoch FROM clock_timestamp()) * 1000000000)::bigint";

    /*
     * Parameters: 1 id, 2 interval (insert), 3-4 interval and period (full_at), 5 interval (full_at),
     * 6-7 interval and period (took). EXCLUDED.charged_at is this statement's clock reading.
     */
    private static final String CHARGE = """
            INSERT INTO rate_limits.token_buckets AS b (id, full_at, charged_at, took)
            SELECT ?, clock.now_ns + ?, clock.now_ns, true FROM (SELECT %s AS now_ns) AS clock
            ON CONFLICT (id) DO UPDATE SET
                full_at = CASE WHEN greatest(b.full_at, EXCLUDED.charged_at) + ? - EXCLUDED.charged_at <= ?
                               THEN greatest(b.full_at, EXCLUDED.charged_at) + ? ELSE b.full_at END,
                charged_at = EXCLUDED.charged_at,
                took = greatest(b.full_at, EXCLUDED.charged_at) + ? - EXCLUDED.charged_at <= ?
            RETURNING full_at, charged_at, took""".formatted(NOW_NANOS);
    private static final String REFUND = "UPDATE rate_limits.token_buckets SET full_at = full_at - ? WHERE id = ?";
    private static final String REMOVE_FULL = """
            DELETE FROM rate_limits.token_buckets
            WHERE full_at < %1$s
              AND id IN (SELECT id FROM rate_limits.token_buckets WHERE full_at < %1$s LIMIT %2$d)"""
            .formatted(NOW_NANOS, EXPIRED_BATCH);

    private final DataSource pool;

    private SharedBuckets(DataSource pool) {
        this.pool = pool;
    }

    /** Buckets in {@code rate_limits.token_buckets} of the PostgreSQL database behind {@code pool}. */
    public static SharedBuckets over(DataSource pool) {
        return new SharedBuckets(Objects.requireNonNull(pool, "pool"));
    }

    /**
     * What one charge did: whether it took a token, how many are left, and how long until the next
     * token and until the bucket is full again (nanoseconds).
     */
    public record Charge(boolean took, long remaining, long nanosToNextToken, long nanosToFull) {
    }

    /**
     * Takes one token from {@code key}'s bucket of {@code requests} tokens refilled evenly over
     * {@code period}, made full on first use: one statement. The same key must always come with the
     * same budget.
     *
     * @throws UnavailableException when the database cannot be reached
     */
    public Charge tryConsume(String key, long requests, Duration period) {
        long periodNanos = period.toNanos();
        long interval = interval(requests, periodNanos);
        try (Connection connection = pool.getConnection();
                PreparedStatement charge = connection.prepareStatement(CHARGE)) {
            charge.setString(1, key);
            charge.setLong(2, interval);
            charge.setLong(3, interval);
            charge.setLong(4, periodNanos);
            charge.setLong(5, interval);
            charge.setLong(6, interval);
            charge.setLong(7, periodNanos);
            try (ResultSet row = charge.executeQuery()) {
                row.next();
                long untilFull = row.getLong("full_at") - row.getLong("charged_at");
                if (row.getBoolean("took")) {
                    return new Charge(true, (periodNanos - untilFull) / interval, 0, untilFull);
                }
                return new Charge(false, 0, untilFull + interval - periodNanos, untilFull);
            }
        } catch (SQLException | RuntimeException failure) {
            throw translated(failure);
        }
    }

    /**
     * Gives one token back to {@code key}'s bucket (a bucket that is full stays full: its moment of
     * being full only moves further into the past).
     *
     * @throws UnavailableException when the database cannot be reached
     */
    public void refund(String key, long requests, Duration period) {
        try (Connection connection = pool.getConnection();
                PreparedStatement refund = connection.prepareStatement(REFUND)) {
            refund.setLong(1, interval(requests, period.toNanos()));
            refund.setString(2, key);
            refund.executeUpdate();
        } catch (SQLException | RuntimeException failure) {
            throw translated(failure);
        }
    }

    /** Deletes up to a batch of buckets that are full again (the same as no bucket); returns how many. */
    public int removeExpired() {
        try (Connection connection = pool.getConnection();
                PreparedStatement remove = connection.prepareStatement(REMOVE_FULL)) {
            return remove.executeUpdate();
        } catch (SQLException | RuntimeException failure) {
            throw translated(failure);
        }
    }

    /** Nanoseconds between two tokens of the refill (at least one). */
    private static long interval(long requests, long periodNanos) {
        if (requests < 1 || periodNanos < 1) {
            throw new IllegalArgumentException("a budget needs at least one request and a positive period");
        }
        return Math.max(1, periodNanos / requests);
    }

    private static RuntimeException translated(Exception failure) {
        if (DatabaseErrors.isUnavailable(failure)) {
            return new UnavailableException("the rate-limit store is unavailable", failure);
        }
        return failure instanceof RuntimeException unchecked
                ? unchecked : new IllegalStateException("a rate-limit bucket statement failed", failure);
    }
}
