package dev.strata.adapters.grpc.server;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.strata.adapters.common.AccessLog;
import dev.strata.adapters.common.ApiMetrics;
import dev.strata.adapters.grpc.v1.IdentityServiceGrpc;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Metrics and the access log of every call, as REST has them, through the shared
 * {@link ApiMetrics} and {@link AccessLog}: {@code strata.api.calls} tagged {@code api=grpc}, the
 * full method name and the outcome (the failure's {@code ErrorKind}, {@code ok} or
 * {@code internal}), sign-ins by outcome, and one access line per call with its status code's
 * name. A call its client cancelled or let expire is logged but not timed: it has no outcome of
 * the server's. Thread-safe.
 */
public final class ObservabilityInterceptor implements ServerInterceptor {

    private static final String SIGN_IN = IdentityServiceGrpc.getCreateSessionMethod().getFullMethodName();

    private final Optional<ApiMetrics> metrics;

    /** Records into {@code metrics} when present, and logs every call. */
    public ObservabilityInterceptor(Optional<ApiMetrics> metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        long started = System.nanoTime();
        CallRecord record = new CallRecord();
        String method = call.getMethodDescriptor().getFullMethodName();
        String requestId = RequestIdInterceptor.current();
        ServerCall<Q, R> observed = new SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                // Recorded before the client can see the answer, so that what it does next sees the record.
                record(call, method, requestId, record, status, Duration.ofNanos(System.nanoTime() - started));
                super.close(status, trailers);
            }
        };
        ServerCall.Listener<Q> listener = Contexts.interceptCall(Context.current().withValue(CallRecord.KEY, record),
                observed, headers, next);
        return new SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                if (message instanceof Message request) {
                    FieldDescriptor field = request.getDescriptorForType().findFieldByName("request_id");
                    if (field != null && field.getJavaType() == FieldDescriptor.JavaType.STRING) {
                        record.idempotencyKey((String) request.getField(field));
                    }
                }
                super.onMessage(message);
            }
        };
    }

    private void record(ServerCall<?, ?> call, String method, String requestId, CallRecord record, Status status,
            Duration took) {
        Status.Code code = status.getCode();
        boolean clientEnded = code == Status.Code.CANCELLED || code == Status.Code.DEADLINE_EXCEEDED;
        metrics.ifPresent(api -> {
            if (!clientEnded) {
                api.recordCall("grpc", method, code == Status.Code.OK ? ApiMetrics.OK
                        : ApiMetrics.outcomeOf(record.failure().orElse(null)), took);
            }
            if (method.equals(SIGN_IN)) {
                switch (code) {
                    case OK -> api.signIn("success");
                    case UNAUTHENTICATED -> api.signIn("failure");
                    case RESOURCE_EXHAUSTED -> api.signIn("throttled");
                    default -> { }
                }
            }
        });
        AccessLog.log(new AccessLog.Entry("grpc", "RPC", method, method, code.name(), took, 0, requestId,
                record.caller().map(caller -> caller.accountId().value()), clientAddress(call),
                record.idempotencyKey()));
    }

    /** The peer's IP address, or its transport's name for it (in-process calls). */
    static Optional<String> clientAddress(ServerCall<?, ?> call) {
        SocketAddress peer = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        if (peer instanceof InetSocketAddress internet && internet.getAddress() != null) {
            return Optional.of(internet.getAddress().getHostAddress());
        }
        return Optional.ofNullable(peer).map(SocketAddress::toString);
    }
}
