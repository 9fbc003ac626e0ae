package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.contracts.identity.IdentityFixtures;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app on real PostgreSQL, reached through a proxy the test cuts to make the database vanish
 * mid-traffic: requests get 503 with Retry-After, never 500, readiness follows the database, and
 * the app recovers by itself when the database is back.
 */
class DatabaseOutageTest {

    private static final String ORDER = "{\"currency\":\"EUR\",\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":1,"
            + "\"unit_price\":\"12.50\"}]}";

    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)(/.*)");

    /** A hang guard only: every wait below ends as soon as its condition holds. */
    private static final Duration PATIENCE = Duration.ofMinutes(1);

    private TcpProxy proxy;
    private RunningApp app;

    @BeforeEach
    void start() {
        startWithPoolOf(4);
    }

    private void startWithPoolOf(int connections) {
        if (app != null) {
            stop();
        }
        // Migrates the schema once, directly.
        TestDatabases.postgres();
        Matcher url = POSTGRES_URL.matcher(TestDatabases.postgresSettings().url());
        assertThat(url.matches()).as("a PostgreSQL URL with host and port: %s", TestDatabases.postgresSettings().url())
                .isTrue();
        proxy = TcpProxy.to(url.group(1), Integer.parseInt(url.group(2)));
        app = RunningApp.start(RunningApp.settings("jdbc:postgresql://127.0.0.1:" + proxy.port() + url.group(3),
                connections));
    }

    @AfterEach
    void stop() {
        app.close();
        proxy.close();
    }

    @Test
    void readinessTurns503WhenTheDatabaseStopsAnd200WhenItReturns() {
        assertThat(app.admin.get("/health/ready").send().status()).isEqualTo(200);

        proxy.cut();
        await("ready turns 503").atMost(PATIENCE).until(() -> app.admin.get("/health/ready").send().status() == 503);
        HttpResult down = app.admin.get("/health/ready").send();
        assertThat(down.header("Retry-After")).isPresent();
        assertThat(app.admin.get("/health/live").send().status()).isEqualTo(200);

        proxy.restore();
        await("ready turns 200 again").atMost(PATIENCE)
                .until(() -> app.admin.get("/health/ready").send().status() == 200);
    }

    @Test
    void anOutageMidTrafficGives503sNever500sRecoversByItselfAndLosesNoAcknowledgedWrite() throws Exception {
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        List<HttpResult> unavailable = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int client = 0; client < 3; client++) {
            clients.add(Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    String email = IdentityFixtures.uniqueEmail();
                    HttpResult result = app.api.post("/v1/accounts").json("{\"email\":\"" + email
                            + "\",\"password\":\"" + Accounts.PASSWORD + "\",\"display_name\":\"Ada\"}").send();
                    statuses.add(result.status());
                    if (result.status() == 201) {
                        acknowledged.put(email, result.field("id"));
                    } else if (result.status() == 503) {
                        unavailable.add(result);
                    }
                }
            }));
        }
        await("traffic flows").atMost(PATIENCE).until(() -> acknowledged.size() >= 3);
        proxy.cut();
        await("the outage is noticed: a 503").atMost(PATIENCE).until(() -> !unavailable.isEmpty());
        int acknowledgedBeforeRecovery = acknowledged.size();
        proxy.restore();
        await("traffic succeeds again, without help").atMost(PATIENCE)
                .until(() -> acknowledged.size() >= acknowledgedBeforeRecovery + 3);
        running.set(false);
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(30));
        }

        assertThat(statuses).as("every response is 201 or 503").isNotEmpty().allMatch(s -> s == 201 || s == 503);
        assertThat(unavailable).allSatisfy(result -> {
            assertThat(result.header("Retry-After")).isPresent();
            assertThat(result.contentType()).startsWith("application/problem+json");
        });
        for (Map.Entry<String, String> account : acknowledged.entrySet()) {
            HttpResult signIn = app.api.post("/v1/sessions").json("{\"email\":\"" + account.getKey()
                    + "\",\"password\":\"" + Accounts.PASSWORD + "\"}").send();
            assertThat(signIn.status()).as("acknowledged account %s can sign in", account.getKey()).isEqualTo(201);
        }
    }

    @Test
    void anExhaustedPoolGives503WithRetryAfterAndTheStuckRequestFinishesOnceTheDatabaseAnswers() throws Exception {
        startWithPoolOf(1);
        Accounts.SignedIn ada = Accounts.signUpAndIn(app.api);
        assertThat(app.api.get("/v1/orders").bearer(ada.token()).send().status()).isEqualTo(200);

        // Straight after a request that used it, so that the pool hands the connection out without
        // validating it first (HikariCP skips that for a connection used in the last 500 ms): the
        // stuck request then holds it while its statement hangs. A request that first spent a
        // while on something else (an Argon2 hash) would instead have the pool find the connection
        // unresponsive, drop it and time out itself.
        proxy.stall();
        CompletableFuture<HttpResult> stuck = CompletableFuture.supplyAsync(() -> app.api.post("/v1/orders")
                .bearer(ada.token()).json(ORDER).send(), Executors.newVirtualThreadPerTaskExecutor());
        await("the first request holds the only connection").atMost(PATIENCE).until(() -> PrometheusText
                .parse(app.admin.get("/metrics").send().body()).value("hikaricp_connections_active{pool=\"strata\"}") == 1);
        assertThat(stuck).isNotDone();
        HttpResult waiting = app.api.get("/v1/orders").bearer(ada.token()).send();

        // The pool gave up waiting for a connection (it does not hang) and the client is told to come back.
        assertThat(waiting.status()).as(waiting.toString()).isEqualTo(503);
        assertThat(waiting.header("Retry-After")).isPresent();
        proxy.restore();
        HttpResult created = stuck.get(30, TimeUnit.SECONDS);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(app.api.get(URI.create(created.header("Location").orElseThrow()).getPath()).bearer(ada.token()).send().status())
                .isEqualTo(200);
    }

    private HttpResult signUp(String email) {
        return app.api.post("/v1/accounts").json("{\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD
                + "\",\"display_name\":\"Ada\"}").send();
    }
}
