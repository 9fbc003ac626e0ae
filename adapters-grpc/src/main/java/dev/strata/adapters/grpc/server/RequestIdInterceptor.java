package dev.strata.adapters.grpc.server;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Gives every call a request id, as REST does: the client's {@code request-id} metadata when it is
 * a safe id, otherwise a fresh one. The id is in the call's {@link Context} (logs, error details)
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
        String id = idFor(headers.get(KEY));
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

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String idFor(String offered) {
        if (offered != null && offered.matches("[A-Za-z0-9._:-]{1,128}")) {
            return offered;
        }
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "req_" + HexFormat.of().formatHex(bytes);
    }
}
