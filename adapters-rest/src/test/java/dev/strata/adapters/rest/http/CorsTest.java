package dev.strata.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Browsers on the configured origins may call the API; others get no CORS headers. */
class CorsTest {

    private static final String ALLOWED = "https://app.example.com";

    private static TestApi api;

    @BeforeAll
    static void start() {
        api = new TestApi(builder -> builder.corsOrigins(List.of(ALLOWED)));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithMethodsHeadersAndMaxAge() {
        HttpResult preflight = api.http.method("OPTIONS", "/v1/accounts").header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, idempotency-key").send();

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).hasValue(ALLOWED);
        assertThat(preflight.header("Access-Control-Allow-Methods").orElseThrow()).contains("POST", "PATCH", "DELETE");
        assertThat(preflight.header("Access-Control-Allow-Headers").orElseThrow())
                .contains("Authorization", "Content-Type", "Idempotency-Key", "If-Match");
        assertThat(preflight.header("Access-Control-Max-Age")).hasValue(Integer.toString(CorsFilter.MAX_AGE_SECONDS));
        assertThat(preflight.header("Request-Id")).as("a preflight is a request like any other").isPresent();
    }

    @Test
    void responsesToAnAllowedOriginExposeTheHeadersClientsNeed() {
        HttpResult root = api.http.get("/v1").header("Origin", ALLOWED).send();

        assertThat(root.header("Access-Control-Allow-Origin")).hasValue(ALLOWED);
        assertThat(root.header("Access-Control-Expose-Headers").orElseThrow())
                .contains("ETag", "Link", "Location", "Request-Id", "Retry-After", "RateLimit-Limit",
                        "RateLimit-Remaining", "RateLimit-Reset");
        assertThat(root.headers().allValues("Vary")).anyMatch(value -> value.contains("Origin"));
        assertThat(root.header("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() {
        HttpResult preflight = api.http.method("OPTIONS", "/v1/accounts").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").send();
        HttpResult root = api.http.get("/v1").header("Origin", "https://evil.example").send();

        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEmpty();
        assertThat(root.header("Access-Control-Allow-Origin")).isEmpty();
    }
}
