package dev.strata.adapters.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.common.NotFoundException;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ApiMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ApiMetrics metrics = new ApiMetrics(registry);

    @Test
    void aCallIsTimedByApiOperationAndOutcome() {
        metrics.recordCall("grpc", "strata.v1.Orders/GetOrder", "ok", Duration.ofMillis(7));
        metrics.recordCall("grpc", "strata.v1.Orders/GetOrder", "ok", Duration.ofMillis(30));
        metrics.recordCall("graphql", "createOrder", "not_found", Duration.ofMillis(2));

        Timer ok = registry.get("strata.api.calls").tag("api", "grpc").tag("operation", "strata.v1.Orders/GetOrder")
                .tag("outcome", "ok").timer();
        assertThat(ok.count()).isEqualTo(2);
        assertThat(registry.get("strata.api.calls").tag("api", "graphql").tag("outcome", "not_found").timer().count())
                .isEqualTo(1);
    }

    @Test
    void callsHaveTheLatencyBucketsOfTheHttpTimer() {
        metrics.recordCall("rest", "GET /v1/orders", "ok", Duration.ofMillis(7));
        metrics.recordHttp("GET", "/v1/orders", 200, Duration.ofMillis(7));

        double[] calls = buckets(registry.get("strata.api.calls").timer());
        assertThat(calls).containsExactly(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);
        assertThat(buckets(registry.get("http.server.requests").timer())).containsExactly(calls);
    }

    @Test
    void anHttpRequestIsTimedByMethodRouteAndStatusAsRestAlwaysWas() {
        metrics.recordHttp("POST", "/v1/accounts", 201, Duration.ofMillis(3));

        assertThat(registry.get("http.server.requests").tag("method", "POST").tag("route", "/v1/accounts")
                .tag("status", "201").timer().count()).isEqualTo(1);
    }

    @Test
    void eachCombinationOfTagsHasItsOwnTimerAcrossRepeatedCalls() {
        for (int round = 0; round < 3; round++) {
            metrics.recordHttp("GET", "/v1/orders", 200, Duration.ofMillis(1));
            metrics.recordHttp("GET", "/v1/orders", 404, Duration.ofMillis(1));
            metrics.recordHttp("POST", "/v1/orders", 200, Duration.ofMillis(1));
            metrics.recordHttp("GET", "/v1/posts", 200, Duration.ofMillis(1));
            metrics.recordCall("rest", "GET /v1/orders", "ok", Duration.ofMillis(1));
            metrics.recordCall("rest", "GET /v1/orders", "not_found", Duration.ofMillis(1));
            metrics.recordCall("grpc", "GET /v1/orders", "ok", Duration.ofMillis(1));
            metrics.recordCall("rest", "GET /v1/posts", "ok", Duration.ofMillis(1));
        }

        assertThat(registry.get("http.server.requests").timers()).hasSize(4)
                .allSatisfy(timer -> assertThat(timer.count()).isEqualTo(3));
        assertThat(registry.get("http.server.requests").tag("method", "GET").tag("route", "/v1/orders")
                .tag("status", "404").timer().count()).isEqualTo(3);
        assertThat(registry.get("strata.api.calls").timers()).hasSize(4)
                .allSatisfy(timer -> assertThat(timer.count()).isEqualTo(3));
        assertThat(registry.get("strata.api.calls").tag("api", "grpc").tag("operation", "GET /v1/orders")
                .tag("outcome", "ok").timer().count()).isEqualTo(3);
    }

    @Test
    void anUnknownOutcomeIsRefusedEvenForAnOperationAlreadyTimed() {
        metrics.recordCall("rest", "GET /v1/orders", "ok", Duration.ofMillis(1));

        assertThatThrownBy(() -> metrics.recordCall("rest", "GET /v1/orders", "exploded", Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestsInFlightAreAGauge() {
        metrics.httpRequestStarted();
        metrics.httpRequestStarted();
        metrics.httpRequestEnded();

        assertThat(registry.get("http.server.requests.active").gauge().value()).isEqualTo(1);
    }

    @Test
    void signInsAreCountedByOutcomeAndEveryOutcomeExistsFromTheStart() {
        for (String outcome : new String[] {"success", "failure", "throttled"}) {
            assertThat(registry.get("strata.sign_ins").tag("outcome", outcome).counter().count()).isZero();
        }
        metrics.signIn("success");
        metrics.signIn("failure");
        metrics.signIn("failure");

        assertThat(registry.get("strata.sign_ins").tag("outcome", "success").counter().count()).isEqualTo(1);
        assertThat(registry.get("strata.sign_ins").tag("outcome", "failure").counter().count()).isEqualTo(2);
        assertThat(registry.get("strata.sign_ins").tag("outcome", "throttled").counter().count()).isZero();
    }

    @Test
    void unknownTagValuesAreRefusedSoThatNoStraySeriesStart() {
        assertThatThrownBy(() -> metrics.recordCall("soap", "x", "ok", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.recordCall("rest", "x", "NOT_FOUND", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.signIn("maybe")).isInstanceOf(IllegalArgumentException.class);
        assertThat(registry.find("strata.api.calls").timers()).isEmpty();
    }

    @Test
    void everyErrorKindIsAnOutcome() {
        for (ErrorKind kind : ErrorKind.values()) {
            metrics.recordCall("rest", "GET /v1", ApiMetrics.outcome(kind), Duration.ZERO);
        }
        assertThat(registry.find("strata.api.calls").timers()).hasSize(ErrorKind.values().length);
    }

    @Test
    void theOutcomeOfAFailureIsItsKindAndOfAnythingElseInternal() {
        assertThat(ApiMetrics.outcomeOf(null)).isEqualTo("ok");
        assertThat(ApiMetrics.outcomeOf(new NotFoundException("order_not_found", "no such order")))
                .isEqualTo("not_found");
        assertThat(ApiMetrics.outcomeOf(new IllegalStateException("a bug"))).isEqualTo("internal");
    }

    private static double[] buckets(Timer timer) {
        return Arrays.stream(timer.takeSnapshot().histogramCounts())
                .mapToDouble(bucket -> bucket.bucket(TimeUnit.SECONDS)).toArray();
    }
}
