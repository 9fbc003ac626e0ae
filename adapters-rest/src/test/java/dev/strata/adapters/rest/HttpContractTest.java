package dev.strata.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import dev.strata.contracts.identity.IdentityFixtures;
import java.util.Map;
import java.util.TreeMap;
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
        assertThat(root.json().at("/_links/accounts/href").asText()).isEqualTo("/v1/accounts");
        assertThat(root.json().at("/_links/sessions/href").asText()).isEqualTo("/v1/sessions");
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
        String email = IdentityFixtures.uniqueEmail();
        // A sign-up that would otherwise be valid, but for an extra field nested 5,000 deep.
        String deep = "{\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD
                + "\",\"display_name\":\"Ada\",\"extra\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        HttpResult result = http.post("/v1/accounts").json(deep).send();

        // Refused at the unknown name, before its value is read: no password was hashed, nothing stored.
        assertProblem(result, 400, "validation_failed");
        assertThat(result.json().at("/errors/0/field").asText()).isEqualTo("extra");
        assertThat(result.json().at("/errors/0/code").asText()).isEqualTo("unknown_field");
        assertThat(result.json().get("errors")).hasSize(1);
        assertThat(api.identityStore.findAccountByEmail(email)).isEmpty();
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
        // Every 4xx the design lists (503, the database being away, needs a database to stop: the
        // outage tests of the app cover it).
        var me = Accounts.signUpAndIn(http);
        var other = Accounts.signUpAndIn(http);
        String post = http.post("/v1/posts").bearer(me.token()).json("{\"body\":\"mine\"}").send().field("id");
        String key = "key-" + IdentityFixtures.uniqueEmail();
        http.post("/v1/posts").bearer(me.token()).header("Idempotency-Key", key).json("{\"body\":\"once\"}").send();
        String account = "/v1/accounts/" + me.id();
        String lockedEmail = IdentityFixtures.uniqueEmail();
        String wrongSignIn = "{\"email\":\"" + lockedEmail + "\",\"password\":\"whatever!\"}";
        for (int attempt = 0; attempt < 10; attempt++) {
            assertProblem(http.post("/v1/sessions").json(wrongSignIn).send(), 401, "invalid_credentials");
        }

        Map<Integer, HttpResult> problems = new TreeMap<>();
        problems.put(400, http.get("/v1/accounts/acct_bad").bearer(me.token()).send());
        problems.put(401, http.get("/v1/sessions/me").send());
        problems.put(403, http.delete("/v1/posts/" + post).bearer(other.token()).send());
        problems.put(404, http.get("/v1/nothing-here").send());
        problems.put(405, http.method("PUT", "/v1/sessions").json("{}").send());
        problems.put(406, http.get("/v1").header("Accept", "text/html").send());
        problems.put(409, http.post("/v1/accounts").json("{\"email\":\"" + me.email() + "\",\"password\":\""
                + Accounts.PASSWORD + "\",\"display_name\":\"Ada\"}").send());
        problems.put(412, http.patch(account).bearer(me.token()).header("If-Match", "\"stale\"")
                .body("application/merge-patch+json", "{\"display_name\":\"Grace\"}").send());
        problems.put(413, http.post("/v1/accounts").json("{\"email\":\"" + "a".repeat(1024 * 1024) + "\"}").send());
        problems.put(415, http.post("/v1/accounts").body("text/plain", "hello").send());
        problems.put(422, http.post("/v1/posts").bearer(me.token()).header("Idempotency-Key", key)
                .json("{\"body\":\"twice\"}").send());
        problems.put(428, http.patch(account).bearer(me.token())
                .body("application/merge-patch+json", "{\"display_name\":\"Grace\"}").send());
        problems.put(429, http.post("/v1/sessions").json(wrongSignIn).send());

        assertThat(problems.keySet())
                .containsExactly(400, 401, 403, 404, 405, 406, 409, 412, 413, 415, 422, 428, 429);
        problems.forEach((status, problem) -> {
            assertThat(problem.status()).as(problem.toString()).isEqualTo(status);
            assertThat(problem.contentType()).as(problem.toString()).startsWith("application/problem+json");
            assertThat(problem.json().get("status").asInt()).isEqualTo(status);
            assertThat(problem.field("code")).as(problem.toString()).matches("[a-z_]+");
            assertThat(problem.field("request_id")).isEqualTo(problem.header("Request-Id").orElseThrow());
        });
    }
}
