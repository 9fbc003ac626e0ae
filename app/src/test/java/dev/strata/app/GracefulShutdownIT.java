package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.identity.IdentityFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as an operator runs it, stopped with SIGTERM while slow requests are in
 * flight: it stops accepting connections, finishes those requests, and exits 0.
 */
class GracefulShutdownIT {

    @TempDir
    Path data;

    @Test
    void sigtermDuringSlowRequestsLetsThemCompleteAndExitsZero() throws Exception {
        try (PackagedApp app = PackagedApp.start(data.resolve("data"), data.resolve("app.log"),
                Map.of("STRATA_SHUTDOWN_GRACE", "20s"))) {
            int port = app.port();

            // Slow clients: each sends its headers and half its body, and the rest only after SIGTERM.
            List<SlowRequest> slow = new ArrayList<>();
            for (int index = 0; index < 3; index++) {
                slow.add(SlowRequest.begin(port));
            }
            Thread.sleep(500);
            app.terminate();
            Thread.sleep(1_000);

            assertThat(app.isAlive()).as("still draining").isTrue();
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                    .as("no new connections are accepted").isInstanceOf(ConnectException.class);
            for (SlowRequest request : slow) {
                assertThat(request.finish()).startsWith("HTTP/1.1 201");
            }
            assertThat(app.awaitExit()).as("exits within the grace period").isTrue();
            assertThat(app.exitValue()).as(app.output()).isZero();
            assertThat(app.output()).contains("Strata stopped");
        }
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
}
