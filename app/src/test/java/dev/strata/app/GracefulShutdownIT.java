package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.identity.IdentityFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as an operator runs it, stopped with SIGTERM while slow requests are in
 * flight: it stops accepting connections, finishes those requests, and exits 0.
 */
class GracefulShutdownIT {

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
    void sigtermDuringSlowRequestsLetsThemCompleteAndExitsZero() throws Exception {
        int port = freePort();
        int adminPort = freePort();
        Path log = data.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-jar", System.getProperty("strata.app.jar"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("STRATA_HOST", "127.0.0.1");
        builder.environment().put("STRATA_PORT", Integer.toString(port));
        builder.environment().put("STRATA_ADMIN_PORT", Integer.toString(adminPort));
        builder.environment().put("STRATA_DATA_DIR", data.resolve("data").toString());
        builder.environment().put("STRATA_SHUTDOWN_GRACE", "20s");
        builder.environment().remove("STRATA_DB_URL");
        process = builder.start();
        awaitReady(adminPort, log);

        // Slow clients: each sends its headers and half its body, and the rest only after SIGTERM.
        List<SlowRequest> slow = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            slow.add(SlowRequest.begin(port));
        }
        Thread.sleep(500);
        process.destroy();
        Thread.sleep(1_000);

        assertThat(process.isAlive()).as("still draining").isTrue();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .as("no new connections are accepted").isInstanceOf(ConnectException.class);
        for (SlowRequest request : slow) {
            assertThat(request.finish()).startsWith("HTTP/1.1 201");
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits within the grace period").isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("Strata stopped");
    }

    /** A sign-up whose body arrives in two halves, with as long a pause between them as the test likes. */
    private record SlowRequest(Socket socket, byte[] rest) {

        static SlowRequest begin(int port) throws IOException {
            String body = "{\"email\":\"" + IdentityFixtures.uniqueEmail()
                    + "\",\"password\":\"correct horse battery staple\",\"display_name\":\"Slow\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/accounts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            int half = bytes.length / 2;
            out.write(bytes, 0, half);
            out.flush();
            byte[] rest = new byte[bytes.length - half];
            System.arraycopy(bytes, half, rest, 0, rest.length);
            return new SlowRequest(socket, rest);
        }

        String finish() throws IOException {
            try (socket) {
                socket.getOutputStream().write(rest);
                socket.getOutputStream().flush();
                InputStream in = socket.getInputStream();
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static void awaitReady(int adminPort, Path log) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + adminPort + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
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

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
