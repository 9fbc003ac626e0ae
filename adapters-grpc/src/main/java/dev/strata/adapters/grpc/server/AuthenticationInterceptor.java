package dev.strata.adapters.grpc.server;

import dev.strata.adapters.common.BearerAuthentication;
import dev.strata.adapters.grpc.call.Callers;
import dev.strata.core.identity.AuthenticatedSession;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies {@code authorization: Bearer <token>} metadata by the same rules as REST
 * ({@link BearerAuthentication}) and makes the caller's session the call's
 * {@link Callers#CALLER}. Methods in {@code open} (signing up, signing in) need no token; every
 * other call without a valid one is UNAUTHENTICATED, before any work. Thread-safe.
 */
public final class AuthenticationInterceptor implements ServerInterceptor {

    /** The metadata key of the bearer token. */
    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final BearerAuthentication authentication;
    private final Set<String> open;

    /** Authentication by {@code authentication}; {@code openMethods} are full method names that need no token. */
    public AuthenticationInterceptor(BearerAuthentication authentication, Set<String> openMethods) {
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.open = Set.copyOf(openMethods);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        if (open.contains(call.getMethodDescriptor().getFullMethodName())) {
            return next.startCall(call, headers);
        }
        AuthenticatedSession caller = authentication.authenticate(headers.get(AUTHORIZATION));
        CallRecord.current().caller(caller);
        return Contexts.interceptCall(Context.current().withValue(Callers.CALLER, caller), call, headers, next);
    }

}
