package dev.strata.adapters.common;

import dev.strata.core.common.RateLimitedException;
import java.time.Duration;
import java.util.Objects;

/**
 * Charges sign-ups to the {@linkplain RateLimits#signUps() sign-up budget} of the client that sent
 * the current call. The transport that knows the client's address (REST's rate-limit filter, which
 * serves every HTTP request of the API port) hands one over under {@link #PROPERTY} to an API style
 * whose sign-up is not a route of its own, such as a GraphQL {@code signUp} field inside
 * {@code POST /graphql}: each sign-up it runs is charged like a {@code POST /v1/accounts}.
 */
@FunctionalInterface
public interface SignUpCharge {

    /** The name under which the HTTP layer hands the current request's charge over (a request property). */
    String PROPERTY = SignUpCharge.class.getName();

    /** Charges nothing: for a server without rate limits. */
    SignUpCharge NONE = () -> { };

    /**
     * Charges one sign-up.
     *
     * @throws RateLimitedException with code {@code rate_limited} and the time to wait, when the
     *                              client's sign-up budget is spent
     * @throws dev.strata.core.common.UnavailableException when the bucket store cannot be reached
     */
    void charge();

    /**
     * Sign-ups from {@code clientAddress}, charged through {@code limiter}.
     *
     * @param limiter       the limits every API style shares
     * @param clientAddress the client's address, as the transport tells it
     * @return the charge
     */
    static SignUpCharge of(RateLimiter limiter, String clientAddress) {
        Objects.requireNonNull(limiter, "limiter");
        Objects.requireNonNull(clientAddress, "clientAddress");
        return () -> {
            RateDecision decision = limiter.chargeSignUp(clientAddress);
            if (!decision.allowed()) {
                throw new RateLimitedException("rate_limited", "too many sign-ups from this address; retry later",
                        Duration.ofSeconds(decision.retryAfterSeconds()));
            }
        };
    }
}
