package dev.strata.adapters.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.grpc.v1.GetCurrentSessionRequest;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Calls run on virtual threads, so that a call waiting on the database holds no platform thread. */
class VirtualThreadsTest {

    @Test
    void theWorkOfEveryCallRunsOnAVirtualThread() {
        List<Boolean> virtual = new CopyOnWriteArrayList<>();
        ServerInterceptor observer = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                    ServerCallHandler<Q, R> next) {
                return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
                    @Override
                    public void onHalfClose() {
                        virtual.add(Thread.currentThread().isVirtual());
                        super.onHalfClose();
                    }
                };
            }
        };
        try (GrpcTestServer grpc = new GrpcTestServer(builder -> { }, List.of(observer))) {
            String token = grpc.newCaller().getToken();
            grpc.identity(token).getCurrentSession(GetCurrentSessionRequest.getDefaultInstance());
        }

        assertThat(virtual).hasSize(3).containsOnly(true);
    }
}
