package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.adapters.common.RateLimits;
import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL the rate limits are fleet-wide by default: two instances draw from one budget,
 * and the {@code RateLimit-*} headers of either tell the same count.
 */
class SharedRateLimitTest {

    /** Ten requests an hour: nothing refills while the test runs. */
    private static final RateLimits TEN_AN_HOUR = new RateLimits(new RateLimits.Budget(10, Duration.ofHours(1)),
            new RateLimits.Budget(1_000, Duration.ofHours(1)));

    @Test
    void twoInstancesDrawFromOneBudgetAndTheirHeadersAgree() {
        forgetClientAddressBuckets();
        try (Fleet fleet = Fleet.start(2, settings -> Fleet.withRateLimits(settings, TEN_AN_HOUR))) {
            Accounts.SignedIn ada = Accounts.signUpAndIn(fleet.instance(0).api);

            List<Long> remaining = new ArrayList<>();
            for (int request = 0; request < 10; request++) {
                HttpResult me = fleet.instance(request).api.get("/v1/sessions/me").bearer(ada.token()).send();
                assertThat(me.status()).as("request %d: %s", request, me).isEqualTo(200);
                assertThat(me.header("RateLimit-Limit")).contains("10");
                remaining.add(Long.parseLong(me.header("RateLimit-Remaining").orElseThrow()));
            }
            assertThat(remaining).as("one count, whichever instance answers")
                    .containsExactly(9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L, 0L);

            for (int index = 0; index < fleet.size(); index++) {
                HttpResult over = fleet.instance(index).api.get("/v1/sessions/me").bearer(ada.token()).send();
                assertThat(over.status()).as("instance %d: %s", index, over).isEqualTo(429);
                assertThat(over.header("Retry-After")).isPresent();
                assertThat(over.header("RateLimit-Remaining")).contains("0");
            }
        }
    }

    /**
     * Signing in is charged to the client address, the same loopback address on every run against
     * the same database within the hour: start each run with that budget full.
     */
    private static void forgetClientAddressBuckets() {
        TestDatabases.postgres().jdbi().useHandle(handle -> handle
                .execute("DELETE FROM rate_limits.token_buckets WHERE id LIKE 'ip:%|10/PT1H'"));
    }

    @Test
    void whenTheSharedStoreIsUnreachableRequestsGet503NotAnError() {
        forgetClientAddressBuckets();
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)(/.*)").matcher(
                TestDatabases.postgresSettings().url());
        assertThat(url.matches()).as("a PostgreSQL URL with host and port").isTrue();
        try (TcpProxy proxy = TcpProxy.to(url.group(1), Integer.parseInt(url.group(2)));
                RunningApp app = RunningApp.start(Fleet.withRateLimits(RunningApp.settings(
                        "jdbc:postgresql://127.0.0.1:" + proxy.port() + url.group(3)), TEN_AN_HOUR))) {
            assertThat(app.api.get("/v1").send().status()).isEqualTo(200);

            proxy.cut();
            HttpResult unavailable = app.api.get("/v1").send();

            assertThat(unavailable.status()).as(unavailable.toString()).isEqualTo(503);
            assertThat(unavailable.contentType()).startsWith("application/problem+json");
            assertThat(unavailable.header("Retry-After")).isPresent();
        }
    }

    @Test
    void theStoreDefaultsToPostgresOnPostgresAndLocalOnH2() {
        assertThat(RateLimitStore.resolve(Optional.empty(), true)).isEqualTo(RateLimitStore.POSTGRES);
        assertThat(RateLimitStore.resolve(Optional.empty(), false)).isEqualTo(RateLimitStore.LOCAL);
        assertThat(RateLimitStore.resolve(Optional.of(RateLimitStore.LOCAL), true)).isEqualTo(RateLimitStore.LOCAL);
        assertThatThrownBy(() -> RateLimitStore.resolve(Optional.of(RateLimitStore.POSTGRES), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PostgreSQL");
    }

    @Test
    void theBucketsLiveInTheRateLimitsSchema() {
        forgetClientAddressBuckets();
        try (Fleet fleet = Fleet.start(1, settings -> Fleet.withRateLimits(settings, TEN_AN_HOUR))) {
            Accounts.SignedIn ada = Accounts.signUpAndIn(fleet.instance(0).api);
            fleet.instance(0).api.get("/v1/sessions/me").bearer(ada.token()).send();

            int rows = TestDatabases.postgres().jdbi().withHandle(handle -> handle
                    .createQuery("SELECT count(*) FROM rate_limits.token_buckets WHERE id LIKE :key")
                    .bind("key", "account:" + ada.id() + "|%").mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(1);
        }
    }
}
