package dev.strata.adapters.grpc;

import dev.strata.adapters.common.ApiMetrics;
import dev.strata.adapters.common.BearerAuthentication;
import dev.strata.adapters.common.RateLimiter;
import dev.strata.adapters.grpc.identity.IdentityGrpcService;
import dev.strata.adapters.grpc.orders.OrderGrpcService;
import dev.strata.adapters.grpc.posts.PostGrpcService;
import dev.strata.adapters.grpc.server.AuthenticationInterceptor;
import dev.strata.adapters.grpc.server.DeadlineInterceptor;
import dev.strata.adapters.grpc.server.ErrorInterceptor;
import dev.strata.adapters.grpc.server.ObservabilityInterceptor;
import dev.strata.adapters.grpc.server.RateLimitInterceptor;
import dev.strata.adapters.grpc.server.RequestIdInterceptor;
import dev.strata.adapters.grpc.v1.IdentityServiceGrpc;
import dev.strata.core.closing.AccountClosingService;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.orders.OrderService;
import dev.strata.core.posts.PostService;
import io.grpc.BindableService;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * Strata's gRPC API, built from service instances (no scanning): the {@code strata.v1} services
 * behind the interceptors, the standard health service ({@code grpc.health.v1.Health}) and server
 * reflection ({@code grpc.reflection.v1}). A composition root {@linkplain #addTo adds it} to a
 * server builder of its choice (Netty, or in-process in tests); calls run on virtual threads.
 *
 * <p>Thread-safe. {@link #close()} ends the executor once the server has terminated.
 */
public final class GrpcApi implements AutoCloseable {

    private final List<ServerServiceDefinition> services;
    private final HealthStatusManager health = new HealthStatusManager();
    private final BooleanSupplier ready;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private GrpcApi(Builder builder) {
        this.ready = builder.ready;
        List<ServerInterceptor> interceptors = new ArrayList<>();
        // Outermost first: every later one runs within the request id and the final status is seen.
        String signUp = IdentityServiceGrpc.getCreateAccountMethod().getFullMethodName();
        interceptors.add(new RequestIdInterceptor());
        interceptors.add(new ObservabilityInterceptor(builder.metrics));
        interceptors.add(new DeadlineInterceptor());
        interceptors.add(new ErrorInterceptor());
        builder.rateLimiter.ifPresent(limiter -> interceptors.add(new RateLimitInterceptor(limiter, Set.of(signUp))));
        interceptors.add(new AuthenticationInterceptor(new BearerAuthentication(builder.identity), Set.of(signUp,
                IdentityServiceGrpc.getCreateSessionMethod().getFullMethodName())));
        List<BindableService> bindable = List.of(
                new IdentityGrpcService(builder.identity,
                        new AccountClosingService(builder.identity, builder.posts, builder.orders)),
                new PostGrpcService(builder.posts),
                new OrderGrpcService(builder.orders));
        this.services = bindable.stream()
                // ServerInterceptors.intercept makes the last one outermost: hand them in reverse.
                .map(service -> ServerInterceptors.intercept(service, interceptors.reversed()))
                .toList();
        refreshHealth();
    }

    /** A builder of the API over {@code identity} (the one service every call authenticates with). */
    public static Builder builder(IdentityService identity) {
        return new Builder(identity);
    }

    /**
     * Adds the services, health and reflection to {@code server}, and makes calls run on virtual
     * threads.
     */
    public <T extends ServerBuilder<T>> T addTo(T server) {
        services.forEach(server::addService);
        server.addService(health.getHealthService());
        server.addService(ProtoReflectionServiceV1.newInstance());
        return server.executor(executor);
    }

    /** The names of the {@code strata.v1} services served. */
    public List<String> serviceNames() {
        return services.stream().map(service -> service.getServiceDescriptor().getName()).toList();
    }

    /**
     * Sets what the health service reports, for the server ({@code ""}) and each service: SERVING
     * while the readiness check passes (the database answers), NOT_SERVING otherwise. The app
     * calls it periodically.
     */
    public void refreshHealth() {
        ServingStatus status = ready.getAsBoolean() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
        serviceNames().forEach(name -> health.setStatus(name, status));
    }

    /** Reports NOT_SERVING from now on, whatever the readiness check says: the server is shutting down. */
    public void shuttingDown() {
        health.enterTerminalState();
    }

    /** Ends the executor; call it after the server has terminated. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Collects the services and settings of a {@link GrpcApi}. */
    public static final class Builder {

        private final IdentityService identity;
        private PostService posts;
        private OrderService orders;
        private BooleanSupplier ready = () -> true;
        private Optional<ApiMetrics> metrics = Optional.empty();
        private Optional<RateLimiter> rateLimiter = Optional.empty();

        private Builder(IdentityService identity) {
            this.identity = Objects.requireNonNull(identity, "identity");
        }

        /** Serves {@code strata.v1.PostService} over {@code service}. */
        public Builder posts(PostService service) {
            this.posts = Objects.requireNonNull(service, "service");
            return this;
        }

        /** Serves {@code strata.v1.OrderService} over {@code service}. */
        public Builder orders(OrderService service) {
            this.orders = Objects.requireNonNull(service, "service");
            return this;
        }

        /** Records every call into {@code apiMetrics} (without it, calls are only logged). */
        public Builder metrics(ApiMetrics apiMetrics) {
            this.metrics = Optional.of(apiMetrics);
            return this;
        }

        /** Limits calls by {@code limiter}, the one REST uses too, so that a caller has one budget. */
        public Builder rateLimiter(RateLimiter limiter) {
            this.rateLimiter = Optional.of(limiter);
            return this;
        }

        /** What the health service checks: whether the database answers, say. Default: always ready. */
        public Builder readiness(BooleanSupplier check) {
            this.ready = Objects.requireNonNull(check, "check");
            return this;
        }

        /**
         * The API.
         *
         * @throws IllegalStateException when the post or order service is missing: every style serves all three
         */
        public GrpcApi build() {
            if (posts == null || orders == null) {
                throw new IllegalStateException("the gRPC API needs the post and the order services");
            }
            return new GrpcApi(this);
        }
    }
}
