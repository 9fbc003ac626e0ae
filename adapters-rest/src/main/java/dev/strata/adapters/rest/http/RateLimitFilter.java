package dev.strata.adapters.rest.http;

import io.github.bucket4j.ConsumptionProbe;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * live where its {@link RateLimitBuckets} keeps them: in this instance's memory
 * ({@link LocalRateLimitBuckets}, N instances allow up to N times the budget) or in a store every
 * instance shares. Thread-safe.
 */
@Priority(Priorities.AUTHENTICATION + 50)
public final class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String CHARGED = RateLimitFilter.class.getName() + ".charged";

    /**
     * The API's own document and docs page cost nothing: static, served from memory, and what a
     * client (and every HTTP test's contract check) reads before its first call.
     */
    private static final Set<String> FREE_ROUTES = Set.of("/v1/openapi.json", "/v1/openapi.yaml", "/docs",
            "/docs/{file}");

    private final RateLimits limits;
    private final RateLimitBuckets buckets;
    private final TrustedProxies trustedProxies;

    @Context
    private Provider<Request> connection;

    /** Limits kept in this instance's memory. */
    public RateLimitFilter(RateLimits limits) {
        this(limits, new LocalRateLimitBuckets(), TrustedProxies.NONE);
    }

    /**
     * Limits kept in {@code buckets}; behind {@code trustedProxies}, anonymous callers are told apart
     * by the client address those proxies forwarded in {@code X-Forwarded-For}.
     */
    public RateLimitFilter(RateLimits limits, RateLimitBuckets buckets, TrustedProxies trustedProxies) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.buckets = Objects.requireNonNull(buckets, "buckets");
        this.trustedProxies = Objects.requireNonNull(trustedProxies, "trustedProxies");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (FREE_ROUTES.contains(Routes.template(request))) {
            return;
        }
        boolean signUp = "POST".equals(request.getMethod()) && "/v1/accounts".equals(Routes.template(request));
        RateLimits.Budget budget = signUp ? limits.signUps() : limits.perCaller();
        String key = signUp ? "sign-up:" + clientAddress(request) : caller(request);
        ConsumptionProbe probe = buckets.tryConsume(key, budget);
        Charge charge = new Charge(key, budget, probe);
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
            String key = "ip:" + clientAddress(request);
            try {
                charge = new Charge(key, limits.perCaller(), buckets.tryConsume(key, limits.perCaller()));
            } catch (RuntimeException storeUnavailable) {
                // The answer is already decided; a bucket store that is down must not turn it into a 500.
                return;
            }
        }
        long remaining = charge.probe().getRemainingTokens();
        long resetNanos = charge.probe().getNanosToWaitForReset();
        if (response.getStatus() == 304 && charge.probe().isConsumed()) {
            buckets.refund(charge.key(), charge.budget());
            remaining = Math.min(charge.budget().requests(), remaining + 1);
        }
        response.getHeaders().putSingle("RateLimit-Limit", charge.budget().requests());
        response.getHeaders().putSingle("RateLimit-Remaining", remaining);
        response.getHeaders().putSingle("RateLimit-Reset", seconds(resetNanos));
    }

    private String caller(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext() == null ? null
                : request.getSecurityContext().getUserPrincipal();
        return principal != null ? "account:" + principal.getName() : "ip:" + clientAddress(request);
    }

    private String clientAddress(ContainerRequestContext request) {
        Request current = connection == null ? null : connection.get();
        String peer = current == null ? null : current.getRemoteAddr();
        if (peer == null) {
            return "unknown";
        }
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getOrDefault("X-Forwarded-For", List.of())) {
            hops.addAll(Arrays.asList(header.split(",")));
        }
        return trustedProxies.client(peer, hops);
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }

    private record Charge(String key, RateLimits.Budget budget, ConsumptionProbe probe) {
    }
}
