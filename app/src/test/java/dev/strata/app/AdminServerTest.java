package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.persistence.postgres.StrataDatabase;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.contracts.identity.IdentityFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin port: Prometheus metrics of the API's traffic, and liveness and readiness. */
class AdminServerTest {

    private static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start(RunningApp.settings(StrataDatabase.h2MemoryUrl("admin-server-test")));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void metricsCountAKnownSequenceOfRequestsByRouteTemplateAndStatus() {
        PrometheusText before = PrometheusText.parse(app.admin.get("/metrics").send().body());
        Accounts.SignedIn ada = Accounts.signUpAndIn(app.api);
        Accounts.SignedIn bob = Accounts.signUpAndIn(app.api);
        assertThat(app.api.post("/v1/accounts").json("{\"email\":\"nope\"}").send().status()).isEqualTo(400);
        assertThat(app.api.post("/v1/sessions").json("{\"email\":\"" + ada.email() + "\",\"password\":\"wrong password!\"}")
                .send().status()).isEqualTo(401);
        assertThat(app.api.get("/v1/accounts/" + ada.id()).bearer(ada.token()).send().status()).isEqualTo(200);
        assertThat(app.api.get("/v1/accounts/" + bob.id()).bearer(bob.token()).send().status()).isEqualTo(200);
        assertThat(app.api.get("/v1/accounts/" + bob.id()).bearer(ada.token()).send().status()).isEqualTo(404);
        assertThat(app.api.get("/wp-admin/" + IdentityFixtures.uniqueEmail()).send().status()).isEqualTo(404);

        HttpResult scraped = app.admin.get("/metrics").send();

        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.contentType()).startsWith("text/plain");
        PrometheusText metrics = PrometheusText.parse(scraped.body()).minus(before);
        String requests = "http_server_requests_seconds_count";
        assertThat(metrics.value(requests + "{method=\"POST\",route=\"/v1/accounts\",status=\"201\"}")).isEqualTo(2);
        assertThat(metrics.value(requests + "{method=\"POST\",route=\"/v1/accounts\",status=\"400\"}")).isEqualTo(1);
        assertThat(metrics.value(requests + "{method=\"POST\",route=\"/v1/sessions\",status=\"201\"}")).isEqualTo(2);
        assertThat(metrics.value(requests + "{method=\"POST\",route=\"/v1/sessions\",status=\"401\"}")).isEqualTo(1);
        assertThat(metrics.value(requests + "{method=\"GET\",route=\"/v1/accounts/{id}\",status=\"200\"}")).isEqualTo(2);
        assertThat(metrics.value(requests + "{method=\"GET\",route=\"/v1/accounts/{id}\",status=\"404\"}")).isEqualTo(1);
        assertThat(metrics.value(requests + "{method=\"GET\",route=\"unmatched\",status=\"404\"}")).isEqualTo(1);
        assertThat(metrics.series().keySet()).noneMatch(series -> series.contains(ada.id()));
        assertThat(metrics.value("strata_sign_ins_total{outcome=\"success\"}")).isEqualTo(2);
        assertThat(metrics.value("strata_sign_ins_total{outcome=\"failure\"}")).isEqualTo(1);
        assertThat(metrics.value("strata_sign_ins_total{outcome=\"throttled\"}")).isZero();
    }

    @Test
    void metricsCoverLatencyBucketsTheJvmThePoolAndTheQueries() {
        Accounts.signUpAndIn(app.api);

        PrometheusText metrics = PrometheusText.parse(app.admin.get("/metrics").send().body());

        // The +Inf bucket counts the request however long it took (le="10.0" would assert it took under 10 s).
        assertThat(metrics.value("http_server_requests_seconds_bucket{method=\"POST\",route=\"/v1/accounts\","
                + "status=\"201\",le=\"+Inf\"}")).isPositive();
        assertThat(metrics.has("http_server_requests_seconds_bucket{method=\"POST\",route=\"/v1/accounts\","
                + "status=\"201\",le=\"0.005\"}")).isTrue();
        assertThat(metrics.has("http_server_requests_active")).isTrue();
        assertThat(metrics.has("jvm_memory_used_bytes")).isTrue();
        assertThat(metrics.has("jvm_gc_")).isTrue();
        assertThat(metrics.has("jvm_threads_live_threads")).isTrue();
        assertThat(metrics.has("hikaricp_connections_active")).isTrue();
        assertThat(metrics.has("strata_db_queries_seconds_count")).isTrue();
        assertThat(metrics.has("strata_password_hash_seconds_count")).isTrue();
    }

    @Test
    void livenessAndReadinessAreUpWhileTheDatabaseAnswers() {
        HttpResult live = app.admin.get("/health/live").send();
        HttpResult ready = app.admin.get("/health/ready").send();

        assertThat(live.status()).isEqualTo(200);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.field("status")).isEqualTo("up");
    }

    @Test
    void theAdminPortServesNothingElseAndTheApiPortServesNoMetrics() {
        assertThat(app.admin.get("/v1").send().status()).isEqualTo(404);
        assertThat(app.api.get("/metrics").send().status()).isEqualTo(404);
        assertThat(app.admin.post("/metrics").json("{}").send().status()).isEqualTo(405);
    }
}
