package dev.strata.adapters.rest.grizzly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.adapters.rest.StrataApi;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.TestServer;
import dev.strata.contracts.MutableClock;
import dev.strata.contracts.identity.IdentityFixtures;
import dev.strata.core.identity.IdentityService;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the Grizzly transport adds: read timeouts for slow clients and gzip for large responses. */
class TransportTest {

    private static TestServer server;
    private static HttpDriver http;

    @BeforeAll
    static void start() {
        IdentityService identity = new IdentityService(new InMemoryIdentityStore(), MutableClock.startingNow(),
                IdentityFixtures.FAST_HASHER, IdentityFixtures.newSigner());
        server = TestServer.start(StrataApi.builder(identity).build(),
                GrizzlyServers.Options.DEFAULT.withReadTimeout(Duration.ofSeconds(1)));
        http = new HttpDriver(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aClientThatStopsSendingItsBodyIsCutOffAfterTheReadTimeout() throws Exception {
        try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
            // A hang guard only: the answer below must come from the server's 1 s read timeout (a 408),
            // which a client-side timeout could not produce.
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/accounts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"email\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            int read;
            while (answer.indexOf("}") < 0 && (read = in.read(buffer)) >= 0) {
                answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }

            assertThat(answer.toString()).startsWith("HTTP/1.1 408").contains("request_timeout");
        }
        assertThat(http.get("/v1").send().status()).as("the server still serves").isEqualTo(200);
    }

    @Test
    void largeResponsesAreGzippedForClientsThatAcceptItAndVaryByAcceptEncoding() throws Exception {
        Accounts.SignedIn ada = Accounts.signUpAndIn(http);
        for (int session = 0; session < 8; session++) {
            http.post("/v1/sessions").json("{\"email\":\"" + ada.email() + "\",\"password\":\"" + Accounts.PASSWORD
                    + "\"}").send();
        }
        HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/v1/accounts/" + ada.id() + "/sessions"))
                .header("Authorization", "Bearer " + ada.token()).header("Accept-Encoding", "gzip").build();

        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.headers().allValues("Vary")).anyMatch(value -> value.contains("Accept-Encoding"));
        try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            String json = new String(unzipped.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(json.length()).isGreaterThanOrEqualTo(GrizzlyServers.COMPRESSION_MIN_BYTES);
            assertThat(json).startsWith("{").contains("\"data\"");
        }
    }

    @Test
    void smallResponsesAndClientsThatDoNotAcceptGzipGetPlainBodies() throws Exception {
        HttpRequest small = HttpRequest.newBuilder(server.uri().resolve("/v1")).header("Accept-Encoding", "gzip").build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(small, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.headers().allValues("Vary")).anyMatch(value -> value.contains("Accept-Encoding"));
    }
}
