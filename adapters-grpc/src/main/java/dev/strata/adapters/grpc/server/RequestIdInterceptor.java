package dev.strata.adapters.grpc.server;

import dev.strata.adapters.common.RequestIds;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Gives every call a request id by the same rule as REST ({@link RequestIds}): the client's
 * {@code request-id} metadata when it is a safe id, otherwise a fresh one. The id is in the call's {@link Context} (logs, error details)
 * and goes back to the client as {@code request-id} response metadata, in the headers or, for a
 * call that fails before it sends any, in the trailers. Thread-safe.
 */
public final class RequestIdInterceptor implements ServerInterceptor {

    /** The metadata key, in and out. */
    public static final Metadata.Key<String> KEY = Metadata.Key.of("request-id", Metadata.ASCII_STRING_MARSHALLER);

    private static final Context.Key<String> REQUEST_ID = Context.key("strata-request-id");

    /** The id of the current call, or {@code "unknown"} outside one. */
    public static String current() {
        String id = REQUEST_ID.get();
        return id == null ? "unknown" : id;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String id = RequestIds.idFor(headers.get(KEY));
        ServerCall<Q, R> answering = new SimpleForwardingServerCall<>(call) {
            private boolean headersSent;

            @Override
            public void sendHeaders(Metadata responseHeaders) {
                responseHeaders.put(KEY, id);
                headersSent = true;
                super.sendHeaders(responseHeaders);
            }

            @Override
            public void close(Status status, Metadata trailers) {
                if (!headersSent) {
                    trailers.put(KEY, id);
                }
                super.close(status, trailers);
            }
        };
        return Contexts.interceptCall(Context.current().withValue(REQUEST_ID, id), answering, headers, next);
    }
}
