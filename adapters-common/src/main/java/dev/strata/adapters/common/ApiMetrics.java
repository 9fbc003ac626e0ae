package dev.strata.adapters.common;

import dev.strata.core.common.StrataException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The metrics of every API style, named and tagged in one place:
 * <ul>
 * <li>{@value #CALLS}: a timer of every call in any style, tagged {@code api} ({@code rest},
 * {@code grpc}, {@code graphql}), {@code operation} (REST: method and route template, such as
 * {@code POST /v1/orders}; gRPC: the full method name; GraphQL: the operation) and
 * {@code outcome} ({@value #OK}, an {@link ErrorKind} in lower case, or {@value #INTERNAL});</li>
 * <li>{@value #SIGN_INS}: sign-in attempts by {@code outcome} ({@code success}, {@code failure},
 * {@code throttled}), whichever style they came through;</li>
 * <li>{@value #HTTP_REQUESTS} and {@value #HTTP_ACTIVE}: REST's HTTP timer (tags {@code method},
 * {@code route}, {@code status}) and requests in flight, which the Prometheus rules and the Grafana
 * dashboard under {@code deploy/} read.</li>
 * </ul>
 * Timers have the same latency buckets, 5 ms to 10 s. Tag values must stay few: a route template
 * or method name, never a raw path or id. Build one per registry and share it among the adapters
 * (the in-flight gauge is registered once per registry). Thread-safe.
 */
public final class ApiMetrics {

    /** The timer of every call of every API style. */
    public static final String CALLS = "strata.api.calls";
    /** The counter of sign-in attempts by outcome. */
    public static final String SIGN_INS = "strata.sign_ins";
    /** REST's HTTP timer by method, route template and status. */
    public static final String HTTP_REQUESTS = "http.server.requests";
    /** REST's HTTP requests in flight. */
    public static final String HTTP_ACTIVE = "http.server.requests.active";

    /** The outcome of a call that succeeded. */
    public static final String OK = "ok";
    /** The outcome of a call that failed for a reason that is no {@link ErrorKind}: a server fault. */
    public static final String INTERNAL = "internal";

    /** The API styles, the values of the {@code api} tag. */
    public static final Set<String> APIS = Set.of("rest", "grpc", "graphql");
    /** The outcomes of a sign-in attempt. */
    public static final Set<String> SIGN_IN_OUTCOMES = Set.of("success", "failure", "throttled");

    private static final Set<String> OUTCOMES = Stream.concat(Stream.of(OK, INTERNAL),
            Arrays.stream(ErrorKind.values()).map(ErrorKind::lowerCaseName)).collect(Collectors.toUnmodifiableSet());

    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final AtomicInteger activeHttp = new AtomicInteger();
    /*
     * The timers already registered, by their tags: Timer.builder(...).register(registry) builds a
     * meter id (sorted tags) and looks it up in the registry on every call, which was most of what
     * recording cost. The tag values are bounded (route templates, methods, outcomes), so are these.
     */
    private final ConcurrentMap<CallKey, Timer> calls = new ConcurrentHashMap<>();
    private final ConcurrentMap<HttpKey, Timer> httpRequests = new ConcurrentHashMap<>();

    /** Metrics recorded into {@code registry}; every sign-in outcome is registered at 0 at once. */
    public ApiMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        registry.gauge(HTTP_ACTIVE, activeHttp);
        for (String outcome : SIGN_IN_OUTCOMES) {
            signIns(outcome);
        }
    }

    /** The outcome tag of a call that ended as {@code kind}. */
    public static String outcome(ErrorKind kind) {
        return kind.lowerCaseName();
    }

    /**
     * The outcome tag of a call that ended with {@code failureOrNull}: {@value #OK} for null, the
     * {@link ErrorKind} of a {@link StrataException}, {@value #INTERNAL} for anything else.
     */
    public static String outcomeOf(Throwable failureOrNull) {
        return switch (failureOrNull) {
            case null -> OK;
            case StrataException failure -> outcome(ErrorKind.of(failure));
            default -> INTERNAL;
        };
    }

    /**
     * Records one call into {@value #CALLS}.
     *
     * @param api       {@code rest}, {@code grpc} or {@code graphql}
     * @param operation what was called, from a bounded set (a route template, a method name)
     * @param outcome   {@value #OK}, {@value #INTERNAL} or an {@link ErrorKind} in lower case
     *                  (see {@link #outcome} and {@link #outcomeOf})
     * @param took      how long the call took
     * @throws IllegalArgumentException for an unknown api or outcome, which would start stray series
     */
    public void recordCall(String api, String operation, String outcome, Duration took) {
        CallKey key = new CallKey(api, Objects.requireNonNull(operation, "operation"), outcome);
        Timer timer = calls.get(key);
        if (timer == null) {
            require(APIS, api, "api");
            require(OUTCOMES, outcome, "outcome");
            timer = calls.computeIfAbsent(key, unknown -> Timer.builder(CALLS)
                    .description("API calls of every style by api, operation and outcome")
                    .tag("api", api)
                    .tag("operation", operation)
                    .tag("outcome", outcome)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry));
        }
        timer.record(took);
    }

    /**
     * Counts one sign-in attempt into {@value #SIGN_INS}.
     *
     * @param outcome {@code success}, {@code failure} (wrong credentials) or {@code throttled}
     * @throws IllegalArgumentException for any other outcome
     */
    public void signIn(String outcome) {
        require(SIGN_IN_OUTCOMES, outcome, "sign-in outcome");
        signIns(outcome).increment();
    }

    /** Records one HTTP request into {@value #HTTP_REQUESTS}, as REST always has. */
    public void recordHttp(String method, String route, int status, Duration took) {
        httpRequests.computeIfAbsent(new HttpKey(method, route, status), key -> Timer.builder(HTTP_REQUESTS)
                .description("HTTP requests by method, route template and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)).record(took);
    }

    /** One more HTTP request in flight ({@value #HTTP_ACTIVE}); pair with {@link #httpRequestEnded()}. */
    public void httpRequestStarted() {
        activeHttp.incrementAndGet();
    }

    /** One HTTP request fewer in flight. */
    public void httpRequestEnded() {
        activeHttp.decrementAndGet();
    }

    private Counter signIns(String outcome) {
        return Counter.builder(SIGN_INS).description("Sign-in attempts by outcome")
                .tag("outcome", outcome).register(registry);
    }

    /** The tags of one {@value #CALLS} timer. */
    private record CallKey(String api, String operation, String outcome) {
    }

    /** The tags of one {@value #HTTP_REQUESTS} timer. */
    private record HttpKey(String method, String route, int status) {
    }

    private static void require(Set<String> allowed, String value, String what) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("unknown " + what + " " + value + "; one of " + allowed);
        }
    }
}
