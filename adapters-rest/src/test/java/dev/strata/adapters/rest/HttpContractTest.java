package dev.strata.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rules every endpoint follows: problem details for every error, request ids, the entry point. */
class HttpContractTest {

    @RegisterExtension
    static final TestApi api = new TestApi();
    private static final HttpDriver http = api.http;

    private static void assertProblem(HttpResult result, int status, String code) {
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
        assertThat(result.contentType()).startsWith("application/problem+json");
        assertThat(result.json().get("status").asInt()).isEqualTo(status);
        assertThat(result.field("type")).isNotBlank();
        assertThat(result.field("title")).isNotBlank();
        assertThat(result.field("detail")).isNotBlank();
        assertThat(result.field("instance")).startsWith("/");
        assertThat(result.field("code")).isEqualTo(code);
        assertThat(result.field("request_id")).isEqualTo(result.header("Request-Id").orElseThrow());
        assertThat(result.body()).doesNotContain("Exception").doesNotContain("at dev.").doesNotContain("jersey");
    }

    @Test
    void theEntryPointLinksToTheCollectionsWithoutAuthentication() {
        HttpResult root = http.get("/v1").send();

        assertThat(root.status()).isEqualTo(200);
        assertThat(root.json().at("/links/accounts/href").asText()).isEqualTo("/v1/accounts");
        assertThat(root.json().at("/links/sessions/href").asText()).isEqualTo("/v1/sessions");
        assertThat(root.header("ETag")).isPresent();
        assertThat(http.get("/v1").header("If-None-Match", root.header("ETag").get()).send().status()).isEqualTo(304);
    }

    @Test
    void anUnknownPathIs404ProblemDetails() {
        assertProblem(http.get("/v1/nothing-here").send(), 404, "not_found");
        assertProblem(http.get("/").send(), 404, "not_found");
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        HttpResult result = http.method("PUT", "/v1/sessions").json("{}").send();

        assertProblem(result, 405, "method_not_allowed");
        assertThat(result.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    }

    @Test
    void anUnacceptableAcceptIs406() {
        assertProblem(http.get("/v1").header("Accept", "text/html").send(), 406, "not_acceptable");
    }

    @Test
    void aWrongContentTypeIs415() {
        assertProblem(http.post("/v1/accounts").body("text/plain", "hello").send(), 415, "unsupported_media_type");
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(http.post("/v1/accounts").json("{\"email\": ").send(), 400, "malformed_json");
        assertProblem(http.post("/v1/accounts").json("{\"email\":\"a\"} trailing").send(), 400, "malformed_json");
    }

    @Test
    void aBodyOverOneMebibyteIs413WhetherDeclaredOrStreamed() {
        String big = "{\"email\":\"" + "a".repeat(1024 * 1024) + "\"}";

        assertProblem(http.post("/v1/accounts").json(big).send(), 413, "payload_too_large");
    }

    @Test
    void deepNestingIsRefusedBeforeItCostsAnything() {
        String deep = "{\"email\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        HttpResult result = http.post("/v1/accounts").json(deep).send();

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.contentType()).startsWith("application/problem+json");
    }

    @Test
    void everyResponseCarriesARequestIdAndASafeClientIdIsKept() {
        HttpResult generated = http.get("/v1").send();
        HttpResult kept = http.get("/v1").header("Request-Id", "client-abc.123").send();
        HttpResult replaced = http.get("/v1").header("Request-Id", "bad id with spaces").send();
        HttpResult tooLong = http.get("/v1").header("Request-Id", "x".repeat(129)).send();

        assertThat(generated.header("Request-Id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
        assertThat(kept.header("Request-Id")).contains("client-abc.123");
        assertThat(replaced.header("Request-Id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
        assertThat(tooLong.header("Request-Id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
        assertThat(http.get("/v1/missing").send().header("Request-Id")).isPresent();
    }

    @Test
    void errorsAreProblemDetailsForEveryStatusWeProduce() {
        var me = Accounts.signUpAndIn(http);
        List<HttpResult> problems = List.of(
                http.get("/v1/sessions/me").send(),
                http.get("/v1/accounts/acct_bad").bearer(me.token()).send(),
                http.post("/v1/sessions").json("{\"email\":\"x@example.com\",\"password\":\"whatever!\"}").send());

        for (HttpResult problem : problems) {
            assertThat(problem.contentType()).as(problem.toString()).startsWith("application/problem+json");
            assertThat(problem.field("request_id")).isNotBlank();
        }
    }
}
