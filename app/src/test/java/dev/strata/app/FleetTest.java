package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpResult;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three instances of the app over one PostgreSQL database behave as one: whatever one instance
 * decides (a session, a sign-out, a password change, sign-in failures, an idempotency key, a
 * version) every other instance honours, because it lives in the database. Sessions are also kept
 * for a moment by each instance's session cache, so an ended session is refused at once by the
 * instance that ended it and within one second by the others (README, "The session cache"): the
 * test polls, and fails if a request that started a second or more after the change still got in.
 */
class FleetTest {

    private static final String ORDER = "{\"currency\":\"EUR\",\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":1,"
            + "\"unit_price\":\"12.50\"}]}";

    private static Fleet fleet;

    @BeforeAll
    static void startFleet() {
        fleet = Fleet.start(3, settings -> settings);
    }

    @AfterAll
    static void stopFleet() {
        fleet.close();
    }

    @Test
    void aTokenIssuedByOneInstanceWorksOnTheOthers() {
        Accounts.SignedIn ada = Accounts.signUpAndIn(fleet.instance(0).api);

        for (int index = 0; index < fleet.size(); index++) {
            HttpResult me = fleet.instance(index).api.get("/v1/sessions/me").bearer(ada.token()).send();
            assertThat(me.status()).as("instance %d: %s", index, me).isEqualTo(200);
            assertThat(me.body()).contains(ada.id());
        }
    }

    @Test
    void signingOutOnOneInstanceIsHonouredByEveryInstanceAtOnce() {
        Accounts.SignedIn ada = Accounts.signUpAndIn(fleet.instance(0).api);
        assertThat(fleet.instance(2).api.get("/v1/sessions/me").bearer(ada.token()).send().status()).isEqualTo(200);

        assertThat(fleet.instance(1).api.delete("/v1/sessions/me").bearer(ada.token()).send().status()).isEqualTo(204);
        long changed = System.nanoTime();

        assertThat(fleet.instance(1).api.get("/v1/sessions/me").bearer(ada.token()).send().status()).isEqualTo(401);
        for (int index = 0; index < fleet.size(); index++) {
            int instance = index;
            refusedWithinASecond(changed, "instance " + index,
                    () -> fleet.instance(instance).api.get("/v1/sessions/me").bearer(ada.token()).send().status());
        }
    }

    /**
     * Polls {@code status} until it is 401; fails if a request that started a second or more after
     * {@code changedAt} (a {@link System#nanoTime()} read after the change returned) still got a 200.
     * The overall guard only ends a test that would otherwise never end.
     */
    private static void refusedWithinASecond(long changedAt, String what, java.util.function.IntSupplier status) {
        long guard = changedAt + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            long started = System.nanoTime();
            int answer = status.getAsInt();
            if (answer == 401) {
                return;
            }
            assertThat(answer).as(what).isEqualTo(200);
            assertThat(started - changedAt).as("%s still accepted the ended session %d ms after the change", what,
                    TimeUnit.NANOSECONDS.toMillis(started - changedAt)).isLessThan(TimeUnit.SECONDS.toNanos(1));
            assertThat(started).as("%s never refused", what).isLessThan(guard);
        }
    }

    @Test
    void aPasswordChangedOnOneInstanceEndsTheOtherSessionsOnEveryInstance() {
        Accounts.SignedIn ada = Accounts.signUpAndIn(fleet.instance(0).api);
        String otherToken = fleet.instance(2).api.post("/v1/sessions").json(credentials(ada.email(), Accounts.PASSWORD))
                .send().field("token");
        assertThat(fleet.instance(0).api.get("/v1/sessions/me").bearer(otherToken).send().status()).isEqualTo(200);

        String etag = fleet.instance(1).api.get("/v1/accounts/" + ada.id()).bearer(ada.token()).send()
                .header("ETag").orElseThrow();
        HttpResult changed = fleet.instance(1).api.patch("/v1/accounts/" + ada.id()).bearer(ada.token())
                .header("If-Match", etag)
                .body("application/merge-patch+json", "{\"password\":\"a whole new password, long enough\","
                        + "\"current_password\":\"" + Accounts.PASSWORD + "\"}")
                .send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        long changedAt = System.nanoTime();

        for (int index = 0; index < fleet.size(); index++) {
            int instance = index;
            refusedWithinASecond(changedAt, "the other session on instance " + index,
                    () -> fleet.instance(instance).api.get("/v1/sessions/me").bearer(otherToken).send().status());
            assertThat(fleet.instance(index).api.get("/v1/sessions/me").bearer(ada.token()).send().status())
                    .as("the changing session on instance %d", index).isEqualTo(200);
        }
    }

    @Test
    void signInFailuresSpreadOverTheInstancesAddUpToOneLockOut() {
        Accounts.SignedIn ada = Accounts.signUpAndIn(fleet.instance(0).api);
        // IdentityPolicy.DEFAULT: the 11th failure within 15 minutes is throttled.
        for (int attempt = 0; attempt < 10; attempt++) {
            HttpResult failed = fleet.instance(attempt).api.post("/v1/sessions")
                    .json(credentials(ada.email(), "not the password " + attempt)).send();
            assertThat(failed.status()).as("attempt %d: %s", attempt, failed).isEqualTo(401);
        }

        for (int index = 0; index < fleet.size(); index++) {
            HttpResult locked = fleet.instance(index).api.post("/v1/sessions")
                    .json(credentials(ada.email(), Accounts.PASSWORD)).send();
            assertThat(locked.status()).as("instance %d: %s", index, locked).isEqualTo(429);
            assertThat(locked.header("Retry-After")).isPresent();
        }
    }

    @Test
    void anIdempotentCreationRacedOnThreeInstancesMakesOneRecord() throws Exception {
        Accounts.SignedIn ada = Accounts.signUpAndIn(fleet.instance(0).api);
        String key = "race-" + UUID.randomUUID();

        List<HttpResult> results = race(12, index -> () -> fleet.instance(index).api.post("/v1/orders")
                .bearer(ada.token()).header("Idempotency-Key", key).json(ORDER).send());

        assertThat(results).allSatisfy(result -> assertThat(result.status()).as(result.toString()).isEqualTo(201));
        assertThat(results.stream().map(result -> result.field("id")).distinct()).hasSize(1);
        assertThat(results.stream().filter(result -> result.header("Idempotent-Replayed").isEmpty())).hasSize(1);
        HttpResult list = fleet.instance(1).api.get("/v1/orders").bearer(ada.token()).send();
        assertThat(list.json().get("data")).hasSize(1);
    }

    @Test
    void twentyConcurrentConditionalUpdatesOverTheInstancesHaveExactlyOneWinner() throws Exception {
        Accounts.SignedIn ada = Accounts.signUpAndIn(fleet.instance(0).api);
        HttpResult created = fleet.instance(0).api.post("/v1/orders").bearer(ada.token()).json(ORDER).send();
        String order = "/v1/orders/" + created.field("id");
        String etag = created.header("ETag").orElseThrow();

        List<HttpResult> results = race(20, index -> () -> fleet.instance(index).api.patch(order)
                .bearer(ada.token()).header("If-Match", etag)
                .body("application/merge-patch+json", "{\"comment\":\"writer " + index + "\"}").send());

        assertThat(results.stream().filter(result -> result.status() == 200)).as(results.toString()).hasSize(1);
        assertThat(results.stream().filter(result -> result.status() == 412)).as(results.toString()).hasSize(19);
        String winner = results.stream().filter(result -> result.status() == 200).findFirst().orElseThrow()
                .field("comment");
        for (int index = 0; index < fleet.size(); index++) {
            HttpResult read = fleet.instance(index).api.get(order).bearer(ada.token()).send();
            assertThat(read.field("comment")).isEqualTo(winner);
            assertThat(read.json().get("version").asInt()).isEqualTo(1);
        }
    }

    /** Runs {@code count} calls at once, call {@code i} on instance {@code i mod size}, released together. */
    private static List<HttpResult> race(int count, IntFunction<Callable<HttpResult>> call) throws Exception {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResult>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                for (int index = 0; index < count; index++) {
                    Callable<HttpResult> task = call.apply(index);
                    futures.add(threads.submit(() -> {
                        ready.countDown();
                        go.await();
                        return task.call();
                    }));
                }
                assertThat(ready.await(30, TimeUnit.SECONDS)).as("every caller is ready").isTrue();
                go.countDown();
                List<HttpResult> results = new ArrayList<>();
                for (Future<HttpResult> future : futures) {
                    results.add(future.get(60, TimeUnit.SECONDS));
                }
                return results;
            } finally {
                // A call still waiting for its answer is interrupted, so that the test fails on the
                // timeout above instead of hanging in close(), which waits for every call.
                threads.shutdownNow();
            }
        }
    }

    private static String credentials(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }
}
