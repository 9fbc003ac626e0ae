package dev.strata.adapters.rest.grizzly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.adapters.rest.StrataApi;
import dev.strata.adapters.rest.testing.TestServer;
import dev.strata.contracts.MutableClock;
import dev.strata.contracts.identity.IdentityFixtures;
import dev.strata.core.identity.IdentityService;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With HTTP/2 turned off, a request that offers to upgrade the connection (h2c) is served as the
 * HTTP/1.1 request it also is, and the HTTP/2 connection preface is refused.
 */
class UpgradeOfferTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        IdentityService identity = new IdentityService(new InMemoryIdentityStore(), MutableClock.startingNow(),
                IdentityFixtures.FAST_HASHER, IdentityFixtures.newSigner());
        server = TestServer.start(StrataApi.builder(identity).build(), GrizzlyServers.Options.DEFAULT.withHttp2(false));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theHttp2ConnectionPrefaceIsRefusedAsAnUnsupportedVersion() throws Exception {
        try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400").contains("unsupported_http_version");
        }
    }

    @Test
    void aJsonPostFromADefaultJavaClientPreferringHttp2IsAnsweredOverHttp11() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        String body = "{\"email\":\"" + IdentityFixtures.uniqueEmail()
                + "\",\"password\":\"correct horse battery staple\",\"display_name\":\"Ada\"}";
        HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/v1/accounts"))
                // A hang guard only (a stalled upgrade would end here as an HttpTimeoutException).
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"id\"");
    }

    @Test
    void anUpgradeOfferWithABodyOnARawConnectionGetsItsAnswerAndTheConnectionStaysUsable() throws Exception {
        String body = "{\"email\":\"" + IdentityFixtures.uniqueEmail()
                + "\",\"password\":\"correct horse battery staple\",\"display_name\":\"Ada\"}";
        String request = "POST /v1/accounts HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                + "Upgrade: h2c\r\nHTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body
                + "GET /v1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answers = new String(in.readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answers).startsWith("HTTP/1.1 201");
            assertThat(answers).contains("Content-Type: application/json");
            assertThat(answers).contains("HTTP/1.1 200");
        }
    }
}
