package dev.strata.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** REST's requests in the metrics every API style shares: the HTTP timer, API calls and sign-ins. */
class MetricsFilterTest {

    private static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();

    @RegisterExtension
    static final TestApi api = new TestApi(builder -> builder.metrics(REGISTRY));

    private final Accounts.SignedIn ada = Accounts.signUpAndIn(api.http);

    @Test
    void aRequestIsAnHttpRequestAndAnApiCallNamedByMethodAndRouteTemplate() {
        HttpResult created = order();
        api.http.get("/v1/orders/" + created.field("id")).bearer(ada.token()).send();

        assertThat(calls("POST /v1/orders", "ok").count()).isPositive();
        assertThat(calls("GET /v1/orders/{id}", "ok").count()).isPositive();
        assertThat(REGISTRY.get("http.server.requests").tag("method", "POST").tag("route", "/v1/orders")
                .tag("status", "201").timer().count()).isPositive();
    }

    @Test
    void aConflictOverExistenceAndAStateConflictAreToldApartThoughBothAre409() {
        HttpResult taken = api.http.post("/v1/accounts").json("{\"email\":\"" + ada.email() + "\",\"password\":\""
                + Accounts.PASSWORD + "\",\"display_name\":\"Copy\"}").send();
        String id = order().field("id");
        api.http.post("/v1/orders/" + id + "/cancellation").bearer(ada.token()).json("{\"reason\":\"a\"}").send();
        HttpResult twice = api.http.post("/v1/orders/" + id + "/cancellation").bearer(ada.token())
                .json("{\"reason\":\"b\"}").send();

        assertThat(taken.status()).isEqualTo(409);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(calls("POST /v1/accounts", "already_exists").count()).isPositive();
        assertThat(calls("POST /v1/orders/{id}/cancellation", "failed_precondition").count()).isPositive();
    }

    @Test
    void failuresOutsideTheServicesHaveTheKindTheirStatusStandsFor() {
        api.http.get("/v1/orders").send();
        api.http.get("/no/such/path").send();

        assertThat(calls("GET /v1/orders", "unauthenticated").count()).isPositive();
        assertThat(calls("GET unmatched", "not_found").count()).isPositive();
    }

    @Test
    void signInsAreCountedByOutcome() {
        double before = REGISTRY.get("strata.sign_ins").tag("outcome", "failure").counter().count();

        api.http.post("/v1/sessions").json("{\"email\":\"" + ada.email() + "\",\"password\":\"wrong password!\"}")
                .send();

        assertThat(REGISTRY.get("strata.sign_ins").tag("outcome", "failure").counter().count()).isEqualTo(before + 1);
        assertThat(REGISTRY.get("strata.sign_ins").tag("outcome", "success").counter().count()).isPositive();
    }

    private HttpResult order() {
        HttpResult created = api.http.post("/v1/orders").bearer(ada.token())
                .json("{\"currency\":\"EUR\",\"items\":[{\"sku\":\"A-1\",\"quantity\":1,\"unit_price\":\"5\"}]}")
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    private static Timer calls(String operation, String outcome) {
        return REGISTRY.get("strata.api.calls").tag("api", "rest").tag("operation", operation)
                .tag("outcome", outcome).timer();
    }
}
