package dev.strata.adapters.rest.http;

import dev.strata.adapters.common.ApiMetrics;
import dev.strata.adapters.common.ErrorKind;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.time.Duration;
import java.util.Objects;

/**
 * Measures every request into the metrics every API style shares ({@link ApiMetrics}):
 * {@code http.server.requests} (a timer tagged by method, route template, such as
 * {@code /v1/accounts/{id}}, never the raw path, and status, with latency buckets from 5 ms to 10 s),
 * {@code http.server.requests.active} (requests in flight), {@code strata.api.calls} (api
 * {@code rest}, operation method and route template, such as {@code POST /v1/orders}, and outcome:
 * {@code ok} or the {@link ErrorKind} in lower case) and {@code strata.sign_ins} (sign-in attempts
 * by outcome: success, failure, throttled). Requests that match no resource are counted under the
 * route {@link Routes#UNMATCHED}, so that scanners cannot blow up the number of series. Thread-safe.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 450)
public final class MetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = MetricsFilter.class.getName() + ".started";

    private final ApiMetrics metrics;

    /** Measures into a registry of its own (see {@link ApiMetrics}: one per registry). */
    public MetricsFilter(MeterRegistry registry) {
        this(new ApiMetrics(registry));
    }

    /** Measures into {@code metrics}, shared with the other API styles. */
    public MetricsFilter(ApiMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        metrics.httpRequestStarted();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        metrics.httpRequestEnded();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String route = Routes.template(request);
        int status = response.getStatus();
        metrics.recordHttp(request.getMethod(), route, status, took);
        metrics.recordCall("rest", request.getMethod() + " " + route, outcome(request, status), took);
        if ("POST".equals(request.getMethod()) && "/v1/sessions".equals(route)) {
            switch (status) {
                case 201 -> metrics.signIn("success");
                case 401 -> metrics.signIn("failure");
                case 429 -> metrics.signIn("throttled");
                default -> {
                    // Malformed requests are neither: they never reached the password check.
                }
            }
        }
    }

    /** The kind of the core failure answered, else what the status stands for. */
    private static String outcome(ContainerRequestContext request, int status) {
        if (request.getProperty(ProblemMapper.ERROR_KIND) instanceof ErrorKind kind) {
            return ApiMetrics.outcome(kind);
        }
        if (status < 400) {
            return ApiMetrics.OK;
        }
        return ProblemMapper.kindOfStatus(status).map(ApiMetrics::outcome).orElse(ApiMetrics.INTERNAL);
    }
}
