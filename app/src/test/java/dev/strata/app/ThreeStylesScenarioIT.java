package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strata.app.StyleDriver.Item;
import dev.strata.app.StyleDriver.OrderSpec;
import dev.strata.app.StyleDriver.OrderView;
import dev.strata.app.StyleDriver.SignedIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One story through the three API styles of one packaged app: sign up with REST, sign in with
 * gRPC, create an order with GraphQL (idempotently), read it with REST and gRPC, cancel it with
 * GraphQL; every style sees the same ids, totals, states and versions, and refuses the same
 * things with the same Strata code, each in its own protocol's terms.
 */
class ThreeStylesScenarioIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final OrderSpec BOOKS = new OrderSpec("EUR",
            List.of(new Item("BOOK-1", 2, "12.50"), new Item("PEN-7", 3, "1.99")), "gift");

    @TempDir
    Path directory;

    @Test
    void oneOrderTellsTheSameStoryInEveryStyle() throws Exception {
        int grpcPort = PackagedApp.freePort();
        try (PackagedApp app = PackagedApp.start(directory.resolve("data"), Files.createTempFile(directory, "app",
                ".log"), Map.of("STRATA_GRPC_PORT", Integer.toString(grpcPort)));
                StyleDriver rest = new RestStyleDriver(java.net.URI.create("http://127.0.0.1:" + app.port()));
                StyleDriver grpc = new GrpcStyleDriver(grpcPort);
                StyleDriver graphql = new GraphqlStyleDriver(java.net.URI.create("http://127.0.0.1:" + app.port()))) {
            String adaId = rest.signUp("ada@example.com", PASSWORD, "Ada");
            SignedIn ada = grpc.signIn("ada@example.com", PASSWORD);
            assertThat(ada.accountId()).isEqualTo(adaId);

            OrderView created = graphql.createOrder(ada.token(), BOOKS, "scenario-order-1");
            assertThat(graphql.createOrder(ada.token(), BOOKS, "scenario-order-1")).as("a replay").isEqualTo(created);
            assertThat(created.ownerId()).isEqualTo(adaId);
            assertThat(created.state()).isEqualTo("open");
            assertThat(created.amount()).isEqualTo("30.97");
            assertThat(created.version()).isZero();

            OrderView restRead = rest.getOrder(ada.token(), created.id());
            OrderView grpcRead = grpc.getOrder(ada.token(), created.id());
            assertThat(List.of(untagged(restRead), untagged(grpcRead))).containsOnly(untagged(created));
            assertThat(grpcRead.tag()).as("gRPC's etag is GraphQL's version").isEqualTo(created.tag()).isEqualTo("0");
            assertThat(restRead.tag()).as("REST's ETag").startsWith("\"");

            OrderView cancelled = graphql.cancelOrder(ada.token(), created.id(), "ordered twice");
            assertThat(cancelled.state()).isEqualTo("cancelled");
            assertThat(cancelled.version()).isEqualTo(1);
            OrderView restCancelled = rest.getOrder(ada.token(), created.id());
            assertThat(List.of(untagged(restCancelled), untagged(grpc.getOrder(ada.token(), created.id()))))
                    .containsOnly(untagged(cancelled));
            assertThat(restCancelled.tag()).as("a new version, a new ETag").isNotEqualTo(restRead.tag());

            // Cancelling again: one Strata code, each style's own signal for a failed precondition.
            assertRefused(() -> rest.cancelOrder(ada.token(), created.id(), "again"), "order_already_cancelled", "409");
            assertRefused(() -> grpc.cancelOrder(ada.token(), created.id(), "again"), "order_already_cancelled",
                    "FAILED_PRECONDITION");
            assertRefused(() -> graphql.cancelOrder(ada.token(), created.id(), "again"), "order_already_cancelled",
                    "FAILED_PRECONDITION");

            // Another account is told the order does not exist, whichever style it asks in.
            graphql.signUp("bob@example.com", PASSWORD, "Bob");
            String bob = rest.signIn("bob@example.com", PASSWORD).token();
            assertRefused(() -> rest.getOrder(bob, created.id()), "order_not_found", "404");
            assertRefused(() -> grpc.getOrder(bob, created.id()), "order_not_found", "NOT_FOUND");
            assertRefused(() -> graphql.getOrder(bob, created.id()), "order_not_found", "NOT_FOUND");

            // One version counter: a change made with gRPC makes the version REST and GraphQL read stale.
            OrderView second = rest.createOrder(ada.token(), BOOKS, null);
            OrderView secondAsGraphql = graphql.getOrder(ada.token(), second.id());
            OrderView changed = grpc.updateOrderComment(ada.token(), second.id(), grpc.getOrder(ada.token(),
                    second.id()).tag(), "birthday gift");
            assertThat(changed.version()).isEqualTo(second.version() + 1);
            assertRefused(() -> rest.updateOrderComment(ada.token(), second.id(), second.tag(), "too late"),
                    "version_mismatch", "412");
            assertRefused(() -> graphql.updateOrderComment(ada.token(), second.id(), secondAsGraphql.tag(), "too late"),
                    "version_mismatch", "ABORTED");
            assertThat(untagged(rest.getOrder(ada.token(), second.id()))).isEqualTo(untagged(changed));
        }
    }

    /** The order as every style must show it alike: all but the style's own concurrency tag. */
    private static OrderView untagged(OrderView order) {
        return new OrderView(order.id(), order.ownerId(), order.state(), order.currency(), order.items(),
                order.amount(), order.comment(), order.version(), null);
    }

    private static void assertRefused(ThrowingCallable call, String code, String signal) {
        StyleFailure failure = catchThrowableOfType(StyleFailure.class, call);
        assertThat(failure).as("refused").isNotNull();
        assertThat(failure.code()).as(failure.getMessage()).isEqualTo(code);
        assertThat(failure.signal()).as(failure.getMessage()).isEqualTo(signal);
    }
}
