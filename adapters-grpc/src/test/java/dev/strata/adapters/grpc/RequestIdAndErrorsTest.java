package dev.strata.adapters.grpc;

import static dev.strata.adapters.grpc.GrpcTestServer.errorInfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.RetryInfo;
import dev.strata.adapters.grpc.server.GrpcErrors;
import dev.strata.adapters.grpc.v1.CreateSessionResponse;
import dev.strata.adapters.grpc.v1.GetCurrentSessionRequest;
import dev.strata.adapters.grpc.v1.GetOrderRequest;
import dev.strata.contracts.MutableClock;
import dev.strata.core.common.RateLimitedException;
import dev.strata.core.common.UnavailableException;
import dev.strata.core.orders.OrderService;
import dev.strata.core.orders.store.OrderStore;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Request ids in and out, and the error details every failure carries. */
class RequestIdAndErrorsTest {

    private static final Metadata.Key<String> REQUEST_ID =
            Metadata.Key.of("request-id", Metadata.ASCII_STRING_MARSHALLER);

    /** An order store whose every method throws what {@code failure} makes. */
    private static OrderStore failingStore(Supplier<RuntimeException> failure) {
        return (OrderStore) Proxy.newProxyInstance(OrderStore.class.getClassLoader(), new Class<?>[] {OrderStore.class},
                (proxy, method, arguments) -> {
                    throw failure.get();
                });
    }

    private static final GetOrderRequest SOME_ORDER =
            GetOrderRequest.newBuilder().setName("orders/ord_01m8v36pyafmm1f6jn8903antt").build();

    private static Metadata offering(String id) {
        Metadata headers = new Metadata();
        headers.put(REQUEST_ID, id);
        return headers;
    }

    @Test
    void aClientsRequestIdComesBackInTheHeadersAndAMalformedOneIsReplaced() {
        try (GrpcTestServer grpc = new GrpcTestServer()) {
            CreateSessionResponse ada = grpc.newCaller();
            AtomicReference<Metadata> headers = new AtomicReference<>();
            AtomicReference<Metadata> trailers = new AtomicReference<>();

            grpc.identity(ada.getToken()).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(offering("trace-42")),
                    MetadataUtils.newCaptureMetadataInterceptor(headers, trailers))
                    .getCurrentSession(GetCurrentSessionRequest.getDefaultInstance());
            assertThat(headers.get().get(REQUEST_ID)).isEqualTo("trace-42");

            grpc.identity(ada.getToken()).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(offering("no spaces!")),
                    MetadataUtils.newCaptureMetadataInterceptor(headers, trailers))
                    .getCurrentSession(GetCurrentSessionRequest.getDefaultInstance());
            assertThat(headers.get().get(REQUEST_ID)).matches("req_[0-9a-f]{24}");
        }
    }

    @Test
    void aFailedCallCarriesItsRequestIdInTheTrailersAndTheErrorInfo() {
        try (GrpcTestServer grpc = new GrpcTestServer()) {
            AtomicReference<Metadata> headers = new AtomicReference<>();
            AtomicReference<Metadata> trailers = new AtomicReference<>();

            StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, () -> grpc.identity()
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(offering("trace-43")),
                            MetadataUtils.newCaptureMetadataInterceptor(headers, trailers))
                    .getCurrentSession(GetCurrentSessionRequest.getDefaultInstance()));

            assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(trailers.get().get(REQUEST_ID)).isEqualTo("trace-43");
            assertThat(errorInfo(failure).getMetadataMap()).containsEntry("request_id", "trace-43");
        }
    }

    @Test
    void anUnexpectedFailureIsInternalAndTellsTheClientNothingButItsRequestId() {
        try (GrpcTestServer grpc = new GrpcTestServer(builder -> builder.orders(new OrderService(
                failingStore(() -> new IllegalStateException("secret detail")), MutableClock.startingNow())), List.of())) {
            StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
                    () -> grpc.orders(grpc.newCaller().getToken()).getOrder(SOME_ORDER));

            assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
            assertThat(failure.getStatus().getDescription()).doesNotContain("secret");
            assertThat(errorInfo(failure).getReason()).isEqualTo("internal_error");
        }
    }

    @Test
    void anUnavailableDatabaseIsUnavailableWithRetryInfo() {
        try (GrpcTestServer grpc = new GrpcTestServer(builder -> builder.orders(new OrderService(failingStore(
                () -> new UnavailableException("the database does not answer", new SQLException("down"))),
                MutableClock.startingNow())), List.of())) {
            StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
                    () -> grpc.orders(grpc.newCaller().getToken()).getOrder(SOME_ORDER));

            assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(errorInfo(failure).getReason()).isEqualTo("service_unavailable");
            assertThat(GrpcTestServer.detail(failure, RetryInfo.class).orElseThrow().getRetryDelay().getSeconds())
                    .isEqualTo(2);
        }
    }

    @Test
    void aRateLimitedFailureSaysWhenToRetry() {
        StatusRuntimeException failure = GrpcErrors.toStatusException(
                new RateLimitedException("too_many_sign_in_attempts", "wait", Duration.ofSeconds(42)), "req_1");

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(errorInfo(failure).getReason()).isEqualTo("too_many_sign_in_attempts");
        assertThat(errorInfo(failure).getDomain()).isEqualTo(GrpcErrors.DOMAIN);
        assertThat(GrpcTestServer.detail(failure, RetryInfo.class).orElseThrow().getRetryDelay().getSeconds())
                .isEqualTo(42);
    }
}
