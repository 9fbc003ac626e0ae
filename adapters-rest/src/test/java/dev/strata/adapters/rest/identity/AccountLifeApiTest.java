package dev.strata.adapters.rest.identity;

import static dev.strata.adapters.rest.testing.Accounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.Accounts.SignedIn;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import dev.strata.core.orders.OrderId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ending one session from the session list, and closing one's own account, over HTTP. */
class AccountLifeApiTest {

    @RegisterExtension
    static final TestApi api = new TestApi();
    private static final HttpDriver http = api.http;

    private static HttpResult signIn(String email) {
        return http.post("/v1/sessions").json("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").send();
    }

    private static void assertProblem(HttpResult result, int status, String code) {
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
        assertThat(result.contentType()).startsWith("application/problem+json");
        assertThat(result.field("code")).isEqualTo(code);
    }

    @Test
    void oneOtherSessionIsEndedFromTheListAndAnotherAccountsIsNotFound() {
        SignedIn me = Accounts.signUpAndIn(http);
        HttpResult laptop = signIn(me.email());
        SignedIn other = Accounts.signUpAndIn(http);
        String othersSession = http.get("/v1/sessions/me").bearer(other.token()).send().field("id");
        JsonNode sessions = http.get("/v1/accounts/" + me.id() + "/sessions").bearer(me.token()).send().json();
        String laptopSelf = null;
        for (JsonNode session : sessions.get("data")) {
            if (session.get("id").asText().equals(laptop.field("id"))) {
                laptopSelf = session.at("/_links/self/href").asText();
            }
        }

        assertThat(http.delete(laptopSelf).bearer(me.token()).send().status()).isEqualTo(204);

        assertThat(http.get("/v1/sessions/me").bearer(laptop.field("token")).send().status()).isEqualTo(401);
        assertThat(http.get("/v1/sessions/me").bearer(me.token()).send().status()).isEqualTo(200);
        assertProblem(http.delete(laptopSelf).bearer(me.token()).send(), 404, "session_not_found");
        assertProblem(http.delete("/v1/accounts/" + me.id() + "/sessions/" + othersSession).bearer(me.token()).send(),
                404, "session_not_found");
        assertProblem(http.delete("/v1/accounts/" + other.id() + "/sessions/" + othersSession).bearer(me.token())
                .send(), 404, "account_not_found");
        assertProblem(http.delete("/v1/accounts/" + me.id() + "/sessions/nope").bearer(me.token()).send(), 400,
                "validation_failed");
        assertThat(http.get("/v1/sessions/me").bearer(other.token()).send().status()).isEqualTo(200);
    }

    @Test
    void closingAnAccountNeedsItsPasswordAndLeavesItsPaidOrdersForTheRecord() {
        SignedIn me = Accounts.signUpAndIn(http);
        SignedIn friend = Accounts.signUpAndIn(http);
        String post = http.post("/v1/posts").bearer(me.token()).json("{\"body\":\"goodbye\"}").send().field("id");
        String open = http.post("/v1/orders").bearer(me.token())
                .json("{\"currency\":\"EUR\",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unit_price\":\"1.00\"}]}")
                .send().field("id");
        String closure = http.get("/v1/accounts/" + me.id()).bearer(me.token()).send().json()
                .at("/_links/closure/href").asText();

        assertProblem(http.post(closure).bearer(me.token()).json("{}").send(), 400, "validation_failed");
        assertProblem(http.post(closure).bearer(me.token()).json("{\"current_password\":\"wrong password\"}").send(),
                400, "validation_failed");
        assertProblem(http.post(closure).bearer(friend.token()).json("{\"current_password\":\"" + PASSWORD + "\"}")
                .send(), 404, "account_not_found");
        assertThat(http.get("/v1/posts/" + post).bearer(friend.token()).send().status()).isEqualTo(200);

        assertThat(http.post(closure).bearer(me.token()).json("{\"current_password\":\"" + PASSWORD + "\"}").send()
                .status()).isEqualTo(204);

        assertThat(http.get("/v1/sessions/me").bearer(me.token()).send().status()).isEqualTo(401);
        assertThat(signIn(me.email()).status()).isEqualTo(401);
        assertThat(http.get("/v1/posts/" + post).bearer(friend.token()).send().status()).isEqualTo(404);
        assertThat(api.orderStore.find(new OrderId(open)).orElseThrow().state().wireName())
                .isEqualTo("cancelled");
        assertThat(http.post("/v1/accounts").json("{\"email\":\"" + me.email() + "\",\"password\":\"" + PASSWORD
                + "\",\"display_name\":\"Again\"}").send().status()).as("the email is free again").isEqualTo(201);
    }
}
