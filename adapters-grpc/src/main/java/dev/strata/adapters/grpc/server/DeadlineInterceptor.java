package dev.strata.adapters.grpc.server;

import io.grpc.Context;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Honours deadlines and cancellation: a call whose deadline has passed, or that its client
 * cancelled, by the time its work would start does no work at all (not even authentication) and
 * ends with DEADLINE_EXCEEDED or CANCELLED. The deadline is the call's {@link Context}'s, which
 * grpc-java sets from the client's {@code grpc-timeout}, and every callback runs within it, so the
 * store calls of a service see it too. Thread-safe.
 */
public final class DeadlineInterceptor implements ServerInterceptor {

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        if (Context.current().isCancelled()) {
            call.close(statusOf(Context.current()), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
            @Override
            public void onHalfClose() {
                Context context = Context.current();
                if (context.isCancelled()) {
                    closeQuietly(call, statusOf(context));
                    return;
                }
                super.onHalfClose();
            }
        };
    }

    private static Status statusOf(Context context) {
        boolean expired = context.getDeadline() != null && context.getDeadline().isExpired();
        return expired
                ? Status.DEADLINE_EXCEEDED.withDescription("the deadline passed before the work started; nothing was done")
                : Status.CANCELLED.withDescription("the call was cancelled before the work started; nothing was done");
    }

    private static void closeQuietly(ServerCall<?, ?> call, Status status) {
        try {
            call.close(status, new Metadata());
        } catch (IllegalStateException alreadyClosed) {
            // The transport closed it already (a cancelled call): nothing more to say.
        }
    }
}
