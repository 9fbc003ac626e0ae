package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM under traffic, repeated: a pool of clients keeps sending GETs and idempotent POSTs, on
 * kept-alive connections and on new ones, while the packaged app is terminated. Every request
 * whose bytes were written gets a complete response: a refused connection (the listener has
 * closed) is fine, and so is a reset of a connection that the kernel completed in the instant the
 * listener closed (see {@link #resetAsTheListenerClosed}); any other reset, or an end of stream
 * instead of a response, is not. Readiness turns 503
 * while the API still answers 2xx (the shutdown delay), responses sent after the listener closed
 * carry {@code Connection: close}, the app exits 0 and logs nothing at WARN or above.
 */
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class LameDuckShutdownIT {

    private static final int ROUNDS = Integer.getInteger("strata.lameDuck.rounds", 4);
    private static final int KEPT_ALIVE_CLIENTS = 3;
    private static final int NEW_CONNECTION_CLIENTS = 3;
    private static final String ORDER = "{\"currency\":\"EUR\",\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":1,"
            + "\"unit_price\":\"12.50\"}]}";
    private static final Pattern FIELD = Pattern.compile("\"(id|token)\":\"([^\"]+)\"");

    @TempDir
    Path directory;

    @Test
    void everyRequestThatReachedTheServerIsAnsweredAcrossRepeatedSigterms() throws Exception {
        Map<String, String> settings = Map.of("STRATA_SHUTDOWN_DELAY", "2s", "STRATA_SHUTDOWN_GRACE", "20s",
                "STRATA_RATE_LIMIT_ENABLED", "false", "STRATA_TOKEN_KEYS", "k1:" + Base64.getEncoder()
                        .encodeToString(UUID.randomUUID().toString().getBytes()));
        Tally total = new Tally();
        List<String> problems = new ArrayList<>();
        String token = null;
        for (int index = 0; index < ROUNDS; index++) {
            int round = index;
            Path log = directory.resolve("app-" + round + ".log");
            try (PackagedApp app = PackagedApp.start(directory.resolve("data"), log, settings)) {
                if (token == null) {
                    token = signUpAndIn(app.port());
                }
                Tally tally = sigtermUnderTraffic(app, token);
                total.add(tally);
                System.out.printf("lame-duck round %d: %s%n", round, tally);
                tally.problems.forEach(problem -> problems.add("round " + round + ": " + problem));
                if (app.exitValue() != 0) {
                    problems.add("round " + round + ": exit status " + app.exitValue());
                }
                app.outputLines().stream().filter(line -> line.matches(".*\\b(WARN|ERROR)\\b.*"))
                        .forEach(line -> problems.add("round " + round + ": logged " + line));
            }
        }
        System.out.printf("lame-duck total over %d rounds: %s%n", ROUNDS, total);
        assertThat(problems).as("over %d rounds: %s", ROUNDS, total).isEmpty();
        assertThat(total.servedAfterReadinessDown.get()).as("requests served 2xx after readiness turned 503")
                .isPositive();
        assertThat(total.refused.get()).as("the listener closed while clients kept connecting").isPositive();
        assertThat(total.closingResponses.get()).as("responses told kept-alive clients to go").isPositive();
    }

    private Tally sigtermUnderTraffic(PackagedApp app, String token) throws Exception {
        Tally tally = new Tally();
        Shared shared = new Shared(app.port(), token, tally);
        List<Thread> clients = new ArrayList<>();
        for (int index = 0; index < KEPT_ALIVE_CLIENTS; index++) {
            clients.add(Thread.ofPlatform().name("kept-alive-" + index).start(() -> keptAliveClient(shared)));
        }
        for (int index = 0; index < NEW_CONNECTION_CLIENTS; index++) {
            clients.add(Thread.ofPlatform().name("new-connection-" + index).start(() -> newConnectionClient(shared)));
        }
        await("traffic flows").atMost(Duration.ofMinutes(1))
                .until(() -> tally.answered.get() >= 5 * (KEPT_ALIVE_CLIENTS + NEW_CONNECTION_CLIENTS));
        app.terminate();
        await("readiness answers 503").atMost(Duration.ofMinutes(1)).until(() -> app.readiness() == 503);
        shared.readinessDown.set(true);
        assertThat(app.awaitExit()).as("exits within the grace period").isTrue();
        for (Thread client : clients) {
            client.join(Duration.ofMinutes(1));
            if (client.isAlive()) {
                tally.problems.add(client.getName() + " still waits for an answer after the app exited");
            }
        }
        return tally;
    }

    /** Reuses its connection until the server says {@code Connection: close}, then opens another. */
    private static void keptAliveClient(Shared shared) {
        while (true) {
            RawHttpConnection connection;
            try {
                connection = RawHttpConnection.open(shared.port);
            } catch (ConnectException refused) {
                shared.refused();
                return;
            } catch (IOException e) {
                shared.tally.problems.add("connect failed: " + e);
                return;
            }
            try (connection) {
                boolean reuse = true;
                while (reuse) {
                    if (connection.requests() > 0 && connection.closedByServer()) {
                        // Closed between requests, before this client wrote anything: fine.
                        shared.tally.closedBetweenRequests.incrementAndGet();
                        break;
                    }
                    reuse = exchange(shared, connection, true);
                }
            } catch (IOException e) {
                shared.tally.problems.add("kept-alive connection: " + e);
                return;
            }
        }
    }

    /** One request per connection. */
    private static void newConnectionClient(Shared shared) {
        while (true) {
            try (RawHttpConnection connection = RawHttpConnection.open(shared.port)) {
                exchange(shared, connection, false);
            } catch (ConnectException refused) {
                shared.refused();
                return;
            } catch (IOException e) {
                shared.tally.problems.add("new connection: " + e);
                return;
            }
        }
    }

    /** Sends one request and reads its answer; returns whether the connection may be reused. */
    private static boolean exchange(Shared shared, RawHttpConnection connection, boolean keptAlive) {
        boolean afterReadinessDown = shared.readinessDown.get();
        boolean afterRefusal = shared.refusalSeen.get();
        String kind = switch (ThreadLocalRandom.current().nextInt(3)) {
            case 0 -> "GET /v1";
            case 1 -> "GET /v1/orders";
            default -> "POST /v1/orders";
        };
        try {
            Map<String, String> headers = kind.equals("GET /v1") ? Map.of()
                    : kind.startsWith("GET") ? Map.of("Authorization", "Bearer " + shared.token)
                    : Map.of("Authorization", "Bearer " + shared.token, "Idempotency-Key", UUID.randomUUID().toString());
            connection.write(kind.substring(0, kind.indexOf(' ')), kind.substring(kind.indexOf(' ') + 1)
                    + (kind.equals("GET /v1/orders") ? "?limit=1" : ""), headers, kind.startsWith("POST") ? ORDER : null);
        } catch (IOException e) {
            if (!(connection.requests() == 0 && resetAsTheListenerClosed(shared))) {
                shared.tally.problems.add(kind + " (" + (keptAlive ? "kept-alive" : "new connection") + ", request "
                        + (connection.requests() + 1) + "): writing the request failed: " + e);
            }
            return false;
        }
        shared.tally.sent.incrementAndGet();
        RawHttpConnection.Response response;
        try {
            response = connection.read();
        } catch (EOFException e) {
            shared.tally.problems.add(kind + " (" + (keptAlive ? "kept-alive" : "new connection") + ", request "
                    + connection.requests() + "): no complete response: " + e.getMessage());
            return false;
        } catch (IOException e) {
            if (!(connection.requests() == 1 && resetAsTheListenerClosed(shared))) {
                shared.tally.problems.add(kind + " (" + (keptAlive ? "kept-alive" : "new connection") + ", request "
                        + connection.requests() + "): " + e);
            }
            return false;
        }
        shared.tally.answered.incrementAndGet();
        if (response.status() / 100 != 2) {
            shared.tally.problems.add(kind + ": status " + response.status() + " " + response.body());
        } else if (afterReadinessDown) {
            shared.tally.servedAfterReadinessDown.incrementAndGet();
        }
        if (response.closesConnection()) {
            shared.tally.closingResponses.incrementAndGet();
        } else if (afterRefusal && keptAlive) {
            shared.tally.problems.add(kind + ": sent after the listener closed, answered without Connection: close");
        }
        if (response.closesConnection()) {
            try {
                connection.awaitEndOfStream();
            } catch (IOException e) {
                shared.tally.problems.add(kind + ": after Connection: close, expected a clean end of stream: " + e);
            }
            return false;
        }
        return true;
    }

    /**
     * Whether a reset on a connection's first request (the caller checks that) came from the listening socket's close: the
     * kernel completes a connection on its own, and one it completes in the instant between the
     * server's last accept and the close is reset with the socket, before the server could see it.
     * No server can avoid that; it is why the shutdown delay comes first. Then a new connection
     * right after the reset is refused, and the reset counts as a refusal. Whether connections
     * queued earlier are accepted and answered is {@code ConnectionDrainTest}'s to pin.
     */
    private static boolean resetAsTheListenerClosed(Shared shared) {
        try {
            RawHttpConnection.open(shared.port).close();
            return false;
        } catch (ConnectException refused) {
            // The client's own next connection is refused too, and counted as such.
            shared.tally.resetAtTheListenersClose.incrementAndGet();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String signUpAndIn(int port) throws IOException {
        String email = "lame-duck-" + UUID.randomUUID() + "@example.com";
        try (RawHttpConnection connection = RawHttpConnection.open(port)) {
            connection.write("POST", "/v1/accounts", Map.of(), "{\"email\":\"" + email
                    + "\",\"password\":\"correct horse battery staple\",\"display_name\":\"Lame Duck\"}");
            assertThat(connection.read().status()).isEqualTo(201);
            connection.write("POST", "/v1/sessions", Map.of(), "{\"email\":\"" + email
                    + "\",\"password\":\"correct horse battery staple\"}");
            RawHttpConnection.Response session = connection.read();
            assertThat(session.status()).isEqualTo(201);
            Matcher token = FIELD.matcher(session.body());
            while (token.find()) {
                if (token.group(1).equals("token")) {
                    return token.group(2);
                }
            }
            throw new AssertionError("no token in " + session.body());
        }
    }

    private record Shared(int port, String token, Tally tally, AtomicBoolean readinessDown,
            AtomicBoolean refusalSeen) {

        Shared(int port, String token, Tally tally) {
            this(port, token, tally, new AtomicBoolean(), new AtomicBoolean());
        }

        void refused() {
            refusalSeen.set(true);
            tally.refused.incrementAndGet();
        }
    }

    /** What the clients saw. */
    private static final class Tally {

        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger servedAfterReadinessDown = new AtomicInteger();
        final AtomicInteger closingResponses = new AtomicInteger();
        final AtomicInteger closedBetweenRequests = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger resetAtTheListenersClose = new AtomicInteger();
        final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

        void add(Tally other) {
            sent.addAndGet(other.sent.get());
            answered.addAndGet(other.answered.get());
            servedAfterReadinessDown.addAndGet(other.servedAfterReadinessDown.get());
            closingResponses.addAndGet(other.closingResponses.get());
            closedBetweenRequests.addAndGet(other.closedBetweenRequests.get());
            refused.addAndGet(other.refused.get());
            resetAtTheListenersClose.addAndGet(other.resetAtTheListenersClose.get());
            problems.addAll(other.problems);
        }

        @Override
        public String toString() {
            return "sent " + sent + ", answered " + answered + ", 2xx after readiness 503 " + servedAfterReadinessDown
                    + ", answered with Connection: close " + closingResponses + ", closed between requests "
                    + closedBetweenRequests + ", refused " + refused + ", reset as the listener closed "
                    + resetAtTheListenersClose + ", problems " + problems.size();
        }
    }
}
