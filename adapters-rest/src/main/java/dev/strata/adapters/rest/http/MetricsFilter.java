package dev.strata.adapters.rest.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures every request into Micrometer: {@code http.server.requests} (a timer tagged by method,
 * route template, such as {@code /v1/accounts/{id}}, never the raw path, and status, with latency
 * buckets from 5 ms to 10 s), {@code http.server.requests.active} (requests in flight) and
 * {@code strata.sign_ins} (sign-in attempts by outcome: success, failure, throttled). Requests
 * that match no resource are counted under the route {@link Routes#UNMATCHED}, so that scanners cannot
 * blow up the number of series. Thread-safe.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 450)
public final class MetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = MetricsFilter.class.getName() + ".started";
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();

    public MetricsFilter(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        registry.gauge("http.server.requests.active", active);
        for (String outcome : List.of("success", "failure", "throttled")) {
            signIns(outcome);
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        active.incrementAndGet();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        active.decrementAndGet();
        String route = Routes.template(request);
        int status = response.getStatus();
        Timer.builder("http.server.requests")
                .description("HTTP requests by method, route template and status")
                .tag("method", request.getMethod())
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(Duration.ofNanos(System.nanoTime() - started));
        if ("POST".equals(request.getMethod()) && "/v1/sessions".equals(route)) {
            switch (status) {
                case 201 -> signIns("success").increment();
                case 401 -> signIns("failure").increment();
                case 429 -> signIns("throttled").increment();
                default -> {
                    // Malformed requests are neither: they never reached the password check.
                }
            }
        }
    }

    private Counter signIns(String outcome) {
        return Counter.builder("strata.sign_ins").description("Sign-in attempts by outcome")
                .tag("outcome", outcome).register(registry);
    }
}
