package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strata.contracts.identity.IdentityFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as an operator runs it, through a lame-duck shutdown step by step. A long
 * shutdown delay holds it in the first phase (readiness 503, the API serving as before) for as
 * long as the test needs; a second SIGTERM ends the delay. Then the listener closes, responses
 * close their connections, idle connections are closed with a clean end of stream, the slow
 * requests in flight finish, and the app exits 0 without a warning.
 */
class GracefulShutdownIT {

    private static final Duration PATIENCE = Duration.ofMinutes(1);

    @TempDir
    Path data;

    @Test
    void sigtermTurnsReadinessDownKeepsServingThenDrainsAndExitsZero() throws Exception {
        try (PackagedApp app = PackagedApp.start(data.resolve("data"), data.resolve("app.log"),
                Map.of("STRATA_SHUTDOWN_DELAY", "10m", "STRATA_SHUTDOWN_GRACE", "30s",
                        "STRATA_TOKEN_KEYS", "k1:c3RyYXRhLWdyYWNlZnVsLXNodXRkb3duLXRlc3Qta2V5"))) {
            int port = app.port();
            RawHttpConnection idle = RawHttpConnection.open(port);
            idle.write("GET", "/v1", Map.of(), null);
            assertThat(idle.read().status()).isEqualTo(200);

            app.terminate();
            await("readiness answers 503").atMost(PATIENCE).until(() -> app.readiness() == 503);

            // The delay: a balancer still routes here for a while, and every request is served as before.
            RawHttpConnection.Response duringDelay = get(port);
            assertThat(duringDelay.status()).isEqualTo(200);
            assertThat(duringDelay.closesConnection()).isFalse();
            idle.write("GET", "/v1", Map.of(), null);
            RawHttpConnection.Response keptAlive = idle.read();
            assertThat(keptAlive.status()).isEqualTo(200);
            assertThat(keptAlive.closesConnection()).as("not yet draining").isFalse();

            // Requests in flight when the drain starts: their heads and half their bodies are in.
            List<SlowRequest> slow = new ArrayList<>();
            for (int index = 0; index < 3; index++) {
                slow.add(SlowRequest.begin(port));
            }
            app.terminate();
            await("the listener closes").atMost(PATIENCE).until(app::apiRefusesConnections);
            await("the drain is logged").atMost(PATIENCE).until(() -> app.output().contains("no longer accepts connections"));
            assertThat(app.isAlive()).as("still draining").isTrue();

            // The idle kept-alive connection is closed between requests: a FIN, not a reset.
            idle.awaitEndOfStream();
            for (SlowRequest request : slow) {
                RawHttpConnection.Response response = request.finish();
                assertThat(response.status()).isEqualTo(201);
                assertThat(response.closesConnection()).as("responses during the drain close their connection")
                        .isTrue();
                request.connection().awaitEndOfStream();
            }
            assertThat(app.awaitExit()).as("exits once the requests in flight are done").isTrue();
            assertThat(app.exitValue()).as(app.output()).isZero();
            assertThat(app.output()).contains("Strata stopped");
            assertThat(app.outputLines()).noneMatch(line -> line.matches(".*\\b(WARN|ERROR)\\b.*"));
        }
    }

    @Test
    void requestsStillRunningAfterTheGracePeriodAreCutOffAndSaidSo() throws Exception {
        try (PackagedApp app = PackagedApp.start(data.resolve("data"), data.resolve("app.log"),
                Map.of("STRATA_SHUTDOWN_DELAY", "0", "STRATA_SHUTDOWN_GRACE", "500ms"))) {
            SlowRequest stuck = SlowRequest.begin(app.port());
            app.terminate();
            assertThat(app.awaitExit()).isTrue();
            assertThat(app.exitValue()).isZero();
            assertThat(app.output()).contains("cut off 1 request(s) still in flight after the grace period of PT0.5S");
            stuck.connection().close();
        }
    }

    private static RawHttpConnection.Response get(int port) throws IOException {
        try (RawHttpConnection connection = RawHttpConnection.open(port)) {
            connection.write("GET", "/v1", Map.of(), null);
            return connection.read();
        }
    }

    /** A sign-up on a kept-alive connection whose body arrives in two halves, the second when the test says. */
    private record SlowRequest(RawHttpConnection connection, byte[] rest) {

        static SlowRequest begin(int port) throws IOException {
            String body = "{\"email\":\"" + IdentityFixtures.uniqueEmail()
                    + "\",\"password\":\"correct horse battery staple\",\"display_name\":\"Slow\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            RawHttpConnection connection = RawHttpConnection.open(port);
            connection.writeFully(("POST /v1/accounts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            int half = bytes.length / 2;
            byte[] first = new byte[half];
            System.arraycopy(bytes, 0, first, 0, half);
            connection.writeFully(first);
            byte[] rest = new byte[bytes.length - half];
            System.arraycopy(bytes, half, rest, 0, rest.length);
            return new SlowRequest(connection, rest);
        }

        RawHttpConnection.Response finish() throws IOException {
            connection.writeFully(rest);
            return connection.read();
        }
    }
}
