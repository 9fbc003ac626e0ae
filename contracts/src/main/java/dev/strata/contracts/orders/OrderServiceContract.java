package dev.strata.contracts.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.common.AlreadyExistsException;
import dev.strata.contracts.MutableClock;
import dev.strata.contracts.Race;
import dev.strata.contracts.RuleReporter;
import dev.strata.core.common.ConflictException;
import dev.strata.core.common.Created;
import dev.strata.core.common.FieldError;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.IdempotencyKeyReusedException;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.common.SortKey;
import dev.strata.core.common.Timestamps;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.Account;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.Session;
import dev.strata.core.identity.SessionId;
import dev.strata.core.orders.Cancellation;
import dev.strata.core.orders.Order;
import dev.strata.core.orders.OrderDraft;
import dev.strata.core.orders.OrderId;
import dev.strata.core.orders.OrderItem;
import dev.strata.core.orders.OrderItemDraft;
import dev.strata.core.orders.OrderService;
import dev.strata.core.orders.OrderState;
import dev.strata.core.orders.store.OrderRecord;
import dev.strata.core.orders.store.OrderStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The orders service's rules, run over any {@link OrderStore}: extend it with {@link #newStore()}.
 * Callers are made up here (the service trusts the session it is given), so no identity store is
 * needed.
 */
@ExtendWith(RuleReporter.class)
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
        return orders.create(caller, draft("EUR", "", item("A-1", 2, "9.99"))).value();
    }

    private static List<FieldError> errorsOf(ThrowingCallable call) {
        try {
            call.call();
        } catch (ValidationException invalid) {
            return invalid.errors();
        } catch (Throwable other) {
            throw new AssertionError("expected a validation failure, got " + other, other);
        }
        throw new AssertionError("expected a validation failure");
    }

    private static List<String> fieldsOf(ThrowingCallable call) {
        return errorsOf(call).stream().map(FieldError::field).toList();
    }

    /** Each error as {@code field:code}, such as {@code items[0].unit_price:too_precise}. */
    private static List<String> codesOf(ThrowingCallable call) {
        return errorsOf(call).stream().map(error -> error.field() + ":" + error.code()).toList();
    }

    private static OrderDraft withPrice(String unitPrice) {
        return draft("EUR", "", item("A", 1, unitPrice));
    }

    @Nested
    class Bounds {

        @Test
        void aHundredItemsAndAThousandCharacterCommentAreAcceptedAndOneMoreOfEitherIsNot() {
            OrderItemDraft[] hundred = Collections.nCopies(100, item("A", 1, "0.01")).toArray(OrderItemDraft[]::new);
            OrderItemDraft[] hundredAndOne = Collections.nCopies(101, item("A", 1, "0.01")).toArray(OrderItemDraft[]::new);
            // 1,000 characters that are 2,000 UTF-16 units: the bound counts characters.
            String thousand = "\ud83d\ude00".repeat(1000);

            Order order = orders.create(newCaller(), draft("EUR", thousand, hundred)).value();

            assertThat(order.items()).as("an order of exactly 100 items is accepted").hasSize(100);
            assertThat(order.amount()).isEqualTo(new BigDecimal("1.00"));
            assertThat(order.comment()).as("a comment of exactly 1,000 characters is kept whole").isEqualTo(thousand);
            assertThat(codesOf(() -> orders.create(newCaller(), draft("EUR", "", hundredAndOne))))
                    .as("101 items are refused").containsExactly("items:too_many");
            assertThat(codesOf(() -> orders.create(newCaller(), draft("EUR", "x".repeat(1001), item("A", 1, "1"))))).as("a 1,001-character comment is refused").containsExactly("comment:too_long");
        }

        @Test
        void aQuantityIsOneToTenThousand() {
            Order order = orders.create(newCaller(), draft("EUR", "", item("A", 1, "1"), item("B", 10_000, "1"))).value();

            assertThat(order.items()).extracting(OrderItem::quantity).containsExactly(1, 10_000);
            assertThat(codesOf(() -> orders.create(newCaller(), draft("EUR", "", item("A", 10_001, "1"))))).containsExactly("items[0].quantity:out_of_range");
            assertThat(codesOf(() -> orders.create(newCaller(), draft("EUR", "", item("A", 0, "1"))))).containsExactly("items[0].quantity:out_of_range");
        }

        @Test
        void aPriceIsFromZeroToTheMaximumToTheCent() {
            Order free = orders.create(newCaller(), withPrice("0")).value();
            Order dearest = orders.create(newCaller(), withPrice("999999999.99")).value();

            assertThat(free.amount()).as("a price of 0 is accepted").isEqualTo(new BigDecimal("0.00"));
            assertThat(dearest.amount()).as("the highest price is accepted").isEqualTo(new BigDecimal("999999999.99"));
            assertThat(codesOf(() -> orders.create(newCaller(), withPrice("-0.01"))))
                    .containsExactly("items[0].unit_price:out_of_range");
            assertThat(codesOf(() -> orders.create(newCaller(), withPrice("1000000000.00"))))
                    .containsExactly("items[0].unit_price:out_of_range");
        }

        @Test
        void aPriceWithThreeDecimalsIsRefusedByNameWhereverItIsSent() {
            AuthenticatedSession caller = newCaller();
            Order order = create(caller);

            assertThat(codesOf(() -> orders.create(caller, withPrice("1.005"))))
                    .as("create").containsExactly("items[0].unit_price:too_precise");
            assertThat(codesOf(() -> orders.createWithId(caller, OrderId.generate(clock), withPrice("1.005"))))
                    .as("create under an id").containsExactly("items[0].unit_price:too_precise");
            assertThat(codesOf(() -> orders.replace(caller, order.id(), withPrice("1.005"), 0)))
                    .as("replace").containsExactly("items[0].unit_price:too_precise");
            assertThat(orders.get(caller, order.id())).as("a refused replace changes nothing").isEqualTo(order);
        }

        @Test
        void eachMissingPartOfAnItemIsNamedOnItsOwn() {
            AuthenticatedSession caller = newCaller();

            assertThat(codesOf(() -> orders.create(caller, draft("EUR", "", new OrderItemDraft(null, 1, BigDecimal.ONE))))).containsExactly("items[0].sku:required");
            assertThat(codesOf(() -> orders.create(caller, draft("EUR", "", new OrderItemDraft("A", null, BigDecimal.ONE))))).containsExactly("items[0].quantity:required");
            assertThat(codesOf(() -> orders.create(caller, draft("EUR", "", new OrderItemDraft("A", 1, null))))).containsExactly("items[0].unit_price:required");
            assertThat(codesOf(() -> orders.create(caller, new OrderDraft("EUR", null, ""))))
                    .containsExactly("items:required");
            assertThat(codesOf(() -> orders.create(caller, new OrderDraft("EUR", List.of(), ""))))
                    .containsExactly("items:too_few");
            assertThat(fieldsOf(() -> orders.create(caller, new OrderDraft(null, List.of(item("A", 1, "1")), "")))).containsExactly("currency");
        }

        @Test
        void aCommentKeepsLineBreaksAndTabsButNoOtherControlCharacter() {
            Order order = orders.create(newCaller(), draft("EUR", "ring\n\tthe bell", item("A", 1, "1"))).value();
            Order withoutComment = orders.create(newCaller(), draft("EUR", null, item("A", 1, "1"))).value();

            assertThat(order.comment()).isEqualTo("ring\n\tthe bell");
            assertThat(withoutComment.comment()).as("a missing comment is empty").isEmpty();
            assertThat(codesOf(() -> orders.create(newCaller(), draft("EUR", "bell\u0007", item("A", 1, "1"))))).containsExactly("comment:control_characters");
        }

        @Test
        void creatingUnderAnIdChecksTheContentAndStoresNothingWhenItIsRefused() {
            AuthenticatedSession caller = newCaller();
            OrderId id = OrderId.generate(clock);

            assertThat(fieldsOf(() -> orders.createWithId(caller, id, new OrderDraft("eur", List.of(), ""))))
                    .as("every invalid field is named").containsExactlyInAnyOrder("currency", "items");
            assertThat(orders.find(caller, id)).as("a refused creation stores nothing").isEmpty();
        }

        @Test
        void replacingChecksTheContentAndChangesNothingWhenItIsRefused() {
            AuthenticatedSession caller = newCaller();
            Order order = create(caller);

            assertThat(fieldsOf(() -> orders.replace(caller, order.id(), new OrderDraft("eur", null, null), 0)))
                    .containsExactlyInAnyOrder("currency", "items");
            assertThat(orders.get(caller, order.id())).as("a refused replace changes nothing").isEqualTo(order);
        }
    }

    @Nested
    class Creating {

        @Test
        void theAmountIsTheExactSumOfTheItems() {
            AuthenticatedSession caller = newCaller();

            Order order = orders.create(caller, draft("EUR", "gift", item("A-1", 3, "0.10"), item("B", 1, "0.2"),
                    item("C", 10000, "999999999.99"))).value();

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
                    "x".repeat(1001))));

            assertThat(fields).containsExactlyInAnyOrder("currency", "items[0].sku",
                    "items[1].quantity", "items[1].unit_price", "items[2].sku", "items[2].quantity",
                    "items[2].unit_price", "comment");
        }

        @Test
        void anOrderHasOneToAHundredItemsAndNoNegativePrices() {
            assertThat(fieldsOf(() -> orders.create(newCaller(), draft("EUR", ""))))
                    .containsExactly("items");
            OrderItemDraft[] many = Collections.nCopies(101, item("A", 1, "1")).toArray(OrderItemDraft[]::new);
            assertThat(fieldsOf(() -> orders.create(newCaller(), draft("EUR", "", many))))
                    .containsExactly("items");
            assertThat(fieldsOf(() -> orders.create(newCaller(), draft("XXY", "", item("A", 1, "-1")))))
                    .containsExactly("currency", "items[0].unit_price");
        }

        @Test
        void underAClientAssignedIdOnce() {
            AuthenticatedSession caller = newCaller();
            OrderId id = OrderId.generate(clock);

            Order order = orders.createWithId(caller, id, draft("USD", "", item("A", 1, "5")));

            assertThat(order.id()).isEqualTo(id);
            assertThatThrownBy(() -> orders.createWithId(caller, id, draft("USD", "", item("A", 1, "5"))))
                    .isInstanceOf(AlreadyExistsException.class).hasFieldOrPropertyWithValue("code", "order_already_exists");
            assertThatThrownBy(() -> orders.createWithId(newCaller(), id, draft("USD", "", item("A", 1, "5"))))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    class Idempotency {

        @Test
        void aRetryWithTheSameKeyAndContentReturnsTheFirstOrder() {
            AuthenticatedSession caller = newCaller();
            Created<Order> first = orders.create(caller, draft("EUR", "", item("A", 1, "1.50")), new IdempotencyKey("k-1"));

            Created<Order> again = orders.create(caller, draft("EUR", "", item("A", 1, "1.50")), new IdempotencyKey("k-1"));

            assertThat(first.replayed()).isFalse();
            assertThat(again.replayed()).isTrue();
            assertThat(again.value()).isEqualTo(first.value());
        }

        @Test
        void theSameKeyWithOtherContentIsRefused() {
            AuthenticatedSession caller = newCaller();
            orders.create(caller, draft("EUR", "", item("A", 1, "1.50")), new IdempotencyKey("k-2"));

            assertThatThrownBy(() -> orders.create(caller, draft("EUR", "", item("A", 2, "1.50")), new IdempotencyKey("k-2")))
                    .isInstanceOf(IdempotencyKeyReusedException.class);
        }

        @Test
        void concurrentDuplicatesMakeExactlyOneOrder() throws InterruptedException {
            AuthenticatedSession caller = newCaller();

            List<Race.Outcome> outcomes = Race.of(16, () -> orders.create(caller,
                    draft("EUR", "", item("A", 1, "1.50")), new IdempotencyKey("race")));

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
        void aStaleVersionIsReportedBeforeTheOrderIsFoundNotOpen() {
            AuthenticatedSession caller = newCaller();
            Order order = create(caller);
            orders.pay(caller, order.id());

            assertThatThrownBy(() -> orders.replace(caller, order.id(), draft("EUR", "", item("A", 1, "1")), 0))
                    .as("a replace at a stale version of a paid order is a precondition failure")
                    .isInstanceOf(PreconditionFailedException.class);
            assertThatThrownBy(() -> orders.delete(caller, order.id(), 0))
                    .as("a delete at a stale version of a paid order is a precondition failure")
                    .isInstanceOf(PreconditionFailedException.class);
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
            assertThatThrownBy(() -> orders.ship(caller, order.id())).as("shipping twice says it is already done")
                    .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "order_already_shipped");
        }

        @Test
        void payingStampsPaidAtAndShippingStampsShippedAtEachAtItsOwnTime() {
            AuthenticatedSession caller = newCaller();
            Order order = create(caller);
            clock.advance(Duration.ofSeconds(10));
            Instant paidAt = Timestamps.now(clock);

            Order paid = orders.pay(caller, order.id());
            clock.advance(Duration.ofSeconds(10));
            Instant shippedAt = Timestamps.now(clock);
            Order shipped = orders.ship(caller, order.id());

            assertThat(paid.paidAt()).as("paying stamps paid_at").contains(paidAt);
            assertThat(paid.shippedAt()).as("paying does not stamp shipped_at").isEmpty();
            assertThat(paid.cancellation()).as("paying does not cancel").isEmpty();
            assertThat(paid.updatedAt()).isEqualTo(paidAt);
            assertThat(paid.version()).isEqualTo(1);
            assertThat(shipped.shippedAt()).as("shipping stamps shipped_at").contains(shippedAt);
            assertThat(shipped.paidAt()).as("shipping keeps paid_at").contains(paidAt);
            assertThat(shipped.cancellation()).as("shipping does not cancel").isEmpty();
            assertThat(shipped.updatedAt()).isEqualTo(shippedAt);
            assertThat(shipped.createdAt()).isEqualTo(order.createdAt());
            assertThat(shipped.amount()).isEqualTo(order.amount());
            assertThat(shipped.items()).isEqualTo(order.items());
            assertThat(orders.get(caller, order.id())).as("the order reads back as shipped").isEqualTo(shipped);
        }

        @Test
        void cancellingStampsTheCancellationAndKeepsWhatCameBefore() {
            AuthenticatedSession caller = newCaller();
            Order open = create(caller);
            Order toPay = create(caller);
            clock.advance(Duration.ofSeconds(10));
            Instant paidAt = Timestamps.now(clock);
            orders.pay(caller, toPay.id());
            clock.advance(Duration.ofSeconds(10));
            Instant cancelledAt = Timestamps.now(clock);

            Order cancelledOpen = orders.cancel(caller, open.id(), "  changed my mind ");
            Order cancelledPaid = orders.cancel(caller, toPay.id(), "too late");

            assertThat(cancelledOpen.cancellation()).as("cancelling stamps the reason, trimmed, and the time")
                    .contains(new Cancellation("changed my mind", cancelledAt));
            assertThat(cancelledOpen.paidAt()).as("cancelling does not stamp paid_at").isEmpty();
            assertThat(cancelledOpen.shippedAt()).as("cancelling does not stamp shipped_at").isEmpty();
            assertThat(cancelledOpen.updatedAt()).isEqualTo(cancelledAt);
            assertThat(cancelledPaid.cancellation()).contains(new Cancellation("too late", cancelledAt));
            assertThat(cancelledPaid.paidAt()).as("cancelling a paid order keeps paid_at").contains(paidAt);
            assertThat(cancelledPaid.shippedAt()).isEmpty();
            assertThat(cancelledPaid.version()).isEqualTo(2);
            assertThat(orders.get(caller, toPay.id())).isEqualTo(cancelledPaid);
        }

        @Test
        void aReasonIsAtMostFiveHundredCharacters() {
            AuthenticatedSession caller = newCaller();
            Order order = create(caller);

            assertThat(codesOf(() -> orders.cancel(caller, order.id(), "x".repeat(501))))
                    .containsExactly("reason:too_long");
            assertThat(orders.cancel(caller, order.id(), "x".repeat(500)).cancellation())
                    .hasValueSatisfying(cancellation -> assertThat(cancellation.reason()).hasSize(500));
        }

        @Test
        void aMoveThatMeetsAConcurrentChangeLooksAgainAndSucceeds() {
            AuthenticatedSession caller = newCaller();
            InterferingStore interfering = new InterferingStore(newStore(), 1);
            OrderService service = new OrderService(interfering, clock);
            Order order = service.create(caller, draft("EUR", "", item("A", 1, "1"))).value();

            Order paid = service.pay(caller, order.id());

            assertThat(paid.state()).isEqualTo(OrderState.PAID);
            assertThat(paid.version()).as("one concurrent change and the payment").isEqualTo(2);
            assertThat(interfering.writes.get()).as("the service wrote twice: once stale, once current").isEqualTo(2);
        }

        @Test
        void aMoveThatKeepsMeetingConcurrentChangesGivesUpAfterFiveAttempts() {
            AuthenticatedSession caller = newCaller();
            InterferingStore interfering = new InterferingStore(newStore(), Integer.MAX_VALUE);
            OrderService service = new OrderService(interfering, clock);
            Order order = service.create(caller, draft("EUR", "", item("A", 1, "1"))).value();

            assertThatThrownBy(() -> service.cancel(caller, order.id(), "never mind"))
                    .as("a move that never meets its version is a precondition failure")
                    .isInstanceOf(PreconditionFailedException.class);
            assertThat(interfering.writes.get()).as("the service tried exactly five times").isEqualTo(5);
            assertThat(service.get(caller, order.id()).state()).isEqualTo(OrderState.OPEN);
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

    /**
     * A store in which another writer changes an order (without changing its content) just before
     * each of the service's next {@code interferences} writes, so that those writes are stale.
     */
    private static final class InterferingStore extends ForwardingOrderStore {

        private int interferences;
        final AtomicInteger writes = new AtomicInteger();

        InterferingStore(OrderStore store, int interferences) {
            super(store);
            this.interferences = interferences;
        }

        @Override
        public OrderRecord update(OrderRecord order, long expectedVersion) {
            writes.incrementAndGet();
            if (interferences > 0) {
                interferences--;
                OrderRecord current = real.find(order.id()).orElseThrow();
                real.update(current, current.version());
            }
            return real.update(order, expectedVersion);
        }
    }

    @Nested
    class AccountClosing {

        @Test
        void everyOpenOrderIsCancelledAndTheRestIsKeptForTheRecord() {
            AuthenticatedSession closing = newCaller();
            AuthenticatedSession other = newCaller();
            List<Order> open = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                open.add(create(closing));
            }
            Order paid = orders.pay(closing, create(closing).id());
            Order shipped = orders.ship(closing, orders.pay(closing, create(closing).id()).id());
            Order cancelled = orders.cancel(closing, create(closing).id(), "changed my mind");
            Order othersOpen = create(other);

            int count = orders.cancelOpenOrders(closing.accountId(), "account closed");

            assertThat(count).isEqualTo(3);
            for (Order order : open) {
                Order now = orders.get(closing, order.id());
                assertThat(now.state()).isEqualTo(OrderState.CANCELLED);
                assertThat(now.cancellation()).hasValueSatisfying(
                        cancellation -> assertThat(cancellation.reason()).isEqualTo("account closed"));
            }
            assertThat(orders.get(closing, paid.id())).isEqualTo(paid);
            assertThat(orders.get(closing, shipped.id())).isEqualTo(shipped);
            assertThat(orders.get(closing, cancelled.id())).isEqualTo(cancelled);
            assertThat(orders.get(other, othersOpen.id())).isEqualTo(othersOpen);
            assertThat(orders.cancelOpenOrders(closing.accountId(), "account closed")).isZero();
        }

        @Test
        void moreOpenOrdersThanOnePageAreAllCancelled() {
            AuthenticatedSession closing = newCaller();
            for (int i = 0; i < ListQuery.MAX_LIMIT + 1; i++) {
                create(closing);
            }

            assertThat(orders.cancelOpenOrders(closing.accountId(), "account closed")).isEqualTo(ListQuery.MAX_LIMIT + 1);
        }
    }
}
