package dev.strata.adapters.grpc;

import static dev.strata.adapters.grpc.GrpcTestServer.errorInfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.rpc.RetryInfo;
import dev.strata.adapters.common.AccessLog;
import dev.strata.adapters.common.ApiMetrics;
import dev.strata.adapters.common.LocalRateLimitBuckets;
import dev.strata.adapters.common.RateLimiter;
import dev.strata.adapters.common.RateLimits;
import dev.strata.adapters.grpc.v1.CreateOrderRequest;
import dev.strata.adapters.grpc.v1.CreateSessionRequest;
import dev.strata.adapters.grpc.v1.CreateSessionResponse;
import dev.strata.adapters.grpc.v1.GetCurrentSessionRequest;
import dev.strata.adapters.grpc.v1.GetOrderRequest;
import dev.strata.adapters.grpc.v1.Order;
import dev.strata.adapters.grpc.v1.OrderItem;
import dev.strata.contracts.MutableClock;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The shared rate limits, metrics and access log, as gRPC uses them. */
class RateLimitsMetricsAndAccessLogTest {

    private static final String GET_ORDER = "strata.v1.OrderService/GetOrder";
    private static final GetOrderRequest MISSING =
            GetOrderRequest.newBuilder().setName("orders/ord_01m8v36pyafmm1f6jn8903antt").build();

    private final MutableClock bucketClock = MutableClock.startingNow();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RateLimiter limiter = new RateLimiter(new RateLimits(
            new RateLimits.Budget(3, Duration.ofMinutes(1)), new RateLimits.Budget(2, Duration.ofHours(1))),
            new LocalRateLimitBuckets(bucketClock));
    private final GrpcTestServer grpc = new GrpcTestServer(
            builder -> builder.rateLimiter(limiter).metrics(new ApiMetrics(registry)), List.of());
    private final Logger access = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Level level = access.getLevel();

    RateLimitsMetricsAndAccessLogTest() {
        lines.start();
        access.addAppender(lines);
        access.setLevel(Level.INFO);
    }

    @AfterEach
    void stop() {
        access.detachAppender(lines);
        access.setLevel(level);
        grpc.close();
    }

    @Test
    void aCallerOverItsBudgetIsResourceExhaustedWithRetryInfoAndGetsItBackInTime() {
        CreateSessionResponse ada = grpc.newCaller();
        AtomicReference<Metadata> headers = new AtomicReference<>();
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        for (int call = 3; call > 0; call--) {
            grpc.identity(ada.getToken()).withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(headers, trailers))
                    .getCurrentSession(GetCurrentSessionRequest.getDefaultInstance());
            assertThat(headers.get().get(Metadata.Key.of("ratelimit-remaining", Metadata.ASCII_STRING_MARSHALLER)))
                    .isEqualTo(Integer.toString(call - 1));
        }

        StatusRuntimeException limited = catchThrowableOfType(StatusRuntimeException.class,
                () -> grpc.identity(ada.getToken()).getCurrentSession(GetCurrentSessionRequest.getDefaultInstance()));

        assertThat(limited.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(errorInfo(limited).getReason()).isEqualTo("rate_limited");
        assertThat(GrpcTestServer.detail(limited, RetryInfo.class).orElseThrow().getRetryDelay().getSeconds())
                .isPositive();
        bucketClock.advance(Duration.ofMinutes(1));
        assertThat(grpc.identity(ada.getToken()).getCurrentSession(GetCurrentSessionRequest.getDefaultInstance())
                .getAccount()).isEqualTo(ada.getAccount());
    }

    @Test
    void signUpsHaveTheirOwnStricterBudgetAndBadTokensCostTheAddress() {
        grpc.newCaller();
        grpc.newCaller();

        StatusRuntimeException third = catchThrowableOfType(StatusRuntimeException.class,
                () -> grpc.signUp("third@example.com"));
        assertThat(third.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);

        for (int attempt = 0; attempt < 3; attempt++) {
            StatusRuntimeException guess = catchThrowableOfType(StatusRuntimeException.class,
                    () -> grpc.identity("guessed-token").getCurrentSession(GetCurrentSessionRequest.getDefaultInstance()));
            assertThat(guess.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        }
        StatusRuntimeException signIn = catchThrowableOfType(StatusRuntimeException.class, () -> grpc.identity()
                .createSession(CreateSessionRequest.newBuilder().setEmail("x@example.com").setPassword("whatever").build()));
        assertThat(signIn.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    }

    @Test
    void everyCallIsTimedByMethodAndOutcomeAndSignInsAreCounted() {
        CreateSessionResponse ada = grpc.newCaller();
        catchThrowableOfType(StatusRuntimeException.class, () -> grpc.orders(ada.getToken()).getOrder(MISSING));
        catchThrowableOfType(StatusRuntimeException.class, () -> grpc.identity().createSession(
                CreateSessionRequest.newBuilder().setEmail(ada.getAccount().getEmail()).setPassword("wrong one").build()));

        assertThat(registry.get(ApiMetrics.CALLS).tags("api", "grpc", "operation", GET_ORDER, "outcome", "not_found")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get(ApiMetrics.CALLS).tags("api", "grpc", "operation",
                "strata.v1.IdentityService/CreateSession", "outcome", "ok").timer().count()).isEqualTo(1);
        assertThat(registry.get(ApiMetrics.SIGN_INS).tags("outcome", "success").counter().count()).isEqualTo(1);
        assertThat(registry.get(ApiMetrics.SIGN_INS).tags("outcome", "failure").counter().count()).isEqualTo(1);
    }

    @Test
    void everyCallHasOneAccessLineWithItsStatusRequestIdCallerAndRequestId() {
        CreateSessionResponse ada = grpc.newCaller();
        Metadata offered = new Metadata();
        offered.put(Metadata.Key.of("request-id", Metadata.ASCII_STRING_MARSHALLER), "trace-7");
        catchThrowableOfType(StatusRuntimeException.class, () -> grpc.orders(ada.getToken())
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(offered)).getOrder(MISSING));
        grpc.orders(ada.getToken()).createOrder(CreateOrderRequest.newBuilder().setRequestId("key-1")
                .setOrder(Order.newBuilder().setCurrencyCode("EUR")
                        .addItems(OrderItem.newBuilder().setSku("A").setQuantity(1).setUnitPrice("1.00"))).build());

        String accountId = ada.getAccount().getName().substring("accounts/".length());
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains(GET_ORDER, "NOT_FOUND", "request_id=trace-7",
                        "account_id=" + accountId))
                .anySatisfy(line -> assertThat(line).contains("strata.v1.OrderService/CreateOrder", " OK ",
                        "idempotency_key=\"key-1\""))
                .noneSatisfy(line -> assertThat(line).contains(ada.getToken()));
    }
}
