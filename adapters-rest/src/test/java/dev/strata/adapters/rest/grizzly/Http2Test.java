package dev.strata.adapters.rest.grizzly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.adapters.rest.StrataApi;
import dev.strata.adapters.rest.testing.TestServer;
import dev.strata.contracts.MutableClock;
import dev.strata.contracts.identity.IdentityFixtures;
import dev.strata.core.identity.IdentityService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * HTTP/2 with the JDK's own client: h2 by ALPN on a TLS port, the API answering each request
 * exactly as it does over HTTP/1.1; on a plain port the client's {@code Upgrade: h2c} offer is
 * declined and the request answered over HTTP/1.1 (h2c by prior knowledge: {@link Http2FramesTest}).
 */
class Http2Test {

    private static final List<String> COMPARED_HEADERS = List.of("content-type", "etag", "location", "request-id",
            "cache-control", "vary", "allow", "www-authenticate", "content-encoding");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The same checks over either transport. */
    abstract static class Transport {

        TestServer server;
        SSLContext clientTls;
        private final Map<HttpClient.Version, HttpClient> clients = new java.util.EnumMap<>(HttpClient.Version.class);

        abstract TestServer start() throws Exception;

        @BeforeAll
        void startServer() throws Exception {
            server = start();
            // One client per version, so that the requests of each travel over one connection.
            for (HttpClient.Version version : HttpClient.Version.values()) {
                clients.put(version, client(version));
            }
        }

        @AfterAll
        void stopServer() {
            server.close();
        }

        HttpClient client(HttpClient.Version version) {
            HttpClient.Builder builder = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(10));
            return clientTls == null ? builder.build() : builder.sslContext(clientTls).build();
        }

        HttpResponse<String> send(HttpClient.Version version, HttpRequest.Builder request) throws Exception {
            // A hang guard only: a stalled exchange would end here as an HttpTimeoutException.
            return clients.get(version).send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(server.uri().resolve(path));
        }

        @Test
        void aClientThatAsksForHttp2IsAnsweredOverHttp2AndOneThatAsksForHttp11OverHttp11() throws Exception {
            assertThat(send(HttpClient.Version.HTTP_2, request("/v1")).version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(send(HttpClient.Version.HTTP_1_1, request("/v1")).version())
                    .isEqualTo(HttpClient.Version.HTTP_1_1);
        }

        @Test
        void readsAreAnsweredAlikeOverBothVersions() throws Exception {
            JsonNode session = signUpAndIn();
            String token = session.path("token").asText();
            String account = session.path("account").path("id").asText();
            assertThat(account).isNotEmpty();

            for (String path : List.of("/v1", "/v1/accounts/" + account, "/v1/accounts/" + account + "/sessions",
                    "/v1/accounts/acct_not-an-id", "/v1/nowhere")) {
                HttpResponse<String> http2 = send(HttpClient.Version.HTTP_2, request(path)
                        .header("Authorization", "Bearer " + token).header("Request-Id", "same-" + path.length()));
                HttpResponse<String> http11 = send(HttpClient.Version.HTTP_1_1, request(path)
                        .header("Authorization", "Bearer " + token).header("Request-Id", "same-" + path.length()));

                assertThat(http2.version()).isEqualTo(HttpClient.Version.HTTP_2);
                assertThat(view(http2)).as(path).isEqualTo(view(http11));
            }
        }

        @Test
        void conditionalRequestsAreAnsweredAlikeOverBothVersions() throws Exception {
            String etag = send(HttpClient.Version.HTTP_1_1, request("/v1")).headers().firstValue("ETag").orElseThrow();

            HttpResponse<String> http2 = send(HttpClient.Version.HTTP_2, request("/v1").header("If-None-Match", etag));

            assertThat(http2.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(http2.statusCode()).isEqualTo(304);
            assertThat(http2.body()).isEmpty();
            assertThat(http2.headers().firstValue("etag")).hasValue(etag);
        }

        @Test
        void largeResponsesAreGzippedOverHttp2AsOverHttp11() throws Exception {
            // A few KB: written whole (a body streamed in parts stays uncompressed over HTTP/2).
            JsonNode session = signUpAndIn(8);
            String account = session.path("account").path("id").asText();
            HttpRequest.Builder document = request("/v1/accounts/" + account + "/sessions")
                    .header("Authorization", "Bearer " + session.path("token").asText())
                    .header("Accept-Encoding", "gzip");
            HttpResponse<byte[]> http2 = clients.get(HttpClient.Version.HTTP_2).send(document.copy().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> http11 = clients.get(HttpClient.Version.HTTP_1_1).send(document.copy().build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(http2.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(http2.headers().firstValue("content-encoding")).hasValue("gzip");
            assertThat(http11.headers().firstValue("content-encoding")).hasValue("gzip");
            assertThat(gunzip(http2.body())).isEqualTo(gunzip(http11.body())).startsWith("{");
            HttpResponse<String> large = clients.get(HttpClient.Version.HTTP_2).send(request("/v1/openapi.json")
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(large.body()).as("a streamed body is sent whole, uncompressed").startsWith("{").contains("\"paths\"");
        }

        @Test
        void aCreationOverHttp2AnswersLikeOneOverHttp11() throws Exception {
            HttpResponse<String> http2 = send(HttpClient.Version.HTTP_2, signUp(IdentityFixtures.uniqueEmail()));
            HttpResponse<String> http11 = send(HttpClient.Version.HTTP_1_1, signUp(IdentityFixtures.uniqueEmail()));

            assertThat(http2.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(http2.statusCode()).as(http2.body()).isEqualTo(201).isEqualTo(http11.statusCode());
            JsonNode created = JSON.readTree(http2.body());
            assertThat(http2.headers().firstValue("location")).hasValue("/v1/accounts/" + created.path("id").asText());
            assertThat(http2.headers().firstValue("etag")).isPresent();
            assertThat(http2.headers().firstValue("content-type")).isEqualTo(http11.headers().firstValue("content-type"));
            assertThat(fieldNames(created)).isEqualTo(fieldNames(JSON.readTree(http11.body())));
        }

        @Test
        void aRefusalOverHttp2IsTheSameProblemAsOverHttp11() throws Exception {
            HttpRequest.Builder invalid = request("/v1/accounts").header("Content-Type", "application/json")
                    .header("Request-Id", "invalid-sign-up").POST(HttpRequest.BodyPublishers.ofString("{\"email\":1}"));

            HttpResponse<String> http2 = send(HttpClient.Version.HTTP_2, invalid.copy());
            HttpResponse<String> http11 = send(HttpClient.Version.HTTP_1_1, invalid.copy());

            assertThat(http2.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(http2.statusCode()).isEqualTo(400);
            assertThat(view(http2)).isEqualTo(view(http11));
        }

        private JsonNode signUpAndIn() throws Exception {
            return signUpAndIn(1);
        }

        /** A new account signed in {@code sessions} times; the last session. */
        private JsonNode signUpAndIn(int sessions) throws Exception {
            String email = IdentityFixtures.uniqueEmail();
            assertThat(send(HttpClient.Version.HTTP_1_1, signUp(email)).statusCode()).isEqualTo(201);
            HttpResponse<String> session = null;
            for (int count = 0; count < sessions; count++) {
                session = send(HttpClient.Version.HTTP_1_1, request("/v1/sessions")
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\"}")));
            }
            return JSON.readTree(session.body());
        }

        private HttpRequest.Builder signUp(String email) {
            return request("/v1/accounts").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email
                            + "\",\"password\":\"correct horse battery staple\",\"display_name\":\"Ada\"}"));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnAPlainPort {

        private TestServer server;

        @BeforeAll
        void startServer() {
            server = TestServer.start(api(), GrizzlyServers.Options.DEFAULT);
        }

        @AfterAll
        void stopServer() {
            server.close();
        }

        @Test
        void anOfferToUpgradeToH2cIsAnsweredOverHttp11() throws Exception {
            // The JDK client offers "Upgrade: h2c" on a plain port; h2c by prior knowledge is
            // Http2FramesTest's. The document is the response Grizzly once corrupted when it upgraded.
            try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
                    HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                for (String path : List.of("/v1/openapi.json", "/v1", "/v1/openapi.json")) {
                    HttpRequest request = HttpRequest.newBuilder(server.uri().resolve(path)).build();

                    HttpResponse<String> offered = client.send(request, HttpResponse.BodyHandlers.ofString());

                    assertThat(server.uri().getScheme()).isEqualTo("http");
                    assertThat(offered.version()).as(path).isEqualTo(HttpClient.Version.HTTP_1_1);
                    assertThat(offered.statusCode()).isEqualTo(200);
                    assertThat(offered.body())
                            .isEqualTo(http11.send(request, HttpResponse.BodyHandlers.ofString()).body());
                }
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnATlsPortByAlpn extends Transport {

        @Override
        TestServer start() throws Exception {
            SelfSignedTls tls = SelfSignedTls.create();
            clientTls = tls.client();
            return TestServer.start(api(), GrizzlyServers.Options.DEFAULT.withTls(tls.server()));
        }

        @Test
        void theServerIsHttps() {
            assertThat(server.uri().getScheme()).isEqualTo("https");
        }
    }

    private static StrataApi api() {
        IdentityService identity = new IdentityService(new InMemoryIdentityStore(), MutableClock.startingNow(),
                IdentityFixtures.FAST_HASHER, IdentityFixtures.newSigner());
        return StrataApi.builder(identity).build();
    }

    /** What a client sees of a response, whichever version carried it. */
    private static Map<String, Object> view(HttpResponse<String> response) throws Exception {
        Map<String, Object> view = new TreeMap<>();
        view.put(":status", response.statusCode());
        for (String name : COMPARED_HEADERS) {
            view.put(name, response.headers().allValues(name));
        }
        view.put(":body", response.body().isEmpty() ? "" : JSON.readTree(response.body()));
        return view;
    }

    private static String gunzip(byte[] body) throws java.io.IOException {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).sorted().toList();
    }
}
