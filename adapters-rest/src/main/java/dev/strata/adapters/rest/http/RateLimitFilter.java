package dev.strata.adapters.rest.http;

import dev.strata.adapters.common.LocalRateLimitBuckets;
import dev.strata.adapters.common.RateDecision;
import dev.strata.adapters.common.RateLimitBuckets;
import dev.strata.adapters.common.RateLimiter;
import dev.strata.adapters.common.RateLimits;
import dev.strata.adapters.common.SessionPrincipal;
import dev.strata.adapters.common.SignUpCharge;
import dev.strata.core.identity.AuthenticatedSession;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.glassfish.grizzly.http.server.Request;

/**
 * REST's side of the rate limits every API style shares ({@link RateLimiter}): every request is
 * charged to its caller, the account when it is signed in and the client IP otherwise; sign-ups
 * ({@code POST /v1/accounts}) are charged to a stricter per-IP budget, and every other request
 * carries a {@link SignUpCharge} (request property {@link SignUpCharge#PROPERTY}) with which an API
 * style served on the same port (GraphQL's {@code signUp}) charges its sign-ups to that budget.
 * Every charged response carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and
 * {@code RateLimit-Reset} (seconds until the bucket is full again); a request over budget gets 429 with {@code Retry-After}. A 304 is refunded: revalidating
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

    private final RateLimiter limiter;
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
        this.limiter = new RateLimiter(limits, buckets);
        this.trustedProxies = Objects.requireNonNull(trustedProxies, "trustedProxies");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (FREE_ROUTES.contains(Routes.template(request))) {
            return;
        }
        boolean signUp = "POST".equals(request.getMethod()) && "/v1/accounts".equals(Routes.template(request));
        Charge charge;
        if (signUp) {
            String client = clientAddress(request);
            charge = new Charge(client, true, limiter.chargeSignUp(client));
        } else {
            String client = clientAddress(request);
            String key = RateLimiter.callerKey(caller(request), client);
            charge = new Charge(key, false, limiter.charge(key));
            // For an API style that signs up inside another route (GraphQL's signUp in POST /graphql).
            request.setProperty(SignUpCharge.PROPERTY, SignUpCharge.of(limiter, client));
        }
        request.setProperty(CHARGED, charge);
        if (!charge.decision().allowed()) {
            throw new HttpProblem(Response.Status.TOO_MANY_REQUESTS, "rate_limited",
                    "too many requests; retry after the time in Retry-After",
                    Map.of(HttpHeaders.RETRY_AFTER, Long.toString(charge.decision().retryAfterSeconds())));
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
            String key = RateLimiter.callerKey(Optional.empty(), clientAddress(request));
            try {
                charge = new Charge(key, false, limiter.charge(key));
            } catch (RuntimeException storeUnavailable) {
                // The answer is already decided; a bucket store that is down must not turn it into a 500.
                return;
            }
        }
        RateDecision decision = charge.decision();
        if (response.getStatus() == 304 && decision.allowed()) {
            if (charge.signUp()) {
                limiter.refundSignUp(charge.key());
            } else {
                limiter.refund(charge.key());
            }
            decision = decision.refunded();
        }
        // As strings: Jersey looks a header delegate up for every value of another type.
        response.getHeaders().putSingle("RateLimit-Limit", String.valueOf(decision.limit()));
        response.getHeaders().putSingle("RateLimit-Remaining", String.valueOf(decision.remaining()));
        response.getHeaders().putSingle("RateLimit-Reset", String.valueOf(decision.resetSeconds()));
    }

    private static Optional<AuthenticatedSession> caller(ContainerRequestContext request) {
        return request.getSecurityContext() != null
                && request.getSecurityContext().getUserPrincipal() instanceof SessionPrincipal caller
                ? Optional.of(caller.session()) : Optional.empty();
    }

    private String clientAddress(ContainerRequestContext request) {
        String peer = Peers.address(request, connection);
        if (peer == null) {
            return "unknown";
        }
        if (trustedProxies.trustsNone()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getOrDefault("X-Forwarded-For", List.of())) {
            hops.addAll(Arrays.asList(header.split(",")));
        }
        return trustedProxies.client(peer, hops);
    }

    /** What a request was charged: the key (the client address for a sign-up), and the decision. */
    private record Charge(String key, boolean signUp, RateDecision decision) {
    }
}
