package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpDriver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STRATA_LOG_FORMAT=json: the packaged app writes one JSON object per line, with no secret in any. */
class JsonLogsIT {

    @TempDir
    Path data;

    private Process process;

    @AfterEach
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void everyLineIsAJsonObjectAndNoneHoldsAPasswordOrToken() throws Exception {
        int port = freePort();
        int adminPort = freePort();
        Path log = data.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                System.getProperty("strata.app.jar")).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("STRATA_HOST", "127.0.0.1");
        builder.environment().put("STRATA_PORT", Integer.toString(port));
        builder.environment().put("STRATA_ADMIN_PORT", Integer.toString(adminPort));
        builder.environment().put("STRATA_DATA_DIR", data.resolve("data").toString());
        builder.environment().put("STRATA_LOG_FORMAT", "json");
        builder.environment().remove("STRATA_DB_URL");
        process = builder.start();
        HttpDriver admin = new HttpDriver(URI.create("http://127.0.0.1:" + adminPort));
        awaitReady(admin, log);

        HttpDriver api = new HttpDriver(URI.create("http://127.0.0.1:" + port));
        Accounts.SignedIn ada = Accounts.signUpAndIn(api);
        assertThat(api.get("/v1/sessions/me").bearer(ada.token()).send().status()).isEqualTo(200);
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (!line.isBlank()) {
                JsonNode parsed = json.readTree(line);
                assertThat(parsed.isObject()).as(line).isTrue();
                lines.add(parsed);
            }
        }
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("loggerName").asText()).isEqualTo("strata.access");
            assertThat(line.toString()).contains("/v1/sessions/me").contains(ada.id());
        });
        assertThat(lines).anySatisfy(line -> assertThat(line.path("formattedMessage").asText()).contains("Strata stopped"));
        String everything = Files.readString(log);
        assertThat(everything).doesNotContain(Accounts.PASSWORD).doesNotContain(ada.token()).doesNotContain("Bearer");
    }

    private static void awaitReady(HttpDriver admin, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (admin.get("/health/ready").send().status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // Still starting.
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the app did not become ready:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
