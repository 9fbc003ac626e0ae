package dev.strata.adapters.rest.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.annotation.Priority;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.Request;

/**
 * Token-bucket rate limits (Bucket4j): every request is charged to its caller, the account when
 * it is signed in and the client IP otherwise; sign-ups ({@code POST /v1/accounts}) are charged
 * to a stricter per-IP budget. Every charged response carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until the bucket is full
 * again); a request over budget gets 429 with {@code Retry-After}. A 304 is refunded: revalidating
 * a cached copy costs nothing.
 *
 * <p>It runs after authentication, so that the account is known. A request that never reaches it
 * (its authentication failed, or it matched no resource) is charged to its client address when its
 * response is written, so that it carries the headers too and guessing tokens or paths is not
 * free; such a request is answered as it was, never turned into a 429 after the fact. The buckets
 * live in this instance's memory: N instances behind a load balancer allow up to N times the
 * budget. Thread-safe.
 */
@Priority(Priorities.AUTHENTICATION + 50)
public final class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** Sweep full buckets once this many callers are tracked, so that memory stays bounded. */
    private static final int SWEEP_AT = 100_000;
    private static final String CHARGED = RateLimitFilter.class.getName() + ".charged";

    /**
     * The API's own document and docs page cost nothing: static, served from memory, and what a
     * client (and every HTTP test's contract check) reads before its first call.
     */
    private static final Set<String> FREE_ROUTES = Set.of("/v1/openapi.json", "/v1/openapi.yaml", "/docs",
            "/docs/{file}");

    private final RateLimits limits;
    private final TimeMeter time;
    private final Map<String, Tracked> buckets = new ConcurrentHashMap<>();

    @Context
    private Provider<Request> connection;

    public RateLimitFilter(RateLimits limits) {
        this(limits, Clock.systemUTC());
    }

    /** Limits whose buckets refill by {@code clock}, so that tests can drive time. */
    public RateLimitFilter(RateLimits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.time = new ClockTime(Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (FREE_ROUTES.contains(Routes.template(request))) {
            return;
        }
        boolean signUp = "POST".equals(request.getMethod()) && "/v1/accounts".equals(Routes.template(request));
        RateLimits.Budget budget = signUp ? limits.signUps() : limits.perCaller();
        String key = signUp ? "sign-up:" + clientAddress() : caller(request);
        Bucket bucket = bucket(key, budget);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        Charge charge = new Charge(bucket, budget, probe);
        request.setProperty(CHARGED, charge);
        if (!probe.isConsumed()) {
            throw new HttpProblem(Response.Status.TOO_MANY_REQUESTS, "rate_limited",
                    "too many requests; retry after the time in Retry-After",
                    Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds(probe.getNanosToWaitForRefill()))));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Charge charge;
        if (request.getProperty(CHARGED) instanceof Charge charged) {
            charge = charged;
        } else if (FREE_ROUTES.contains(Routes.template(request))) {
            return;
        } else {
            Bucket bucket = bucket("ip:" + clientAddress(), limits.perCaller());
            charge = new Charge(bucket, limits.perCaller(), bucket.tryConsumeAndReturnRemaining(1));
        }
        long remaining = charge.probe().getRemainingTokens();
        long resetNanos = charge.probe().getNanosToWaitForReset();
        if (response.getStatus() == 304 && charge.probe().isConsumed()) {
            charge.bucket().addTokens(1);
            remaining = Math.min(charge.budget().requests(), remaining + 1);
        }
        response.getHeaders().putSingle("RateLimit-Limit", charge.budget().requests());
        response.getHeaders().putSingle("RateLimit-Remaining", remaining);
        response.getHeaders().putSingle("RateLimit-Reset", seconds(resetNanos));
    }

    private String caller(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext() == null ? null
                : request.getSecurityContext().getUserPrincipal();
        return principal != null ? "account:" + principal.getName() : "ip:" + clientAddress();
    }

    private String clientAddress() {
        Request current = connection == null ? null : connection.get();
        String address = current == null ? null : current.getRemoteAddr();
        return address == null ? "unknown" : address;
    }

    private Bucket bucket(String key, RateLimits.Budget budget) {
        if (buckets.size() >= SWEEP_AT) {
            // A full bucket is the same as no bucket: forgetting it changes nothing for its caller.
            buckets.values().removeIf(tracked -> tracked.bucket().getAvailableTokens() >= tracked.budget().requests());
        }
        return buckets.computeIfAbsent(key, unused -> new Tracked(Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(budget.requests())
                        .refillGreedy(budget.requests(), budget.period()).build())
                .build(), budget)).bucket();
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }

    /** Bucket4j's time, read from a {@link Clock}: wall-clock time, as Bucket4j's default is. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }

    private record Tracked(Bucket bucket, RateLimits.Budget budget) {
    }

    private record Charge(Bucket bucket, RateLimits.Budget budget, ConsumptionProbe probe) {
    }
}
