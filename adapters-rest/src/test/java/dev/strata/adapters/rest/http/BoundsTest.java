package dev.strata.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hostile or careless requests are refused with a 4xx before they cost much: none is a 500. */
class BoundsTest {

    private static TestApi api;

    @BeforeAll
    static void start() {
        api = new TestApi();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static void assertRefused(HttpResult result, int status, String code) {
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
        assertThat(result.contentType()).startsWith("application/problem+json");
        assertThat(result.field("code")).isEqualTo(code);
    }

    @Test
    void aChunkedBodyWithoutALengthIsCutOffAt413OnceItPassesTheLimit() throws Exception {
        // Whitespace: valid JSON that no parser limit stops, only the body limit.
        byte[] body = ("{" + " ".repeat(2 * 1024 * 1024) + "}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(api.server.uri().resolve("/v1/accounts"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("payload_too_large");
    }

    @Test
    void aHugeNumberIsRefusedByTheParser() {
        String huge = "{\"email\":\"a@example.com\",\"password\":" + "9".repeat(100_000) + "}";

        assertRefused(api.http.post("/v1/accounts").json(huge).send(), 400, "json_limits_exceeded");
    }

    @Test
    void aHugeStringIsRefusedByTheParser() {
        String huge = "{\"email\":\"a@example.com\",\"display_name\":\"" + "x".repeat(JsonMapper.MAX_STRING_LENGTH + 1)
                + "\"}";

        assertRefused(api.http.post("/v1/accounts").json(huge).send(), 400, "json_limits_exceeded");
    }

    @Test
    void deeplyNestedObjectsAreRefusedByTheParserEvenWhereAnyJsonIsAccepted() {
        Accounts.SignedIn ada = Accounts.signUpAndIn(api.http);
        String etag = api.http.get("/v1/accounts/" + ada.id()).bearer(ada.token()).send().header("ETag").orElseThrow();
        String deep = "{\"display_name\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}";

        HttpResult result = api.http.patch("/v1/accounts/" + ada.id()).bearer(ada.token()).header("If-Match", etag)
                .body("application/merge-patch+json", deep).send();

        assertRefused(result, 400, "json_limits_exceeded");
    }

    @Test
    void oversizedHeadersAndUrisAreRefusedAsProblemsWith431And414() {
        HttpResult bigHeader = api.http.get("/v1").header("X-Filler", "x".repeat(32 * 1024)).send();
        HttpResult longUri = api.http.get("/v1/accounts/" + "a".repeat(32 * 1024)).send();

        assertThat(bigHeader.status()).isEqualTo(431);
        assertThat(longUri.status()).isEqualTo(414);
        assertThat(bigHeader.contentType()).startsWith("application/problem+json");
        assertThat(longUri.contentType()).startsWith("application/problem+json");
        assertThat(api.http.get("/v1").send().status()).as("the server still serves").isEqualTo(200);
    }
}
