package dev.strata.adapters.common;

import dev.strata.core.identity.AuthenticatedSession;
import io.github.bucket4j.ConsumptionProbe;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The rate limits of every API style: each call is charged to its caller
 * ({@link #callerKey}: the account when signed in, the client address otherwise) against
 * {@link RateLimits#perCaller()}, and each sign-up to its client address against the stricter
 * {@link RateLimits#signUps()}, in token buckets kept by a {@link RateLimitBuckets} store. Since
 * every adapter charges the same keys in the same store, a caller's budget is one across REST,
 * gRPC and GraphQL. Thread-safe.
 */
public final class RateLimiter {

    private final RateLimits limits;
    private final RateLimitBuckets buckets;

    /** Enforces {@code limits} with the buckets kept in {@code buckets}. */
    public RateLimiter(RateLimits limits, RateLimitBuckets buckets) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.buckets = Objects.requireNonNull(buckets, "buckets");
    }

    /**
     * The key a call is charged to: {@code account:<id>} when the caller signed in, otherwise
     * {@code ip:<clientAddress>}. The one rule for whom a call costs, in every style.
     *
     * @param caller        the signed-in caller, or empty for an anonymous call (or one whose
     *                      authentication failed)
     * @param clientAddress the client's address, as the adapter tells it (behind trusted proxies,
     *                      the address they forwarded)
     */
    public static String callerKey(Optional<AuthenticatedSession> caller, String clientAddress) {
        Objects.requireNonNull(clientAddress, "clientAddress");
        return caller.map(session -> "account:" + session.accountId().value()).orElse("ip:" + clientAddress);
    }

    /**
     * Charges one call to {@code callerKey} (see {@link #callerKey}) against the per-caller budget.
     *
     * @throws dev.strata.core.common.UnavailableException when the bucket store cannot be reached
     */
    public RateDecision charge(String callerKey) {
        return decide(buckets.tryConsume(Objects.requireNonNull(callerKey, "callerKey"), limits.perCaller()),
                limits.perCaller());
    }

    /**
     * Charges one sign-up (account creation) from {@code clientAddress} against the sign-up budget
     * instead of the per-caller one.
     *
     * @throws dev.strata.core.common.UnavailableException when the bucket store cannot be reached
     */
    public RateDecision chargeSignUp(String clientAddress) {
        return decide(buckets.tryConsume(signUpKey(clientAddress), limits.signUps()), limits.signUps());
    }

    /**
     * Gives back the call just {@linkplain #charge charged} to {@code callerKey}, for a call that
     * should have cost nothing (REST: a 304 revalidation). Never beyond the budget.
     */
    public void refund(String callerKey) {
        buckets.refund(Objects.requireNonNull(callerKey, "callerKey"), limits.perCaller());
    }

    /** Gives back the sign-up just {@linkplain #chargeSignUp charged} to {@code clientAddress}. */
    public void refundSignUp(String clientAddress) {
        buckets.refund(signUpKey(clientAddress), limits.signUps());
    }

    private static String signUpKey(String clientAddress) {
        return "sign-up:" + Objects.requireNonNull(clientAddress, "clientAddress");
    }

    private static RateDecision decide(ConsumptionProbe probe, RateLimits.Budget budget) {
        boolean allowed = probe.isConsumed();
        return new RateDecision(allowed, budget.requests(), Math.max(0, probe.getRemainingTokens()),
                seconds(probe.getNanosToWaitForReset()), allowed ? 0 : seconds(probe.getNanosToWaitForRefill()));
    }

    /** Nanoseconds as whole seconds, rounded up, at least 1: what a client waits is never 0. */
    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }
}
