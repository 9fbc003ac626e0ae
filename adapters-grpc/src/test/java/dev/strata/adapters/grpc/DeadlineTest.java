package dev.strata.adapters.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strata.adapters.grpc.v1.CreateOrderRequest;
import dev.strata.adapters.grpc.v1.CreateSessionResponse;
import dev.strata.adapters.grpc.v1.ListOrdersRequest;
import dev.strata.adapters.grpc.v1.Order;
import dev.strata.adapters.grpc.v1.OrderItem;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Deadline;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deadlines and cancellation: a call whose deadline has passed, or whose client cancelled it, by
 * the time its work would start does nothing. The server's view of the call is steered by an
 * outermost test interceptor (a deadline on a fake ticker, a context cancelled at a chosen point),
 * so no test waits for real time to pass.
 */
class DeadlineTest {

    private static final CreateOrderRequest ORDER = CreateOrderRequest.newBuilder().setOrder(Order.newBuilder()
            .setCurrencyCode("EUR").addItems(OrderItem.newBuilder().setSku("A").setQuantity(1).setUnitPrice("1.00")))
            .build();

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicBoolean expireDeadline = new AtomicBoolean();
    private final AtomicBoolean cancelAtHalfClose = new AtomicBoolean();
    private final GrpcTestServer grpc = new GrpcTestServer(builder -> { }, List.of(new SteeringInterceptor()));
    private final CreateSessionResponse ada = grpc.newCaller();

    @AfterEach
    void stop() {
        grpc.close();
        scheduler.shutdownNow();
    }

    @Test
    void aCallPastItsDeadlineDoesNoWork() {
        expireDeadline.set(true);

        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
                () -> grpc.orders(ada.getToken()).createOrder(ORDER));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        expireDeadline.set(false);
        assertThat(grpc.orders(ada.getToken()).listOrders(ListOrdersRequest.getDefaultInstance()).getOrdersList()).isEmpty();
    }

    @Test
    void aCallCancelledBeforeItsWorkStartsDoesNoWork() {
        cancelAtHalfClose.set(true);

        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
                () -> grpc.orders(ada.getToken()).createOrder(ORDER));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.CANCELLED);
        cancelAtHalfClose.set(false);
        assertThat(grpc.orders(ada.getToken()).listOrders(ListOrdersRequest.getDefaultInstance()).getOrdersList()).isEmpty();
    }

    @Test
    void aCallWithinItsDeadlineIsServed() {
        assertThat(grpc.orders(ada.getToken()).withDeadlineAfter(1, TimeUnit.HOURS).createOrder(ORDER).getOrder()
                .getName()).startsWith("orders/");
    }

    /** Gives calls to the order service an expired deadline, or cancels them when their request is complete. */
    private final class SteeringInterceptor implements ServerInterceptor {

        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                ServerCallHandler<Q, R> next) {
            if (!call.getMethodDescriptor().getServiceName().equals("strata.v1.OrderService")) {
                return next.startCall(call, headers);
            }
            if (expireDeadline.get()) {
                AtomicLong now = new AtomicLong();
                Deadline.Ticker ticker = new Deadline.Ticker() {
                    @Override
                    public long nanoTime() {
                        return now.get();
                    }
                };
                Deadline deadline = Deadline.after(1, TimeUnit.SECONDS, ticker);
                now.addAndGet(TimeUnit.SECONDS.toNanos(2));
                return Contexts.interceptCall(Context.current().withDeadline(deadline, scheduler), call, headers, next);
            }
            if (cancelAtHalfClose.get()) {
                Context.CancellableContext context = Context.current().withCancellation();
                ServerCall.Listener<Q> inner = Contexts.interceptCall(context, call, headers, next);
                return new SimpleForwardingServerCallListener<>(inner) {
                    @Override
                    public void onHalfClose() {
                        context.cancel(null);
                        super.onHalfClose();
                    }
                };
            }
            return next.startCall(call, headers);
        }
    }
}
