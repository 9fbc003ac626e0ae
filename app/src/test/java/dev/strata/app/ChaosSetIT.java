package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jepsen's "set" workload on loopback. Clients create orders, each under its own idempotency key,
 * and retry every request that failed or went unanswered with the same key until it is
 * acknowledged, while the test terminates PostgreSQL's backends, stops and restarts PostgreSQL,
 * and SIGKILLs and restarts the packaged app twice. Afterwards every acknowledged order is
 * readable, no key has two orders, no answer was a 500 (a 503 with {@code Retry-After} is the
 * answer while the database is away), and the app came back after each fault by itself.
 *
 * <p>PostgreSQL is an embedded one the test owns (never a shared server), stopped and started
 * again on the same data folder and port.
 */
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class ChaosSetIT {

    private static final int CLIENTS = 4;
    /** Acknowledgements to wait for after each fault, proving the app serves again on its own. */
    private static final int RECOVERED = 5;
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path directory;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicReference<PackagedApp> app = new AtomicReference<>();
    private final Gate appUp = new Gate();
    private final Gate databaseUp = new Gate();
    private final Counts counts = new Counts();
    /** Set when the test failed: clients stop retrying instead of waiting for a recovery that will not come. */
    private final AtomicBoolean abandoned = new AtomicBoolean();

    @Test
    void acknowledgedOrdersSurviveDatabaseAndAppFaultsOnceEachAndNoKeyHasTwo() throws Exception {
        Path pgData = Files.createTempDirectory("strata-chaos-pg");
        int pgPort = freePort();
        EmbeddedPostgres postgres = startPostgres(pgData, pgPort);
        Map<String, String> settings = Map.of("STRATA_DB_URL",
                "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres?user=postgres", "STRATA_DB_POOL_SIZE", "4",
                "STRATA_RATE_LIMIT_ENABLED", "false", "STRATA_TOKEN_KEYS", "k1:" + java.util.Base64.getEncoder()
                        .encodeToString(UUID.randomUUID().toString().getBytes()));
        app.set(startApp(settings, 0));
        String token = signUpAndIn();
        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        List<Thread> clients = new ArrayList<>();
        for (int index = 0; index < CLIENTS; index++) {
            clients.add(Thread.ofPlatform().name("set-client-" + index)
                    .start(() -> client(token, running, acknowledged)));
        }
        try {
            awaitMoreAcknowledged(acknowledged, "traffic flows");

            try (Connection admin = postgres.getPostgresDatabase().getConnection();
                    Statement statement = admin.createStatement();
                    ResultSet terminated = statement.executeQuery("SELECT count(*) FROM (SELECT pg_terminate_backend(pid)"
                            + " FROM pg_stat_activity WHERE backend_type = 'client backend'"
                            + " AND pid <> pg_backend_pid()) AS terminated")) {
                terminated.next();
                System.out.printf("chaos: terminated %d PostgreSQL backends%n", terminated.getLong(1));
            }
            awaitMoreAcknowledged(acknowledged, "recovered from terminated backends");

            // Counted before the stop: the clients' 503s often come while close() is still waiting for
            // PostgreSQL to end, and a client that got one waits at the shut gate, asking nothing more.
            int unavailableBefore = counts.unavailable.get();
            databaseUp.shut();
            postgres.close();
            await("every client answered while PostgreSQL is stopped").atMost(PATIENCE)
                    .until(() -> databaseUp.waiting() == CLIENTS);
            assertThat(counts.unavailable.get()).as("503s while PostgreSQL is stopped").isGreaterThan(unavailableBefore);
            postgres = startPostgres(pgData, pgPort);
            databaseUp.open();
            awaitMoreAcknowledged(acknowledged, "recovered from PostgreSQL stopping and starting");

            for (int kill = 1; kill <= 2; kill++) {
                appUp.shut();
                app.get().kill();
                app.set(startApp(settings, kill));
                appUp.open();
                awaitMoreAcknowledged(acknowledged, "recovered from SIGKILL " + kill);
            }
        } catch (Throwable failure) {
            abandoned.set(true);
            app.get().close();
            postgres.close();
            throw failure;
        } finally {
            running.set(false);
            appUp.open();
            databaseUp.open();
            for (Thread client : clients) {
                client.join(PATIENCE);
            }
        }

        int lost = 0;
        int duplicated = 0;
        for (Map.Entry<String, String> order : acknowledged.entrySet()) {
            JsonNode found = json.readTree(send(HttpRequest.newBuilder(uri("/v1/orders?sku=chaos-" + order.getKey()
                    + "&fields=id&limit=100")).header("Authorization", "Bearer " + token).GET()).body()).path("data");
            if (found.size() > 1) {
                duplicated++;
            }
            boolean readable = send(HttpRequest.newBuilder(uri("/v1/orders/" + order.getValue()))
                    .header("Authorization", "Bearer " + token).GET()).statusCode() == 200;
            if (!readable || found.size() == 0 || !found.get(0).path("id").asText().equals(order.getValue())) {
                lost++;
            }
        }
        System.out.printf("chaos set: acknowledged %d, attempts %d, retried %d, 503s %d, unanswered %d, lost %d, "
                + "duplicated %d, 500s %d%n", acknowledged.size(), counts.attempts.get(),
                counts.attempts.get() - counts.keys.get(), counts.unavailable.get(), counts.unanswered.get(), lost,
                duplicated, counts.serverErrors.get());
        app.get().close();
        postgres.close();

        assertThat(counts.problems).as("answers no client should get").isEmpty();
        assertThat(counts.serverErrors.get()).as("500s").isZero();
        assertThat(lost).as("acknowledged orders not readable").isZero();
        assertThat(duplicated).as("idempotency keys with two orders").isZero();
        assertThat(counts.keys.get()).as("every key a client began was acknowledged in the end")
                .isEqualTo(acknowledged.size());
    }

    /** Creates orders one key at a time, retrying each with the same key until it is acknowledged. */
    private void client(String token, AtomicBoolean running, Map<String, String> acknowledged) {
        while (running.get()) {
            String key = UUID.randomUUID().toString();
            counts.keys.incrementAndGet();
            String body = "{\"currency\":\"EUR\",\"items\":[{\"sku\":\"chaos-" + key
                    + "\",\"quantity\":1,\"unit_price\":\"1.00\"}]}";
            while (!abandoned.get()) {
                counts.attempts.incrementAndGet();
                try {
                    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/orders"))
                            .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
                    int status = response.statusCode();
                    if (status == 201 || status == 200) {
                        acknowledged.put(key, json.readTree(response.body()).path("id").asText());
                        break;
                    }
                    if (status == 503) {
                        counts.unavailable.incrementAndGet();
                        if (response.headers().firstValue("Retry-After").isEmpty()) {
                            counts.problems.add("503 without Retry-After: " + response.body());
                        }
                        databaseUp.pass();
                    } else if (status >= 500) {
                        counts.serverErrors.incrementAndGet();
                        counts.problems.add(status + ": " + response.body());
                        databaseUp.pass();
                    } else {
                        counts.problems.add(status + ": " + response.body());
                        break;
                    }
                } catch (IOException unanswered) {
                    counts.unanswered.incrementAndGet();
                    if (!passWhenOpen(appUp)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static boolean passWhenOpen(Gate gate) {
        try {
            gate.pass();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitMoreAcknowledged(Map<String, String> acknowledged, String what) {
        int before = acknowledged.size();
        await(what).atMost(PATIENCE).until(() -> acknowledged.size() >= before + RECOVERED);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return app.get().uri().resolve(path);
    }

    private String signUpAndIn() throws Exception {
        String email = "chaos-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> account = send(HttpRequest.newBuilder(uri("/v1/accounts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"email\":\""
                        + email + "\",\"password\":\"" + PASSWORD + "\",\"display_name\":\"Chaos\"}")));
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
        HttpResponse<String> session = send(HttpRequest.newBuilder(uri("/v1/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"email\":\""
                        + email + "\",\"password\":\"" + PASSWORD + "\"}")));
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        return json.readTree(session.body()).path("token").asText();
    }

    private PackagedApp startApp(Map<String, String> settings, int start) throws Exception {
        return PackagedApp.start(directory.resolve("data"), directory.resolve("app-" + start + ".log"), settings);
    }

    private static EmbeddedPostgres startPostgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setPGStartupWait(PATIENCE).start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Open or shut; a client waiting on a shut gate goes on once the test opens it again. */
    private static final class Gate {

        private boolean open = true;
        private int waiting;

        synchronized void shut() {
            open = false;
        }

        synchronized void open() {
            open = true;
            notifyAll();
        }

        synchronized void pass() throws InterruptedException {
            waiting++;
            try {
                while (!open) {
                    wait();
                }
            } finally {
                waiting--;
            }
        }

        /** How many clients are waiting for the gate to open now. */
        synchronized int waiting() {
            return waiting;
        }
    }

    /** What the clients saw. */
    private static final class Counts {

        final AtomicInteger keys = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger unavailable = new AtomicInteger();
        final AtomicInteger unanswered = new AtomicInteger();
        final AtomicInteger serverErrors = new AtomicInteger();
        final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    }
}
