package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.grpc.v1.Account;
import dev.strata.adapters.grpc.v1.CreateAccountRequest;
import dev.strata.adapters.grpc.v1.IdentityServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.BlockingClientCall;
import io.grpc.stub.MetadataUtils;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app serves gRPC on {@code STRATA_GRPC_PORT} over the network: the standard health
 * service reports it serving, reflection lists its services, a call signs up, and a SIGTERM stops
 * it cleanly.
 */
class GrpcAppIT {

    @TempDir
    Path directory;

    @Test
    void servesHealthReflectionAndTheStrataServicesOnItsPort() throws Exception {
        int grpcPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            grpcPort = socket.getLocalPort();
        }
        try (PackagedApp app = PackagedApp.start(directory.resolve("data"), Files.createTempFile(directory, "app", ".log"),
                Map.of("STRATA_GRPC_PORT", Integer.toString(grpcPort)))) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
            try {
                assertThat(HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus())
                        .isEqualTo(ServingStatus.SERVING);

                BlockingClientCall<ServerReflectionRequest, ServerReflectionResponse> reflection =
                        ServerReflectionGrpc.newBlockingV2Stub(channel).serverReflectionInfo();
                reflection.write(ServerReflectionRequest.newBuilder().setListServices("").build());
                assertThat(reflection.read().getListServicesResponse().getServiceList())
                        .extracting(ServiceResponse::getName)
                        .contains("strata.v1.IdentityService", "strata.v1.PostService", "strata.v1.OrderService");
                reflection.halfClose();

                AtomicReference<Metadata> headers = new AtomicReference<>();
                AtomicReference<Metadata> trailers = new AtomicReference<>();
                Account account = IdentityServiceGrpc.newBlockingStub(channel)
                        .withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(headers, trailers))
                        .createAccount(CreateAccountRequest.newBuilder()
                                .setAccount(Account.newBuilder().setEmail("ada@example.com").setDisplayName("Ada"))
                                .setPassword("correct horse battery staple").build()).getAccount();
                assertThat(account.getName()).startsWith("accounts/acct_");
                assertThat(headers.get().get(Metadata.Key.of("request-id", Metadata.ASCII_STRING_MARSHALLER)))
                        .startsWith("req_");
            } finally {
                channel.shutdownNow();
            }
            assertThat(app.stop()).as("the app ends after SIGTERM").isTrue();
            assertThat(app.output()).contains("gRPC on port " + grpcPort, "Strata stopped");
        }
    }
}
