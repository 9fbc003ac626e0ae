package dev.strata.adapters.grpc.server;

import dev.strata.adapters.common.RateDecision;
import dev.strata.adapters.common.RateLimiter;
import dev.strata.core.common.AuthenticationException;
import dev.strata.core.common.RateLimitedException;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The same rate limits as REST, through the shared {@link RateLimiter} (and so the same buckets):
 * every call is charged to its caller (the account once authenticated, else the client address),
 * sign-ups to the stricter per-address budget, and a call whose authentication fails to its address,
 * so that guessing tokens is not free. A call over budget is RESOURCE_EXHAUSTED with
 * {@code RetryInfo}, before any work; an allowed one carries {@code ratelimit-limit},
 * {@code ratelimit-remaining} and {@code ratelimit-reset} response metadata. It runs around the
 * authentication interceptor, which tells it the caller. Thread-safe.
 */
public final class RateLimitInterceptor implements ServerInterceptor {

    private static final Metadata.Key<String> LIMIT = Metadata.Key.of("ratelimit-limit", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> REMAINING =
            Metadata.Key.of("ratelimit-remaining", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> RESET = Metadata.Key.of("ratelimit-reset", Metadata.ASCII_STRING_MARSHALLER);

    private final RateLimiter limiter;
    private final Set<String> signUps;

    /** Limits by {@code limiter}; {@code signUpMethods} (full names) are charged to the sign-up budget. */
    public RateLimitInterceptor(RateLimiter limiter, Set<String> signUpMethods) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.signUps = Set.copyOf(signUpMethods);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String address = ObservabilityInterceptor.clientAddress(call).orElse("unknown");
        boolean signUp = signUps.contains(call.getMethodDescriptor().getFullMethodName());
        Answer<Q, R> answer = new Answer<>(call);
        ServerCall.Listener<Q> listener;
        try {
            listener = next.startCall(answer, headers);
        } catch (AuthenticationException unauthenticated) {
            limiter.charge(RateLimiter.callerKey(Optional.empty(), address));
            throw unauthenticated;
        }
        RateDecision decision = signUp ? limiter.chargeSignUp(address)
                : limiter.charge(RateLimiter.callerKey(CallRecord.current().caller(), address));
        if (!decision.allowed()) {
            throw new RateLimitedException("rate_limited", "too many calls; retry after the delay in RetryInfo",
                    Duration.ofSeconds(decision.retryAfterSeconds()));
        }
        answer.decision = decision;
        return listener;
    }

    /** Adds the decision to the response headers. */
    private static final class Answer<Q, R> extends SimpleForwardingServerCall<Q, R> {

        private volatile RateDecision decision;

        Answer(ServerCall<Q, R> call) {
            super(call);
        }

        @Override
        public void sendHeaders(Metadata headers) {
            RateDecision made = decision;
            if (made != null) {
                headers.put(LIMIT, Long.toString(made.limit()));
                headers.put(REMAINING, Long.toString(made.remaining()));
                headers.put(RESET, Long.toString(made.resetSeconds()));
            }
            super.sendHeaders(headers);
        }
    }
}
