package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.util.concurrent.ListenableFuture;
import dev.strata.adapters.grpc.GrpcApi;
import dev.strata.adapters.grpc.v1.Account;
import dev.strata.adapters.grpc.v1.CreateAccountRequest;
import dev.strata.adapters.grpc.v1.CreateAccountResponse;
import dev.strata.adapters.grpc.v1.IdentityServiceGrpc;
import dev.strata.adapters.persistence.postgres.StrataDatabase;
import dev.strata.contracts.MutableClock;
import dev.strata.contracts.identity.IdentityFixtures;
import dev.strata.core.common.AlreadyExistsException;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.orders.OrderService;
import dev.strata.core.orders.store.OrderStore;
import dev.strata.core.posts.PostService;
import dev.strata.core.posts.store.PostStore;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gRPC endpoint stops as the app's shutdown sequence asks: {@code shutdown()} refuses new calls
 * while the one in flight finishes, and at the grace deadline what is still running is cut off.
 * The call in flight is a sign-up whose store holds it until the test lets go.
 */
class GrpcEndpointTest {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final GrpcEndpoint endpoint;
    private final ManagedChannel channel;

    GrpcEndpointTest() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        MutableClock clock = MutableClock.startingNow();
        IdentityService identity = new IdentityService(holdingStore(), clock, IdentityFixtures.FAST_HASHER,
                IdentityFixtures.newSigner());
        GrpcApi api = GrpcApi.builder(identity)
                .posts(new PostService(unused(PostStore.class), identity, clock))
                .orders(new OrderService(unused(OrderStore.class), clock))
                .build();
        endpoint = GrpcEndpoint.start(RunningApp.settings(StrataDatabase.h2MemoryUrl("grpc-endpoint-test"))
                .withGrpcPort(port), api);
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", port, InsecureChannelCredentials.create()).build();
    }

    @AfterEach
    void stop() {
        release.countDown();
        channel.shutdownNow();
        endpoint.close();
    }

    /** An identity store whose sign-up waits for {@link #release}, then finds the email taken. */
    private IdentityStore holdingStore() {
        return (IdentityStore) Proxy.newProxyInstance(IdentityStore.class.getClassLoader(),
                new Class<?>[] {IdentityStore.class}, (proxy, method, arguments) -> {
                    if (!method.getName().equals("insertAccount")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    entered.countDown();
                    release.await();
                    throw new AlreadyExistsException("email_already_registered", "taken");
                });
    }

    private static <T> T unused(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                (proxy, method, arguments) -> {
                    throw new UnsupportedOperationException(method.getName());
                }));
    }

    private ListenableFuture<CreateAccountResponse> signUpInFlight() throws InterruptedException {
        ListenableFuture<CreateAccountResponse> call = IdentityServiceGrpc.newFutureStub(channel)
                .createAccount(CreateAccountRequest.newBuilder()
                        .setAccount(Account.newBuilder().setEmail("ada@example.com").setDisplayName("Ada"))
                        .setPassword("correct horse battery staple").build());
        entered.await();
        return call;
    }

    @Test
    void shutdownRefusesNewCallsAndLetsTheOneInFlightFinish() throws Exception {
        ListenableFuture<CreateAccountResponse> inFlight = signUpInFlight();

        endpoint.shutdown();
        ManagedChannel late = Grpc.newChannelBuilderForAddress("127.0.0.1", endpoint.port(),
                InsecureChannelCredentials.create()).build();
        try {
            StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> IdentityServiceGrpc
                    .newBlockingStub(late).createAccount(CreateAccountRequest.getDefaultInstance()));
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        } finally {
            late.shutdownNow();
        }
        release.countDown();
        endpoint.awaitTermination(System.nanoTime() + TimeUnit.MINUTES.toNanos(1));

        ExecutionException finished = catchThrowableOfType(ExecutionException.class, inFlight::get);
        assertThat(Status.fromThrowable(finished.getCause()).getCode())
                .as("the call in flight got its own answer, not a cut-off").isEqualTo(Status.Code.ALREADY_EXISTS);
    }

    @Test
    void whatIsStillRunningAtTheGraceDeadlineIsCutOff() throws Exception {
        ListenableFuture<CreateAccountResponse> inFlight = signUpInFlight();

        endpoint.shutdown();
        endpoint.awaitTermination(System.nanoTime());

        ExecutionException cutOff = catchThrowableOfType(ExecutionException.class, inFlight::get);
        assertThat(Status.fromThrowable(cutOff.getCause()).getCode()).isIn(Status.Code.UNAVAILABLE, Status.Code.CANCELLED);
    }
}
