package dev.strata.adapters.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import dev.strata.adapters.grpc.v1.Account;
import dev.strata.adapters.grpc.v1.CreateAccountRequest;
import dev.strata.adapters.grpc.v1.CreateSessionRequest;
import dev.strata.adapters.grpc.v1.CreateSessionResponse;
import dev.strata.adapters.grpc.v1.IdentityServiceGrpc;
import dev.strata.adapters.grpc.v1.OrderServiceGrpc;
import dev.strata.adapters.grpc.v1.PostServiceGrpc;
import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.adapters.persistence.memory.orders.InMemoryOrderStore;
import dev.strata.adapters.persistence.memory.posts.InMemoryPostStore;
import dev.strata.contracts.MutableClock;
import dev.strata.contracts.identity.IdentityFixtures;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.orders.OrderService;
import dev.strata.core.posts.PostService;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The gRPC API in-process over real services and in-memory stores, with a client channel and
 * helpers to sign up, sign in and read error details. Close it after each test.
 */
final class GrpcTestServer implements AutoCloseable {

    static final String PASSWORD = "correct horse battery staple";

    final MutableClock clock = MutableClock.startingNow();
    final InMemoryOrderStore orderStore = new InMemoryOrderStore();
    final IdentityService identity = new IdentityService(new InMemoryIdentityStore(), clock,
            IdentityFixtures.FAST_HASHER, IdentityFixtures.newSigner());
    final PostService posts = new PostService(new InMemoryPostStore(), identity, clock);
    final OrderService orders = new OrderService(orderStore, clock);
    final GrpcApi api;
    final Server server;
    final ManagedChannel channel;

    GrpcTestServer() {
        this(builder -> { }, List.of());
    }

    /** A server whose API builder {@code configure} adjusts, behind extra outermost {@code interceptors}. */
    GrpcTestServer(Consumer<GrpcApi.Builder> configure, List<ServerInterceptor> interceptors) {
        GrpcApi.Builder builder = GrpcApi.builder(identity).posts(posts).orders(orders);
        configure.accept(builder);
        api = builder.build();
        String name = InProcessServerBuilder.generateName();
        InProcessServerBuilder serverBuilder = api.addTo(InProcessServerBuilder.forName(name));
        interceptors.forEach(serverBuilder::intercept);
        try {
            server = serverBuilder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        channel = InProcessChannelBuilder.forName(name).build();
    }

    IdentityServiceGrpc.IdentityServiceBlockingStub identity() {
        return IdentityServiceGrpc.newBlockingStub(channel);
    }

    IdentityServiceGrpc.IdentityServiceBlockingStub identity(String token) {
        return withToken(identity(), token);
    }

    PostServiceGrpc.PostServiceBlockingStub posts(String token) {
        return withToken(PostServiceGrpc.newBlockingStub(channel), token);
    }

    OrderServiceGrpc.OrderServiceBlockingStub orders(String token) {
        return withToken(OrderServiceGrpc.newBlockingStub(channel), token);
    }

    static <S extends AbstractStub<S>> S withToken(S stub, String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** Signs up a new account. */
    Account signUp(String email) {
        return identity().createAccount(CreateAccountRequest.newBuilder()
                .setAccount(Account.newBuilder().setEmail(email).setDisplayName("Ada"))
                .setPassword(PASSWORD).build()).getAccount();
    }

    /** Signs up a new account and signs in: the session, its account and token. */
    CreateSessionResponse newCaller() {
        String email = IdentityFixtures.uniqueEmail();
        signUp(email);
        return identity().createSession(CreateSessionRequest.newBuilder().setEmail(email).setPassword(PASSWORD).build());
    }

    /** The ErrorInfo of a failed call. */
    static ErrorInfo errorInfo(StatusRuntimeException failure) {
        return detail(failure, ErrorInfo.class).orElseThrow(() -> new AssertionError("no ErrorInfo in " + failure));
    }

    /** The field violations of a failed call: "field:reason" each. */
    static List<String> violations(StatusRuntimeException failure) {
        return detail(failure, BadRequest.class).orElseThrow(() -> new AssertionError("no BadRequest in " + failure))
                .getFieldViolationsList().stream().map(violation -> violation.getField() + ":" + violation.getReason())
                .toList();
    }

    static <T extends com.google.protobuf.Message> Optional<T> detail(StatusRuntimeException failure, Class<T> type) {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        if (status == null) {
            return Optional.empty();
        }
        for (Any detail : status.getDetailsList()) {
            if (detail.is(type)) {
                try {
                    return Optional.of(detail.unpack(type));
                } catch (InvalidProtocolBufferException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdownNow();
        try {
            server.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            api.close();
        }
    }
}
