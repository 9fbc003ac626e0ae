package dev.strata.adapters.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.BlockingClientCall;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The standard health service follows the readiness check; reflection lists every service. */
class HealthAndReflectionTest {

    @Test
    void healthFollowsReadinessAndTurnsNotServingOnShutdown() {
        AtomicBoolean ready = new AtomicBoolean(true);
        try (GrpcTestServer grpc = new GrpcTestServer(builder -> builder.readiness(ready::get), List.of())) {
            HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(grpc.channel);
            HealthCheckRequest server = HealthCheckRequest.getDefaultInstance();
            HealthCheckRequest orders = HealthCheckRequest.newBuilder().setService("strata.v1.OrderService").build();
            assertThat(health.check(server).getStatus()).isEqualTo(ServingStatus.SERVING);
            assertThat(health.check(orders).getStatus()).isEqualTo(ServingStatus.SERVING);

            ready.set(false);
            grpc.api.refreshHealth();
            assertThat(health.check(server).getStatus()).isEqualTo(ServingStatus.NOT_SERVING);
            assertThat(health.check(orders).getStatus()).isEqualTo(ServingStatus.NOT_SERVING);

            ready.set(true);
            grpc.api.refreshHealth();
            assertThat(health.check(server).getStatus()).isEqualTo(ServingStatus.SERVING);
            grpc.api.shuttingDown();
            grpc.api.refreshHealth();
            assertThat(health.check(server).getStatus()).isEqualTo(ServingStatus.NOT_SERVING);
        }
    }

    @Test
    void reflectionListsTheStrataServicesHealthAndReflection() throws Exception {
        try (GrpcTestServer grpc = new GrpcTestServer()) {
            BlockingClientCall<ServerReflectionRequest, ServerReflectionResponse> call =
                    ServerReflectionGrpc.newBlockingV2Stub(grpc.channel).serverReflectionInfo();
            call.write(ServerReflectionRequest.newBuilder().setListServices("").build());
            ServerReflectionResponse response = call.read();
            call.halfClose();

            assertThat(response.getListServicesResponse().getServiceList()).extracting(ServiceResponse::getName)
                    .contains("strata.v1.IdentityService", "strata.v1.PostService", "strata.v1.OrderService",
                            "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection");
        }
    }
}
