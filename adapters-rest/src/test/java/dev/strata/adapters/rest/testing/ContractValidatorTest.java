package dev.strata.adapters.rest.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract check that every HTTP test goes through does fail on what the document does not describe. */
class ContractValidatorTest {

    private static final String ENTRY_POINT = "{\"name\":\"Strata\",\"_links\":{\"self\":{\"href\":\"/v1\"}}}";

    @RegisterExtension
    static final TestApi api = new TestApi();

    private static ContractValidator contract;

    @BeforeAll
    static void start() {
        contract = new ContractValidator(api.http.get("/v1/openapi.json").send().body());
    }

    private static HttpHeaders headers(String... namesAndValues) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int index = 0; index < namesAndValues.length; index += 2) {
            map.put(namesAndValues[index], List.of(namesAndValues[index + 1]));
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    private static void check(String method, String path, Map<String, String> requestHeaders, String requestBody,
            int status, HttpHeaders responseHeaders, String responseBody) {
        contract.check(method, URI.create("http://127.0.0.1" + path), requestHeaders,
                requestBody == null ? null : requestBody.getBytes(StandardCharsets.UTF_8), status, responseHeaders,
                responseBody);
    }

    @Test
    void aResponseTheDocumentDescribesPasses() {
        assertThatCode(() -> check("GET", "/v1", Map.of(), null, 200,
                headers("Content-Type", "application/json", "ETag", "\"abc\"", "Request-Id", "req_1"), ENTRY_POINT))
                .doesNotThrowAnyException();
    }

    @Test
    void aFieldTheDocumentLacksFails() {
        assertThatThrownBy(() -> check("GET", "/v1", Map.of(), null, 200,
                headers("Content-Type", "application/json", "ETag", "\"abc\"", "Request-Id", "req_1"),
                "{\"name\":\"Strata\",\"links\":{},\"secret\":true}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("secret");
    }

    @Test
    void aHeaderTheDocumentLacksFails() {
        assertThatThrownBy(() -> check("GET", "/v1", Map.of(), null, 200,
                headers("Content-Type", "application/json", "ETag", "\"abc\"", "Request-Id", "req_1",
                        "X-Powered-By", "Strata"), ENTRY_POINT))
                .isInstanceOf(AssertionError.class).hasMessageContaining("X-Powered-By");
    }

    @Test
    void aStatusTheDocumentLacksFails() {
        assertThatThrownBy(() -> check("GET", "/v1", Map.of(), null, 500,
                headers("Content-Type", "application/problem+json", "Request-Id", "req_1"),
                "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,\"detail\":\"x\","
                        + "\"code\":\"internal_error\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("500");
    }

    @Test
    void aMissingRequiredHeaderFails() {
        assertThatThrownBy(() -> check("GET", "/v1", Map.of(), null, 200,
                headers("Content-Type", "application/json", "Request-Id", "req_1"), ENTRY_POINT))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ETag");
    }

    @Test
    void anUndocumentedRouteThatAnswersFails() {
        assertThatThrownBy(() -> check("GET", "/v1/secret-admin", Map.of(), null, 200,
                headers("Content-Type", "application/json", "Request-Id", "req_1"), "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("document the route");
    }

    @Test
    void aRequestTheDocumentCallsInvalidThatTheServerAcceptsFails() {
        assertThatThrownBy(() -> check("POST", "/v1/accounts", Map.of("Content-Type", "application/json"),
                "{\"email\":\"a@example.com\",\"password\":\"short\",\"display_name\":\"A\"}", 201,
                headers("Content-Type", "application/json", "Request-Id", "req_1", "ETag", "\"abc\"",
                        "Location", "/v1/accounts/acct_01jd8zqk3v5m9w2x4y6z8a0b1c"),
                "{\"id\":\"acct_01jd8zqk3v5m9w2x4y6z8a0b1c\",\"email\":\"a@example.com\",\"display_name\":\"A\","
                        + "\"created_at\":\"2026-01-02T03:04:05.123456Z\",\"updated_at\":\"2026-01-02T03:04:05.123456Z\","
                        + "\"version\":0,\"_links\":{\"self\":{\"href\":\"/v1/accounts/acct_01jd8zqk3v5m9w2x4y6z8a0b1c\"}}}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("says the request is invalid");
    }

    @Test
    void aClientErrorWithoutARequestIdFails() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"x\","
                + "\"instance\":\"/v1/nothing\",\"code\":\"not_found\",\"request_id\":\"req_1\"}";

        assertThatThrownBy(() -> check("GET", "/v1/nothing", Map.of(), null, 404,
                headers("Content-Type", "application/problem+json"), problem))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Request-Id");
    }

    @Test
    void aServerOfTheApiThatServesNoDocumentFailsEveryExchangeInsteadOfGoingUnchecked() throws IOException {
        HttpServer bare = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bare.createContext("/", exchange -> {
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/health") ? 200 : 404, -1);
            exchange.close();
        });
        bare.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + bare.getAddress().getPort());

            assertThatThrownBy(() -> new HttpDriver(base).get("/health").send())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("/v1/openapi.json");
            assertThat(HttpDriver.outsideTheApi(base).get("/health").send().status()).isEqualTo(200);
        } finally {
            bare.stop(0);
        }
    }
}
