package dev.strata.adapters.persistence.postgres.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.persistence.postgres.DatabaseSettings;
import dev.strata.adapters.persistence.postgres.TestDatabases;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared buckets against PostgreSQL: a bucket's count, one statement per charge in autocommit,
 * and no token taken twice when many connections charge one bucket at once.
 */
class SharedBucketsTest {

    /** Ten requests an hour: nothing refills while the test runs. */
    private static final long TEN = 10;
    private static final Duration HOUR = Duration.ofHours(1);

    @BeforeAll
    static void migrated() {
        TestDatabases.postgres();
    }

    @Test
    void aBucketCountsDownThenRefusesAndSaysWhenTheNextTokenComes() {
        SharedBuckets buckets = SharedBuckets.over(new Connections(new ArrayList<>()));
        String key = fresh();

        List<Long> remaining = new ArrayList<>();
        for (int charge = 0; charge < TEN; charge++) {
            SharedBuckets.Charge taken = buckets.tryConsume(key, TEN, HOUR);
            assertThat(taken.took()).as("charge %d", charge).isTrue();
            assertThat(taken.nanosToFull()).isPositive().isLessThanOrEqualTo(HOUR.toNanos());
            remaining.add(taken.remaining());
        }
        SharedBuckets.Charge refused = buckets.tryConsume(key, TEN, HOUR);

        assertThat(remaining).containsExactly(9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L, 0L);
        assertThat(refused.took()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.nanosToNextToken()).isPositive().isLessThanOrEqualTo(HOUR.toNanos() / TEN);
        assertThat(refused.nanosToFull()).isGreaterThan(HOUR.toNanos() - HOUR.toNanos() / TEN);
    }

    @Test
    void aRefundGivesOneTokenBackAndAFullBucketIsSweptAway() {
        SharedBuckets buckets = SharedBuckets.over(new Connections(new ArrayList<>()));
        String key = fresh();
        for (int charge = 0; charge < TEN; charge++) {
            buckets.tryConsume(key, TEN, HOUR);
        }

        buckets.refund(key, TEN, HOUR);
        assertThat(buckets.tryConsume(key, TEN, HOUR).took()).as("the refunded token").isTrue();
        assertThat(buckets.tryConsume(key, TEN, HOUR).took()).as("and no more").isFalse();

        String another = fresh();
        buckets.tryConsume(another, TEN, HOUR);
        buckets.refund(another, TEN, HOUR);
        buckets.removeExpired();
        assertThat(rows(another)).as("a full bucket is the same as none").isZero();
        assertThat(rows(key)).as("a bucket that is not full stays").isEqualTo(1);
    }

    /**
     * One round trip per charge: one statement, in autocommit, with no transaction around it (the
     * select-for-update backend it replaced sent BEGIN, SELECT ... FOR UPDATE, UPDATE and COMMIT).
     */
    @Test
    void aChargeIsOneStatementInAutocommit() {
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        SharedBuckets buckets = SharedBuckets.over(new Connections(calls));
        String key = fresh();
        buckets.tryConsume(key, TEN, HOUR);
        calls.clear();

        buckets.tryConsume(key, TEN, HOUR);
        buckets.refund(key, TEN, HOUR);

        assertThat(calls).as("connection and statement calls, closing the statement then the connection")
                .containsExactly("getConnection", "prepareStatement", "executeQuery", "close", "close",
                        "getConnection", "prepareStatement", "executeUpdate", "close", "close");
    }

    @Test
    void manyConnectionsChargingOneBucketAtOnceTakeEachTokenOnce() throws Exception {
        SharedBuckets one = SharedBuckets.over(new Connections(new ArrayList<>()));
        SharedBuckets other = SharedBuckets.over(new Connections(new ArrayList<>()));
        String key = fresh();
        List<Callable<Boolean>> charges = new ArrayList<>();
        for (int charge = 0; charge < 40; charge++) {
            SharedBuckets buckets = charge % 2 == 0 ? one : other;
            charges.add(() -> buckets.tryConsume(key, TEN, HOUR).took());
        }

        long took = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            for (Future<Boolean> charge : threads.invokeAll(charges)) {
                took += charge.get() ? 1 : 0;
            }
        }

        assertThat(took).isEqualTo(TEN);
    }

    private static String fresh() {
        return "test:" + UUID.randomUUID() + "|10/PT1H";
    }

    private static int rows(String key) {
        return TestDatabases.postgres().jdbi().withHandle(handle -> handle
                .createQuery("SELECT count(*) FROM rate_limits.token_buckets WHERE id = :key")
                .bind("key", key).mapTo(Integer.class).one());
    }

    /**
     * Plain driver connections to the test database (autocommit, as a pool hands them out) that
     * note the calls a store makes on the connection and its statements.
     */
    private record Connections(List<String> calls) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            DatabaseSettings settings = TestDatabases.postgresSettings();
            calls.add("getConnection");
            return noted(Connection.class, DriverManager.getConnection(settings.url(), settings.user(), settings.password()));
        }

        private <T> T noted(Class<T> type, T target) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, arguments) -> {
                        if (!method.getName().startsWith("set") || method.getName().equals("setAutoCommit")) {
                            calls.add(method.getName());
                        }
                        try {
                            Object result = method.invoke(target, arguments);
                            return result instanceof java.sql.PreparedStatement statement
                                    ? noted(java.sql.PreparedStatement.class, statement) : result;
                        } catch (InvocationTargetException failure) {
                            throw failure.getCause();
                        }
                    }));
        }

        @Override
        public Connection getConnection(String user, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
