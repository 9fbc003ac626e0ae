package dev.strata.core.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.common.ConflictException;
import dev.strata.core.common.Created;
import dev.strata.core.common.FieldError;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.IdempotencyKeyReusedException;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.MutableClock;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.common.Race;
import dev.strata.core.common.SortKey;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.Account;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.Session;
import dev.strata.core.identity.SessionId;
import dev.strata.core.orders.store.OrderStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The orders service's rules, run over any {@link OrderStore}: extend it with {@link #newStore()}.
 * Callers are made up here (the service trusts the session it is given), so no identity store is
 * needed.
 */
public abstract class OrderServiceContract {

    protected final MutableClock clock = MutableClock.startingNow();
    protected OrderService orders;

    /** A new store; it may share its backing database with other tests. */
    protected abstract OrderStore newStore();

    @BeforeEach
    void createService() {
        orders = new OrderService(newStore(), clock);
    }

    /** A caller of its own, as the identity service would vouch for it. */
    public static AuthenticatedSession newCaller() {
        AccountId id = AccountId.generate(Clock.systemUTC());
        Instant now = Instant.now();
        return new AuthenticatedSession(new Session(SessionId.generate(), id, now, now.plus(Duration.ofHours(1))),
                new Account(id, id.value() + "@example.com", "Buyer", now, now, 0));
    }

    public static OrderDraft draft(String currency, String comment, OrderItemDraft... items) {
        return new OrderDraft(currency, List.of(items), comment);
    }

    public static OrderItemDraft item(String sku, int quantity, String unitPrice) {
        return new OrderItemDraft(sku, quantity, new BigDecimal(unitPrice));
    }

    protected Order create(AuthenticatedSession caller) {
        return orders.create(caller, draft("EUR", "", item("A-1", 2, "9.99")), Optional.empty()).value();
    }

    private static List<String> fieldsOf(ThrowingCallable call) {
        try {
            call.call();
        } catch (ValidationException invalid) {
            return invalid.errors().stream().map(FieldError::field).toList();
        } catch (Throwable other) {
            throw new AssertionError("expected a validation failure, got " + other, other);
        }
        throw new AssertionError("expected a validation failure");
    }

    @Nested
    class Creating {

        @Test
        void theAmountIsTheExactSumOfTheItems() {
            AuthenticatedSession caller = newCaller();

            Order order = orders.create(caller, draft("EUR", "gift", item("A-1", 3, "0.10"), item("B", 1, "0.2"),
                    item("C", 10000, "999999999.99")), Optional.empty()).value();

            assertThat(order.amount()).isEqualTo(new BigDecimal("9999999999900.50"));
            assertThat(order.state()).isEqualTo(OrderState.OPEN);
            assertThat(order.version()).isZero();
            assertThat(order.ownerId()).isEqualTo(caller.accountId());
            assertThat(order.id().value()).startsWith("ord_");
            assertThat(order.comment()).isEqualTo("gift");
            assertThat(order.items()).extracting(OrderItem::unitPrice).extracting(BigDecimal::toPlainString)
                    .containsExactly("0.10", "0.20", "999999999.99");
            assertThat(orders.get(caller, order.id())).isEqualTo(order);
        }

        @Test
        void everyInvalidFieldIsNamedAtOnce() {
            List<String> fields = fieldsOf(() -> orders.create(newCaller(), new OrderDraft("eur",
                    List.of(item("bad sku", 1, "1.00"), item("ok", 0, "1.005"), new OrderItemDraft(null, null, null)),
                    "x".repeat(1001)), Optional.empty()));

            assertThat(fields).containsExactlyInAnyOrder("currency", "items[0].sku",
                    "items[1].quantity", "items[1].unit_price", "items[2].sku", "items[2].quantity",
                    "items[2].unit_price", "comment");
        }

        @Test
        void anOrderHasOneToAHundredItemsAndNoNegativePrices() {
            assertThat(fieldsOf(() -> orders.create(newCaller(), draft("EUR", ""), Optional.empty())))
                    .containsExactly("items");
            OrderItemDraft[] many = Collections.nCopies(101, item("A", 1, "1")).toArray(OrderItemDraft[]::new);
            assertThat(fieldsOf(() -> orders.create(newCaller(), draft("EUR", "", many), Optional.empty())))
                    .containsExactly("items");
            assertThat(fieldsOf(() -> orders.create(newCaller(), draft("XXY", "", item("A", 1, "-1")), Optional.empty())))
                    .containsExactly("currency", "items[0].unit_price");
        }

        @Test
        void underAClientAssignedIdOnce() {
            AuthenticatedSession caller = newCaller();
            OrderId id = OrderId.generate(clock);

            Order order = orders.createWithId(caller, id, draft("USD", "", item("A", 1, "5")));

            assertThat(order.id()).isEqualTo(id);
            assertThatThrownBy(() -> orders.createWithId(caller, id, draft("USD", "", item("A", 1, "5"))))
                    .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "order_already_exists");
            assertThatThrownBy(() -> orders.createWithId(newCaller(), id, draft("USD", "", item("A", 1, "5"))))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    class Idempotency {

        @Test
        void aRetryWithTheSameKeyAndContentReturnsTheFirstOrder() {
            AuthenticatedSession caller = newCaller();
            Created<Order> first = orders.create(caller, draft("EUR", "", item("A", 1, "1.50")), Optional.of(new IdempotencyKey("k-1")));

            Created<Order> again = orders.create(caller, draft("EUR", "", item("A", 1, "1.50")), Optional.of(new IdempotencyKey("k-1")));

            assertThat(first.replayed()).isFalse();
            assertThat(again.replayed()).isTrue();
            assertThat(again.value()).isEqualTo(first.value());
        }

        @Test
        void theSameKeyWithOtherContentIsRefused() {
            AuthenticatedSession caller = newCaller();
            orders.create(caller, draft("EUR", "", item("A", 1, "1.50")), Optional.of(new IdempotencyKey("k-2")));

            assertThatThrownBy(() -> orders.create(caller, draft("EUR", "", item("A", 2, "1.50")), Optional.of(new IdempotencyKey("k-2"))))
                    .isInstanceOf(IdempotencyKeyReusedException.class);
        }

        @Test
        void concurrentDuplicatesMakeExactlyOneOrder() throws InterruptedException {
            AuthenticatedSession caller = newCaller();

            List<Race.Outcome> outcomes = Race.of(16, () -> orders.create(caller,
                    draft("EUR", "", item("A", 1, "1.50")), Optional.of(new IdempotencyKey("race"))));

            assertThat(outcomes).allMatch(Race.Outcome::succeeded);
            assertThat(outcomes.stream().map(outcome -> ((Order) ((Created<?>) outcome.result()).value()).id()).distinct())
                    .hasSize(1);
            assertThat(outcomes).filteredOn(outcome -> !((Created<?>) outcome.result()).replayed()).hasSize(1);
            assertThat(orders.list(caller, ListQuery.firstPage(List.of(SortKey.descending("created_at")), 100))
                    .items()).hasSize(1);
        }
    }

    @Nested
    class ReplacingAndDeleting {

        @Test
        void replacingRecomputesTheAmountAndRaisesTheVersion() {
            AuthenticatedSession caller = newCaller();
            Order order = create(caller);
            clock.advance(Duration.ofSeconds(1));

            Order replaced = orders.replace(caller, order.id(), draft("USD", "new", item("Z", 4, "0.25")), 0);

            assertThat(replaced.amount()).isEqualTo(new BigDecimal("1.00"));
            assertThat(replaced.currency()).isEqualTo("USD");
            assertThat(replaced.version()).isEqualTo(1);
            assertThat(replaced.createdAt()).isEqualTo(order.createdAt());
            assertThat(replaced.updatedAt()).isAfter(order.updatedAt());
        }

        @Test
        void aStaleVersionIsRefused() {
            AuthenticatedSession caller = newCaller();
            Order order = create(caller);
            orders.replace(caller, order.id(), draft("USD", "", item("Z", 1, "1")), 0);

            assertThatThrownBy(() -> orders.replace(caller, order.id(), draft("USD", "", item("Z", 1, "2")), 0))
                    .isInstanceOf(PreconditionFailedException.class);
            assertThatThrownBy(() -> orders.delete(caller, order.id(), 0)).isInstanceOf(PreconditionFailedException.class);
        }

        @Test
        void ofTwentyConcurrentReplacesAtOneVersionExactlyOneWins() throws InterruptedException {
            AuthenticatedSession caller = newCaller();
            Order order = create(caller);

            List<Race.Outcome> outcomes = Race.of(20, () -> orders.replace(caller, order.id(),
                    draft("EUR", Thread.currentThread().getName(), item("A", 1, "1")), 0));

            assertThat(outcomes).filteredOn(Race.Outcome::succeeded).hasSize(1);
            assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded()).hasSize(19)
                    .allSatisfy(outcome -> assertThat(outcome.error()).isInstanceOf(PreconditionFailedException.class));
            assertThat(orders.get(caller, order.id()).version()).isEqualTo(1);
        }

        @Test
        void onlyAnOpenOrderCanBeReplacedOrDeleted() {
            AuthenticatedSession caller = newCaller();
            Order order = create(caller);
            Order paid = orders.pay(caller, order.id());

            assertThatThrownBy(() -> orders.replace(caller, order.id(), draft("EUR", "", item("A", 1, "1")),
                    paid.version())).isInstanceOf(ConflictException.class)
                    .hasFieldOrPropertyWithValue("code", "order_not_open");
            assertThatThrownBy(() -> orders.delete(caller, order.id(), paid.version()))
                    .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "order_not_open");
        }

        @Test
        void aDeletedOrderIsGone() {
            AuthenticatedSession caller = newCaller();
            Order order = create(caller);

            orders.delete(caller, order.id(), 0);

            assertThat(orders.find(caller, order.id())).isEmpty();
            assertThatThrownBy(() -> orders.delete(caller, order.id(), 0)).isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    class StateMachine {

        @Test
        void anOrderIsPaidThenShipped() {
            AuthenticatedSession caller = newCaller();
            Order order = create(caller);

            Order paid = orders.pay(caller, order.id());
            Order shipped = orders.ship(caller, order.id());

            assertThat(paid.state()).isEqualTo(OrderState.PAID);
            assertThat(paid.paidAt()).isPresent();
            assertThat(shipped.state()).isEqualTo(OrderState.SHIPPED);
            assertThat(shipped.shippedAt()).isPresent();
            assertThat(shipped.version()).isEqualTo(2);
            assertThat(shipped.cancellable()).isFalse();
        }

        @Test
        void openAndPaidOrdersCanBeCancelledOnce() {
            AuthenticatedSession caller = newCaller();
            Order open = create(caller);
            Order paid = create(caller);
            orders.pay(caller, paid.id());

            Order cancelled = orders.cancel(caller, open.id(), "changed my mind");
            orders.cancel(caller, paid.id(), "too late");

            assertThat(cancelled.state()).isEqualTo(OrderState.CANCELLED);
            assertThat(cancelled.cancellation()).hasValueSatisfying(cancellation ->
                    assertThat(cancellation.reason()).isEqualTo("changed my mind"));
            assertThatThrownBy(() -> orders.cancel(caller, open.id(), "again")).isInstanceOf(ConflictException.class)
                    .hasFieldOrPropertyWithValue("code", "order_already_cancelled");
        }

        @Test
        void forbiddenMovesAreConflicts() {
            AuthenticatedSession caller = newCaller();
            Order order = create(caller);

            assertThatThrownBy(() -> orders.ship(caller, order.id())).hasFieldOrPropertyWithValue("code", "order_not_paid");
            orders.pay(caller, order.id());
            assertThatThrownBy(() -> orders.pay(caller, order.id())).hasFieldOrPropertyWithValue("code", "order_already_paid");
            orders.ship(caller, order.id());
            assertThatThrownBy(() -> orders.cancel(caller, order.id(), "no"))
                    .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "order_not_cancellable");
        }

        @Test
        void aCancellationNeedsAReason() {
            AuthenticatedSession caller = newCaller();
            Order order = create(caller);

            assertThat(fieldsOf(() -> orders.cancel(caller, order.id(), " "))).containsExactly("reason");
        }
    }

    @Nested
    class Privacy {

        @Test
        void anotherCallerIsToldTheOrderDoesNotExist() {
            AuthenticatedSession owner = newCaller();
            AuthenticatedSession stranger = newCaller();
            Order order = create(owner);
            OrderId id = order.id();

            List<ThrowingCallable> calls = new ArrayList<>(List.of(
                    () -> orders.get(stranger, id),
                    () -> orders.replace(stranger, id, draft("EUR", "", item("A", 1, "1")), 0),
                    () -> orders.delete(stranger, id, 0),
                    () -> orders.cancel(stranger, id, "mine now"),
                    () -> orders.pay(stranger, id),
                    () -> orders.ship(stranger, id)));
            for (ThrowingCallable call : calls) {
                assertThatThrownBy(call).isInstanceOf(NotFoundException.class)
                        .hasFieldOrPropertyWithValue("code", "order_not_found");
            }
            assertThat(orders.find(stranger, id)).isEmpty();
            assertThat(orders.list(stranger, ListQuery.firstPage(List.of(SortKey.descending("created_at")), 100))
                    .items()).isEmpty();
            assertThat(orders.get(owner, id)).isEqualTo(order);
        }
    }
}
