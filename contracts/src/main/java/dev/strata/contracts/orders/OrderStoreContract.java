package dev.strata.contracts.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.contracts.Checks;
import dev.strata.contracts.Race;
import dev.strata.contracts.RuleReporter;
import dev.strata.core.common.AlreadyExistsException;
import dev.strata.core.common.Created;
import dev.strata.core.common.Filter;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.IdempotencyKeyReusedException;
import dev.strata.core.common.IdempotentRequest;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.Page;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.common.QueryOperator;
import dev.strata.core.common.RequestFingerprint;
import dev.strata.core.common.SortKey;
import dev.strata.core.common.Timestamps;
import dev.strata.core.identity.AccountId;
import dev.strata.core.orders.OrderId;
import dev.strata.core.orders.OrderState;
import dev.strata.core.orders.store.OrderItemRecord;
import dev.strata.core.orders.store.OrderRecord;
import dev.strata.core.orders.store.OrderStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The behaviour every {@link OrderStore} must have. Extend it with {@link #newStore()} returning
 * your implementation; every test works on orders of owners it makes up, so a store may share its
 * database with other tests. List results are checked against orders filtered and sorted here, in
 * plain Java.
 */
@ExtendWith(RuleReporter.class)
public abstract class OrderStoreContract {

    protected static final Instant T0 = Timestamps.now(Clock.systemUTC());
    private static final List<String> STATES = List.of("open", "paid", "shipped", "cancelled");

    protected OrderStore store;

    /** A new store; it may share its backing database with other tests. */
    protected abstract OrderStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    protected static AccountId newOwner() {
        return AccountId.generate(Clock.systemUTC());
    }

    protected static OrderRecord order(AccountId owner, Instant createdAt, OrderState state, String currency,
            String amount, String... skus) {
        List<OrderItemRecord> items = new ArrayList<>();
        for (int i = 0; i < skus.length; i++) {
            items.add(new OrderItemRecord(skus[i], i + 1, i == 0 ? new BigDecimal(amount) : new BigDecimal("0.00")));
        }
        return new OrderRecord(OrderId.generate(Clock.systemUTC()), owner, state, currency, items,
                new BigDecimal(amount), "", createdAt, createdAt, 0, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static OrderRecord withIdempotency(OrderRecord order, String key, String fingerprint) {
        return new OrderRecord(order.id(), order.ownerId(), order.state(), order.currency(), order.items(),
                order.amount(), order.comment(), order.createdAt(), order.updatedAt(), order.version(),
                Optional.of(new IdempotentRequest(new IdempotencyKey(key), RequestFingerprint.of("test", fingerprint))), order.paidAt(), order.shippedAt(),
                order.cancelledAt(), order.cancellationReason());
    }

    private static OrderRecord changed(OrderRecord order, OrderState state, String comment, Instant at) {
        return new OrderRecord(order.id(), order.ownerId(), state, order.currency(), order.items(), order.amount(),
                comment, order.createdAt(), at, order.version(), order.idempotency(), order.paidAt(),
                order.shippedAt(), Optional.of(at), Optional.of("changed my mind"));
    }

    private static OrderRecord moved(OrderRecord order, OrderState state, Instant at, Optional<Instant> paidAt,
            Optional<Instant> shippedAt) {
        return new OrderRecord(order.id(), order.ownerId(), state, order.currency(), order.items(), order.amount(),
                order.comment(), order.createdAt(), at, order.version(), order.idempotency(), paidAt, shippedAt,
                Optional.empty(), Optional.empty());
    }

    private static OrderRecord atVersion(OrderRecord order, long version) {
        return new OrderRecord(order.id(), order.ownerId(), order.state(), order.currency(), order.items(),
                order.amount(), order.comment(), order.createdAt(), order.updatedAt(), version, order.idempotency(),
                order.paidAt(), order.shippedAt(), order.cancelledAt(), order.cancellationReason());
    }

    @Nested
    class Inserting {

        @Test

        @Checks(OrderStoreRules.INSERT)
        void anInsertedOrderReadsBackExactlyAtVersionZero() {
            OrderRecord order = order(newOwner(), T0, OrderState.OPEN, "EUR", "1234567.89", "A-1", "b.2");

            Created<OrderRecord> insertion = store.insert(order);

            assertThat(insertion.replayed()).isFalse();
            assertThat(insertion.value()).isEqualTo(order);
            OrderRecord found = store.find(order.id()).orElseThrow();
            assertThat(found).isEqualTo(order);
            assertThat(found.amount()).isEqualTo(new BigDecimal("1234567.89"));
            assertThat(found.items().get(1).unitPrice()).isEqualTo(new BigDecimal("0.00"));
        }

        @Test

        @Checks(OrderStoreRules.FIND_MISS)
        void aMissingOrderIsEmpty() {
            assertThat(store.find(OrderId.generate(Clock.systemUTC()))).isEmpty();
        }

        @Test

        @Checks(OrderStoreRules.ID_UNIQUE)
        void aSecondOrderWithTheSameIdConflicts() {
            OrderRecord order = order(newOwner(), T0, OrderState.OPEN, "EUR", "1.00", "A");
            store.insert(order);

            OrderRecord other = new OrderRecord(order.id(), newOwner(), OrderState.OPEN, "USD", order.items(),
                    order.amount(), "", T0, T0, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());

            assertThatThrownBy(() -> store.insert(other)).isInstanceOf(AlreadyExistsException.class)
                    .hasFieldOrPropertyWithValue("code", "order_already_exists");
            assertThat(store.find(order.id()).orElseThrow().currency()).isEqualTo("EUR");
        }

        @Test

        @Checks(OrderStoreRules.REPLAY)
        void anIdempotencyKeyAlreadyUsedByTheOwnerReturnsTheFirstOrder() {
            AccountId owner = newOwner();
            OrderRecord first = withIdempotency(order(owner, T0, OrderState.OPEN, "EUR", "1.00", "A"), "key-1", "f1");
            store.insert(first);

            Created<OrderRecord> again = store.insert(withIdempotency(order(owner, T0, OrderState.OPEN, "EUR", "1.00", "A"),
                    "key-1", "f1"));

            assertThat(again.replayed()).isTrue();
            assertThat(again.value()).isEqualTo(first);
        }

        @Test

        @Checks(OrderStoreRules.KEY_REUSED)
        void anIdempotencyKeyUsedWithAnotherFingerprintIsRefused() {
            AccountId owner = newOwner();
            OrderRecord first = withIdempotency(order(owner, T0, OrderState.OPEN, "EUR", "1.00", "A"), "key-2", "f1");
            store.insert(first);

            assertThatThrownBy(() -> store.insert(withIdempotency(order(owner, T0, OrderState.OPEN, "EUR", "2.00", "B"),
                    "key-2", "f2"))).isInstanceOf(IdempotencyKeyReusedException.class);
            assertThat(store.find(first.id())).contains(first);
        }

        @Test

        @Checks(OrderStoreRules.KEYS_PER_OWNER)
        void theSameKeyOfAnotherOwnerIsAnotherOrder() {
            store.insert(withIdempotency(order(newOwner(), T0, OrderState.OPEN, "EUR", "1.00", "A"), "shared", "f"));

            assertThat(store.insert(withIdempotency(order(newOwner(), T0, OrderState.OPEN, "EUR", "1.00", "A"),
                    "shared", "f")).replayed()).isFalse();
        }

        @Test

        @Checks(OrderStoreRules.REPLAY)
        void ofConcurrentInsertsUnderOneKeyExactlyOneInserts() throws InterruptedException {
            AccountId owner = newOwner();

            List<Race.Outcome> outcomes = Race.of(16, () -> store.insert(
                    withIdempotency(order(owner, T0, OrderState.OPEN, "EUR", "5.00", "A"), "race", "same")));

            assertThat(outcomes).allMatch(Race.Outcome::succeeded);
            List<Created<?>> insertions = outcomes.stream().<Created<?>>map(outcome -> (Created<?>) outcome.result()).toList();
            assertThat(insertions).filteredOn(insertion -> !insertion.replayed()).hasSize(1);
            assertThat(insertions.stream().map(insertion -> ((OrderRecord) insertion.value()).id()).distinct()).hasSize(1);
            assertThat(store.list(owner, ListQuery.firstPage(List.of(SortKey.descending("created_at")), 100)).items())
                    .hasSize(1);
        }
    }

    @Nested
    class Updating {

        @Test

        @Checks(OrderStoreRules.UPDATE)
        void anUpdateAtTheCurrentVersionWritesAndRaisesTheVersion() {
            OrderRecord order = order(newOwner(), T0, OrderState.OPEN, "EUR", "1.00", "A");
            store.insert(order);

            OrderRecord updated = store.update(changed(order, OrderState.CANCELLED, "bye", T0.plusSeconds(1)), 0);

            assertThat(updated.version()).isEqualTo(1);
            assertThat(updated.state()).isEqualTo(OrderState.CANCELLED);
            assertThat(updated.cancellationReason()).contains("changed my mind");
            assertThat(store.find(order.id())).contains(updated);
        }

        @Test

        @Checks(OrderStoreRules.UPDATE_STALE)
        void anUpdateAtAStaleVersionFailsAndChangesNothing() {
            OrderRecord order = order(newOwner(), T0, OrderState.OPEN, "EUR", "1.00", "A");
            store.insert(order);
            store.update(changed(order, OrderState.OPEN, "one", T0), 0);

            assertThatThrownBy(() -> store.update(changed(order, OrderState.OPEN, "two", T0), 0))
                    .isInstanceOf(PreconditionFailedException.class);
            assertThat(store.find(order.id()).orElseThrow().comment()).isEqualTo("one");
        }

        @Test

        @Checks({OrderStoreRules.UPDATE_MISSING, OrderStoreRules.DELETE_MISSING})
        void updatingOrDeletingAMissingOrderIsNotFound() {
            OrderRecord order = order(newOwner(), T0, OrderState.OPEN, "EUR", "1.00", "A");

            assertThatThrownBy(() -> store.update(order, 0)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> store.delete(order.id(), 0)).isInstanceOf(NotFoundException.class);
        }

        @Test

        @Checks(OrderStoreRules.UPDATE_STALE)
        void ofConcurrentUpdatesAtOneVersionExactlyOneSucceeds() throws InterruptedException {
            OrderRecord order = order(newOwner(), T0, OrderState.OPEN, "EUR", "1.00", "A");
            store.insert(order);

            List<Race.Outcome> outcomes = Race.of(20, () -> store.update(changed(order, OrderState.OPEN,
                    Thread.currentThread().getName(), T0), 0));

            assertThat(outcomes).filteredOn(Race.Outcome::succeeded).hasSize(1);
            assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded())
                    .allSatisfy(outcome -> assertThat(outcome.error()).isInstanceOf(PreconditionFailedException.class));
            assertThat(store.find(order.id()).orElseThrow().version()).isEqualTo(1);
        }

        @Test

        @Checks(OrderStoreRules.UPDATE)
        void anUpdateWritesEveryStateTimeAndReasonItIsGiven() {
            OrderRecord order = order(newOwner(), T0, OrderState.OPEN, "EUR", "1.00", "A");
            store.insert(order);
            Instant paidAt = T0.plusSeconds(1);
            Instant shippedAt = T0.plusSeconds(2);
            OrderRecord paid = moved(order, OrderState.PAID, paidAt, Optional.of(paidAt), Optional.empty());
            OrderRecord shipped = moved(paid, OrderState.SHIPPED, shippedAt, Optional.of(paidAt), Optional.of(shippedAt));

            OrderRecord afterPaying = store.update(paid, 0);
            OrderRecord afterShipping = store.update(shipped, 1);

            assertThat(afterPaying).as("the store writes paid_at as given and nothing else")
                    .isEqualTo(atVersion(paid, 1));
            assertThat(afterShipping).as("the store writes shipped_at as given and keeps paid_at")
                    .isEqualTo(atVersion(shipped, 2));
            assertThat(store.find(order.id())).contains(afterShipping);
        }

        @Test

        @Checks(OrderStoreRules.UPDATE_KEEPS)
        void anUpdateKeepsIdOwnerCreationAndIdempotencyAndCountsTheVersionItself() {
            OrderRecord order = withIdempotency(order(newOwner(), T0, OrderState.OPEN, "EUR", "1.00", "A"), "kept", "f");
            store.insert(order);
            OrderRecord rewritten = new OrderRecord(order.id(), newOwner(), OrderState.OPEN, "USD",
                    List.of(new OrderItemRecord("Z", 4, new BigDecimal("0.25"))), new BigDecimal("1.00"), "new",
                    T0.plusSeconds(50), T0.plusSeconds(60), 42, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());

            OrderRecord updated = store.update(rewritten, 0);

            assertThat(updated).as("owner, creation time and idempotency are the stored ones; the version is one more")
                    .isEqualTo(new OrderRecord(order.id(), order.ownerId(), OrderState.OPEN, "USD", rewritten.items(),
                            rewritten.amount(), "new", order.createdAt(), T0.plusSeconds(60), 1, order.idempotency(),
                            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
            assertThat(store.find(order.id())).contains(updated);
            assertThat(store.insert(withIdempotency(order(order.ownerId(), T0, OrderState.OPEN, "EUR", "1.00", "A"),
                    "kept", "f"))).as("the key still names the order").isEqualTo(Created.replayed(updated));
        }

        @Test

        @Checks(OrderStoreRules.DELETE_FREES_KEY)
        void aDeletedOrdersKeyIsFreeAgain() {
            AccountId owner = newOwner();
            OrderRecord order = withIdempotency(order(owner, T0, OrderState.OPEN, "EUR", "1.00", "A"), "freed", "f");
            store.insert(order);
            store.delete(order.id(), 0);

            Created<OrderRecord> again = store.insert(withIdempotency(order(owner, T0, OrderState.OPEN, "EUR", "2.00",
                    "B"), "freed", "other"));

            assertThat(again.replayed()).as("a deleted order's key makes a new order").isFalse();
            assertThat(store.find(again.value().id())).contains(again.value());
        }

        @Test

        @Checks(OrderStoreRules.DELETE)
        void aDeleteAtTheCurrentVersionRemovesTheOrder() {
            OrderRecord order = order(newOwner(), T0, OrderState.OPEN, "EUR", "1.00", "A");
            store.insert(order);

            assertThatThrownBy(() -> store.delete(order.id(), 3)).isInstanceOf(PreconditionFailedException.class);
            store.delete(order.id(), 0);

            assertThat(store.find(order.id())).isEmpty();
        }
    }

    @Nested
    class Listing {

        private AccountId owner;
        private List<OrderRecord> orders;

        /** 30 orders with repeated times, amounts and states, so that ties need the id to break them. */
        @BeforeEach
        void insertOrders() {
            owner = newOwner();
            orders = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                OrderRecord order = order(owner, T0.plus(Duration.ofMinutes(i % 7)), OrderState.valueOf(
                                STATES.get(i % 4).toUpperCase(Locale.ROOT)), i % 3 == 0 ? "USD" : "EUR",
                        (i % 5) * 10 + (i % 2 == 0 ? ".50" : ".00"), "SKU-" + (i % 4), "common");
                store.insert(order);
                orders.add(order);
            }
            // Someone else's orders never show up.
            store.insert(order(newOwner(), T0, OrderState.OPEN, "EUR", "10.50", "SKU-1"));
        }

        private Object value(OrderRecord order, String field) {
            return switch (field) {
                case "state" -> order.state().name().toLowerCase(Locale.ROOT);
                case "currency" -> order.currency();
                case "amount" -> order.amount();
                case "created_at" -> order.createdAt();
                case "updated_at" -> order.updatedAt();
                default -> throw new IllegalArgumentException(field);
            };
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Comparator<OrderRecord> orderOf(List<SortKey> keys) {
            Comparator<OrderRecord> comparator = (left, right) -> 0;
            for (SortKey key : keys) {
                Comparator<OrderRecord> byKey = Comparator.comparing(order -> (Comparable) value(order, key.field()));
                comparator = comparator.thenComparing(key.descending() ? byKey.reversed() : byKey);
            }
            Comparator<OrderRecord> byId = Comparator.comparing(order -> order.id().value());
            return comparator.thenComparing(keys.getLast().descending() ? byId.reversed() : byId);
        }

        private List<OrderId> expected(Predicate<OrderRecord> filter, List<SortKey> sort) {
            return orders.stream().filter(filter).sorted(orderOf(sort)).map(OrderRecord::id).toList();
        }

        private List<OrderId> ids(Page<OrderRecord> page) {
            return page.items().stream().map(OrderRecord::id).toList();
        }

        private List<OrderId> all(Filter filter) {
            return ids(store.list(owner, new ListQuery(List.of(filter), List.of(SortKey.ascending("amount")), 100, 0,
                    Optional.empty())));
        }

        private static Filter filter(String field, QueryOperator operator, Comparable<?>... values) {
            return new Filter(field, operator, List.of(values));
        }

        @Test

        @Checks(OrderStoreRules.LIST_FILTERS)
        void everyOperatorFiltersAsItSays() {
            BigDecimal twenty = new BigDecimal("20.5");
            Instant third = T0.plus(Duration.ofMinutes(3));
            List<SortKey> byAmount = List.of(SortKey.ascending("amount"));
            assertThat(all(filter("state", QueryOperator.EQ, "open")))
                    .isEqualTo(expected(order -> order.state() == OrderState.OPEN, byAmount));
            assertThat(all(filter("state", QueryOperator.NE, "open")))
                    .isEqualTo(expected(order -> order.state() != OrderState.OPEN, byAmount));
            assertThat(all(filter("state", QueryOperator.IN, "open", "paid"))).isEqualTo(expected(
                    order -> order.state() == OrderState.OPEN || order.state() == OrderState.PAID, byAmount));
            assertThat(all(filter("amount", QueryOperator.GT, twenty)))
                    .isEqualTo(expected(order -> order.amount().compareTo(twenty) > 0, byAmount));
            assertThat(all(filter("amount", QueryOperator.GTE, twenty)))
                    .isEqualTo(expected(order -> order.amount().compareTo(twenty) >= 0, byAmount));
            assertThat(all(filter("amount", QueryOperator.LT, twenty)))
                    .isEqualTo(expected(order -> order.amount().compareTo(twenty) < 0, byAmount));
            assertThat(all(filter("amount", QueryOperator.LTE, twenty)))
                    .isEqualTo(expected(order -> order.amount().compareTo(twenty) <= 0, byAmount));
            assertThat(all(filter("amount", QueryOperator.EQ, new BigDecimal("20.50"))))
                    .isEqualTo(expected(order -> order.amount().compareTo(twenty) == 0, byAmount)).isNotEmpty();
            assertThat(all(filter("created_at", QueryOperator.GT, third)))
                    .isEqualTo(expected(order -> order.createdAt().isAfter(third), byAmount));
            assertThat(all(filter("updated_at", QueryOperator.LTE, third)))
                    .isEqualTo(expected(order -> !order.updatedAt().isAfter(third), byAmount));
            assertThat(all(filter("currency", QueryOperator.EQ, "USD")))
                    .isEqualTo(expected(order -> order.currency().equals("USD"), byAmount));
            assertThat(all(filter("sku", QueryOperator.EQ, "SKU-2")))
                    .isEqualTo(expected(order -> order.items().getFirst().sku().equals("SKU-2"), byAmount));
            assertThat(all(filter("sku", QueryOperator.IN, "SKU-1", "SKU-3", "nothing"))).isEqualTo(expected(
                    order -> Set.of("SKU-1", "SKU-3").contains(order.items().getFirst().sku()), byAmount));
        }

        @Test

        @Checks(OrderStoreRules.LIST_FILTERS)
        void filtersCombineWithAnd() {
            List<SortKey> sort = List.of(SortKey.descending("created_at"));
            Page<OrderRecord> page = store.list(owner, new ListQuery(List.of(
                    filter("state", QueryOperator.IN, "open", "paid"),
                    filter("amount", QueryOperator.GTE, new BigDecimal("10")),
                    filter("currency", QueryOperator.EQ, "EUR")), sort, 100, 0, Optional.empty()));

            assertThat(ids(page)).isEqualTo(expected(order -> (order.state() == OrderState.OPEN
                    || order.state() == OrderState.PAID) && order.amount().compareTo(BigDecimal.TEN) >= 0
                    && order.currency().equals("EUR"), sort)).isNotEmpty();
        }

        private List<List<SortKey>> sorts() {
            return List.of(List.of(SortKey.descending("created_at")), List.of(SortKey.ascending("created_at")),
                    List.of(SortKey.ascending("amount")), List.of(SortKey.descending("amount")),
                    List.of(SortKey.ascending("state")), List.of(SortKey.descending("updated_at")),
                    List.of(SortKey.descending("created_at"), SortKey.ascending("amount")),
                    List.of(SortKey.ascending("state"), SortKey.descending("amount"), SortKey.ascending("created_at")));
        }

        private List<Comparable<?>> valuesOf(OrderRecord order, List<SortKey> sort) {
            return sort.stream().<Comparable<?>>map(key -> (Comparable<?>) value(order, key.field())).toList();
        }

        @Test

        @Checks(OrderStoreRules.LIST_SORT)
        void keysetPagesCoverEverySortForwardAndBackward() {
            for (List<SortKey> sort : sorts()) {
                ListQuery first = ListQuery.firstPage(sort, 7);
                List<OrderId> forward = new ArrayList<>();
                List<Page<OrderRecord>> pages = new ArrayList<>();
                Page<OrderRecord> page = store.list(owner, first);
                pages.add(page);
                forward.addAll(ids(page));
                while (page.hasMore()) {
                    OrderRecord last = page.items().getLast();
                    page = store.list(owner, first.at(KeysetCursor.after(valuesOf(last, sort), last.id().value())));
                    pages.add(page);
                    forward.addAll(ids(page));
                }
                assertThat(forward).as("sorted by %s", sort).isEqualTo(expected(order -> true, sort));

                // Back from the last page, each previous page is the one seen going forward.
                for (int i = pages.size() - 1; i > 0; i--) {
                    OrderRecord head = pages.get(i).items().getFirst();
                    Page<OrderRecord> previous = store.list(owner,
                            first.at(KeysetCursor.before(valuesOf(head, sort), head.id().value())));
                    assertThat(ids(previous)).as("page before %d sorted by %s", i, sort).isEqualTo(ids(pages.get(i - 1)));
                    assertThat(previous.hasMore()).isEqualTo(i - 1 > 0);
                }
            }
        }

        @Test

        @Checks(OrderStoreRules.LIST_SORT)
        void offsetPagesCoverEverySort() {
            for (List<SortKey> sort : sorts()) {
                List<OrderId> seen = new ArrayList<>();
                for (int offset = 0; ; offset += 7) {
                    Page<OrderRecord> page = store.list(owner, ListQuery.firstPage(sort, 7).atOffset(offset));
                    seen.addAll(ids(page));
                    if (!page.hasMore()) {
                        break;
                    }
                }
                assertThat(seen).as("sorted by %s", sort).isEqualTo(expected(order -> true, sort));
            }
        }

        @Test

        @Checks(OrderStoreRules.LIST_SORT)
        void keysetPagesNeitherSkipNorRepeatWhileOrdersAreInserted() {
            List<SortKey> sort = List.of(SortKey.descending("created_at"));
            ListQuery first = ListQuery.firstPage(sort, 4);
            List<OrderId> seen = new ArrayList<>();
            Page<OrderRecord> page = store.list(owner, first);
            seen.addAll(ids(page));
            int inserted = 0;
            while (page.hasMore()) {
                // Newer orders land before the cursor, one in the middle of the list after it.
                store.insert(order(owner, T0.plus(Duration.ofHours(1 + inserted)), OrderState.OPEN, "EUR", "1.00", "N"));
                store.insert(order(owner, T0.plus(Duration.ofMinutes(3)), OrderState.OPEN, "EUR", "1.00", "N"));
                inserted++;
                OrderRecord last = page.items().getLast();
                page = store.list(owner, first.at(KeysetCursor.after(valuesOf(last, sort), last.id().value())));
                seen.addAll(ids(page));
            }
            assertThat(new HashSet<>(seen)).as("no order is repeated").hasSize(seen.size());
            assertThat(seen).as("no original order is skipped").containsAll(orders.stream().map(OrderRecord::id).toList());
        }

        @Test

        @Checks(OrderStoreRules.LIST_LIMIT)
        void aLimitIsHonouredAndHasMoreSaysWhetherMoreFollow() {
            Page<OrderRecord> page = store.list(owner, ListQuery.firstPage(List.of(SortKey.ascending("amount")), 30));
            assertThat(page.items()).hasSize(30);
            assertThat(page.hasMore()).isFalse();

            Page<OrderRecord> smaller = store.list(owner, ListQuery.firstPage(List.of(SortKey.ascending("amount")), 29));
            assertThat(smaller.items()).hasSize(29);
            assertThat(smaller.hasMore()).isTrue();
        }

        @Test

        @Checks(OrderStoreRules.LIST_ITEMS)
        void listedOrdersCarryTheirItems() {
            Page<OrderRecord> page = store.list(owner, ListQuery.firstPage(List.of(SortKey.ascending("amount")), 100));

            assertThat(page.items()).allSatisfy(order -> assertThat(order.items()).hasSize(2));
            assertThat(page.items()).containsExactlyInAnyOrderElementsOf(orders);
        }
    }

    @Nested
    class ListingEdges {

        private final List<SortKey> newestFirst = List.of(SortKey.descending("created_at"));

        @Test

        @Checks(OrderStoreRules.LIST_LIMIT)
        void anOwnerWithoutOrdersHasOneEmptyPage() {
            Page<OrderRecord> page = store.list(newOwner(), ListQuery.firstPage(newestFirst, 10));

            assertThat(page.items()).isEmpty();
            assertThat(page.hasMore()).as("nothing follows an empty page").isFalse();
        }

        @Test

        @Checks(OrderStoreRules.LIST_LIMIT)
        void aPageHoldsExactlyTheLimitAndNothingFollowsTheLast() {
            AccountId owner = newOwner();
            List<OrderRecord> newest = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                OrderRecord order = order(owner, T0.plusSeconds(i), OrderState.OPEN, "EUR", "1.00", "A");
                store.insert(order);
                newest.addFirst(order);
            }

            Page<OrderRecord> one = store.list(owner, ListQuery.firstPage(newestFirst, 1));
            Page<OrderRecord> two = store.list(owner, ListQuery.firstPage(newestFirst, 2));
            Page<OrderRecord> all = store.list(owner, ListQuery.firstPage(newestFirst, 3));
            OrderRecord last = newest.getLast();
            Page<OrderRecord> afterLast = store.list(owner, ListQuery.firstPage(newestFirst, 3)
                    .at(KeysetCursor.after(List.of(last.createdAt()), last.id().value())));

            assertThat(one.items()).as("a limit of 1 gives one order").containsExactly(newest.getFirst());
            assertThat(one.hasMore()).isTrue();
            assertThat(two.items()).as("a page is never longer than its limit").containsExactlyElementsOf(newest.subList(0, 2));
            assertThat(two.hasMore()).isTrue();
            assertThat(all.items()).containsExactlyElementsOf(newest);
            assertThat(all.hasMore()).as("a limit equal to what is left leaves nothing to follow").isFalse();
            assertThat(afterLast.items()).as("nothing comes after the last order").isEmpty();
            assertThat(afterLast.hasMore()).isFalse();
        }
    }

    /** Reads a field of every order of a page, for readable assertions. */
    protected static <T> List<T> each(Page<OrderRecord> page, Function<OrderRecord, T> field) {
        return page.items().stream().map(field).toList();
    }
}
