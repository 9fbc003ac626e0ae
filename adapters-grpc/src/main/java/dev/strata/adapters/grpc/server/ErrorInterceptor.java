package dev.strata.adapters.grpc.server;

import dev.strata.core.common.StrataException;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends every call that throws with the error {@link GrpcErrors} makes of it, whichever service or
 * inner interceptor threw: a {@link StrataException} becomes its canonical status with details, a
 * {@link StatusRuntimeException} passes as it is, and anything else is INTERNAL, logged with the
 * request id and never described to the client. Services therefore just throw. Thread-safe.
 */
public final class ErrorInterceptor implements ServerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorInterceptor.class);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        ServerCall.Listener<Q> delegate;
        try {
            delegate = next.startCall(call, headers);
        } catch (RuntimeException failure) {
            fail(call, failure);
            return new ServerCall.Listener<>() {
            };
        }
        return new SimpleForwardingServerCallListener<>(delegate) {
            @Override
            public void onMessage(Q message) {
                try {
                    super.onMessage(message);
                } catch (RuntimeException failure) {
                    fail(call, failure);
                }
            }

            @Override
            public void onHalfClose() {
                try {
                    super.onHalfClose();
                } catch (RuntimeException failure) {
                    fail(call, failure);
                }
            }
        };
    }

    private static void fail(ServerCall<?, ?> call, RuntimeException failure) {
        String requestId = RequestIdInterceptor.current();
        CallRecord.current().failure(failure);
        StatusRuntimeException error;
        if (failure instanceof StrataException strata) {
            error = GrpcErrors.toStatusException(strata, requestId);
        } else if (failure instanceof StatusRuntimeException status) {
            error = status;
        } else {
            LOG.error("{} failed (request {})", call.getMethodDescriptor().getFullMethodName(), requestId, failure);
            error = GrpcErrors.internal(requestId);
        }
        try {
            call.close(error.getStatus(), error.getTrailers() == null ? new Metadata() : error.getTrailers());
        } catch (IllegalStateException alreadyClosed) {
            LOG.debug("{} failed after it was closed (request {})", call.getMethodDescriptor().getFullMethodName(),
                    requestId, failure);
        }
    }
}
