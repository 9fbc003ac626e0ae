package dev.strata.core.orders;

import dev.strata.core.common.ConflictException;
import dev.strata.core.common.Created;
import dev.strata.core.common.FieldKind;
import dev.strata.core.common.Filter;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.IdempotencyKeyReusedException;
import dev.strata.core.common.IdempotentRequest;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.Page;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.common.QueryField;
import dev.strata.core.common.QueryOperator;
import dev.strata.core.common.QuerySchema;
import dev.strata.core.common.RequestFingerprint;
import dev.strata.core.common.SortKey;
import dev.strata.core.common.Timestamps;
import dev.strata.core.common.ValidationException;
import dev.strata.core.common.Validator;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.orders.store.OrderItemRecord;
import dev.strata.core.orders.store.OrderRecord;
import dev.strata.core.orders.store.OrderStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Orders: create (idempotently, or under a client-assigned id), read, list with filters, sort and
 * pages, replace, delete, and move through their states by paying, shipping and cancelling.
 *
 * <p>Rules it keeps: the amount is the exact sum of the items, never taken from a client; only an
 * {@code open} order may be replaced or deleted ({@code order_not_open}, a conflict); changes are
 * made against a version, so that a stale writer fails rather than overwriting; orders are private,
 * and any other caller is told an order does not exist; a retried creation with the same
 * idempotency key and content returns the first order, and with other content is refused.
 *
 * <p>Bounds, as {@code OrderServiceContract} checks them: 1 to 100 items, a comment of at most 1000
 * characters that keeps line breaks and tabs but no other control character, a quantity of 1 to
 * 10,000, a unit price from 0 to 999,999,999.99 with at most two decimals, a cancellation reason
 * of 1 to 500 characters; every invalid field is named at once; a stale version is reported
 * before an order is found not open; a state change that meets a concurrent change reads the order
 * again and retries, up to five attempts in all.
 *
 * <p>Thread-safe: all state lives in the store.
 */
public final class OrderService {

    /**
     * What the list of orders can be filtered, sorted and projected by: filters on {@code state},
     * {@code currency}, {@code amount}, {@code created_at}, {@code updated_at} and {@code sku}; sort
     * by any of them but {@code sku}; newest first by default. Lists are read with
     * {@link #list(AuthenticatedSession, ListQuery)} and a query this schema builds
     * ({@link QuerySchema#firstPage()}, {@link QuerySchema#listQuery}).
     */
    public static final QuerySchema QUERY = QuerySchema.of(List.of(
                    QueryField.choice("state", Arrays.stream(OrderState.values()).map(OrderState::wireName).toList()),
                    QueryField.text("currency", Set.of(QueryOperator.EQ, QueryOperator.NE, QueryOperator.IN),
                            OrderRules.CURRENCY, OrderRules.CURRENCY_DESCRIPTION),
                    QueryField.ordered("amount", FieldKind.DECIMAL),
                    QueryField.ordered("created_at", FieldKind.INSTANT),
                    QueryField.ordered("updated_at", FieldKind.INSTANT),
                    QueryField.text("sku", Set.of(QueryOperator.EQ, QueryOperator.IN), OrderRules.SKU,
                            OrderRules.SKU_DESCRIPTION)),
            List.of(SortKey.descending("created_at")),
            Set.of("id", "owner_id", "state", "currency", "items", "amount", "comment", "created_at", "updated_at",
                    "version", "_links"));

    /**
     * The value of an order's field named as in {@link #QUERY}, by which a list of orders is sorted:
     * what a page token after an order holds ({@link QuerySchema#nextPageToken}).
     *
     * @throws IllegalArgumentException when orders are not sorted by {@code field}
     */
    public static Comparable<?> sortValue(Order order, String field) {
        return switch (field) {
            case "state" -> order.state().wireName();
            case "currency" -> order.currency();
            case "amount" -> order.amount();
            case "created_at" -> order.createdAt();
            case "updated_at" -> order.updatedAt();
            default -> throw new IllegalArgumentException("orders are not sorted by " + field);
        };
    }

    /** How often an action retries when a concurrent change moved the order's version. */
    private static final int ACTION_ATTEMPTS = 5;

    private final OrderStore store;
    private final Clock clock;

    public OrderService(OrderStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates an order for the caller, once per call: a retry makes another order (use
     * {@link #create(AuthenticatedSession, OrderDraft, IdempotencyKey)} when a call may be retried).
     *
     * @throws ValidationException naming every invalid field
     */
    public Created<Order> create(AuthenticatedSession caller, OrderDraft draft) {
        return insert(caller, draft, Optional.empty());
    }

    /**
     * Creates an order for the caller under an idempotency key: a retry with the same key and
     * content returns the order the first request made ({@link Created#replayed()}), and concurrent
     * duplicates make exactly one order.
     *
     * @throws ValidationException           naming every invalid field
     * @throws IdempotencyKeyReusedException when the key was used with other content
     */
    public Created<Order> create(AuthenticatedSession caller, OrderDraft draft, IdempotencyKey idempotencyKey) {
        return insert(caller, draft, Optional.of(Objects.requireNonNull(idempotencyKey, "idempotencyKey")));
    }

    private Created<Order> insert(AuthenticatedSession caller, OrderDraft draft, Optional<IdempotencyKey> idempotencyKey) {
        Objects.requireNonNull(caller, "caller");
        Validator validator = new Validator();
        OrderRules.Checked checked = OrderRules.check(validator, draft);
        validator.throwIfInvalid();

        Optional<IdempotentRequest> idempotency =
                idempotencyKey.map(key -> new IdempotentRequest(key, fingerprint(checked)));
        return store.insert(newRecord(caller, OrderId.generate(clock), checked, idempotency))
                .map(OrderService::toOrder);
    }

    /**
     * The fingerprint an idempotency key is bound to: two requests have the same one exactly when
     * they would make the same order. Prices are already kept to the cent, so {@code 1.5} and
     * {@code 1.50} are the same request.
     */
    private static RequestFingerprint fingerprint(OrderRules.Checked checked) {
        List<String> fields = new ArrayList<>(List.of(checked.currency(), checked.comment()));
        for (OrderItem item : checked.items()) {
            fields.add(item.sku());
            fields.add(Integer.toString(item.quantity()));
            fields.add(item.unitPrice().toPlainString());
        }
        return RequestFingerprint.of("create_order", fields.toArray(String[]::new));
    }

    /**
     * Creates an order under an id the client chose.
     *
     * @throws ValidationException naming every invalid field
     * @throws ConflictException   with code {@code order_already_exists} when the caller has an order with this id
     * @throws NotFoundException   when someone else has one: the caller may not learn of it
     */
    public Order createWithId(AuthenticatedSession caller, OrderId id, OrderDraft draft) {
        Objects.requireNonNull(caller, "caller");
        Validator validator = new Validator();
        OrderRules.Checked checked = OrderRules.check(validator, draft);
        validator.throwIfInvalid();
        try {
            return toOrder(store.insert(newRecord(caller, id, checked, Optional.empty())).value());
        } catch (ConflictException exists) {
            find(caller, id).orElseThrow(OrderService::orderNotFound);
            throw exists;
        }
    }

    /** The caller's order with this id, or empty when there is none or it is someone else's. */
    public Optional<Order> find(AuthenticatedSession caller, OrderId id) {
        Objects.requireNonNull(caller, "caller");
        return store.find(id).filter(order -> order.ownerId().equals(caller.accountId())).map(OrderService::toOrder);
    }

    /** The caller's order with this id. @throws NotFoundException when there is none or it is someone else's */
    public Order get(AuthenticatedSession caller, OrderId id) {
        return find(caller, id).orElseThrow(OrderService::orderNotFound);
    }

    /**
     * The first page of the caller's own orders, newest first, {@link ListQuery#DEFAULT_LIMIT} of
     * them; {@link #list(AuthenticatedSession, ListQuery)} with {@code QUERY.firstPage()}.
     */
    public Page<Order> list(AuthenticatedSession caller) {
        return list(caller, QUERY.firstPage());
    }

    /**
     * A page of the caller's own orders. Build the query from {@link #QUERY}: {@code
     * QUERY.firstPage(50)}, or {@code QUERY.listQuery("state=eq:open", "amount desc", 50, token)}
     * to read a client's filter, order, page size and page token (see {@link QuerySchema}); the
     * next page's token is {@code QUERY.nextPageToken(query, page, OrderService::sortValue, order ->
     * order.id().value())}.
     */
    public Page<Order> list(AuthenticatedSession caller, ListQuery query) {
        Objects.requireNonNull(caller, "caller");
        Page<OrderRecord> page = store.list(caller.accountId(), query);
        return new Page<>(page.items().stream().map(OrderService::toOrder).toList(), page.hasMore());
    }

    /**
     * Replaces the content of the caller's open order, if it is still at {@code expectedVersion}.
     *
     * @throws ValidationException         naming every invalid field
     * @throws ConflictException           with code {@code order_not_open} when it is not open
     * @throws PreconditionFailedException when the version is stale
     */
    public Order replace(AuthenticatedSession caller, OrderId id, OrderDraft draft, long expectedVersion) {
        Validator validator = new Validator();
        OrderRules.Checked checked = OrderRules.check(validator, draft);
        validator.throwIfInvalid();
        OrderRecord current = owned(caller, id);
        requireVersion(current, expectedVersion);
        requireOpen(current);
        OrderRecord replaced = new OrderRecord(current.id(), current.ownerId(), current.state(), checked.currency(),
                checked.items().stream().map(OrderService::toItemRecord).toList(), OrderRules.amountOf(checked.items()),
                checked.comment(), current.createdAt(), Timestamps.now(clock), current.version(), current.idempotency(),
                current.paidAt(), current.shippedAt(), current.cancelledAt(), current.cancellationReason());
        return toOrder(store.update(replaced, expectedVersion));
    }

    /**
     * Deletes the caller's open order, if it is still at {@code expectedVersion}.
     *
     * @throws ConflictException           with code {@code order_not_open} when it is not open
     * @throws PreconditionFailedException when the version is stale
     */
    public void delete(AuthenticatedSession caller, OrderId id, long expectedVersion) {
        OrderRecord current = owned(caller, id);
        requireVersion(current, expectedVersion);
        requireOpen(current);
        store.delete(id, expectedVersion);
    }

    /**
     * Cancels the caller's open or paid order, giving a reason (1 to 500 characters).
     *
     * @throws ConflictException with code {@code order_already_cancelled}, or {@code order_not_cancellable}
     *                           when it has shipped
     */
    public Order cancel(AuthenticatedSession caller, OrderId id, String reason) {
        Validator validator = new Validator();
        String checkedReason = validator.text("reason", reason, 1, OrderRules.MAX_REASON_LENGTH);
        validator.throwIfInvalid();
        return transition(caller, id, OrderState.CANCELLED, checkedReason);
    }

    /** Marks the caller's open order paid. @throws ConflictException {@code order_not_open} otherwise */
    public Order pay(AuthenticatedSession caller, OrderId id) {
        return transition(caller, id, OrderState.PAID, null);
    }

    /** Marks the caller's paid order shipped. @throws ConflictException {@code order_not_paid} otherwise */
    public Order ship(AuthenticatedSession caller, OrderId id) {
        return transition(caller, id, OrderState.SHIPPED, null);
    }

    /**
     * Cancels every open order of an account that is closing, with {@code reason}; paid, shipped and
     * cancelled orders stay as they are, for the record. For {@code AccountClosingService} only: it
     * performs no authorization, and adapters must not expose it to clients. Harmless to repeat;
     * returns how many orders it cancelled.
     */
    public int cancelOpenOrders(AccountId ownerId, String reason) {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(reason, "reason");
        ListQuery open = ListQuery.firstPage(List.of(SortKey.ascending("created_at")), ListQuery.MAX_LIMIT)
                .and(new Filter("state", QueryOperator.EQ, List.of(OrderState.OPEN.wireName())));
        int cancelled = 0;
        // By keyset over the open orders: each page starts after the last order seen, so the walk
        // ends even if some order cannot be cancelled.
        Page<OrderRecord> page = store.list(ownerId, open);
        while (true) {
            for (OrderRecord order : page.items()) {
                try {
                    transition(() -> store.find(order.id()).orElseThrow(OrderService::orderNotFound),
                            OrderState.CANCELLED, reason);
                    cancelled++;
                } catch (NotFoundException | ConflictException gone) {
                    // Deleted, paid or cancelled meanwhile: no longer open, so nothing to do.
                }
            }
            if (!page.hasMore()) {
                return cancelled;
            }
            OrderRecord last = page.items().getLast();
            page = store.list(ownerId, open.at(KeysetCursor.after(List.of(last.createdAt()), last.id().value())));
        }
    }

    private Order transition(AuthenticatedSession caller, OrderId id, OrderState next, String reason) {
        return transition(() -> owned(caller, id), next, reason);
    }

    private Order transition(Supplier<OrderRecord> read, OrderState next, String reason) {
        for (int attempt = 1; ; attempt++) {
            OrderRecord current = read.get();
            if (!current.state().canBecome(next)) {
                throw cannotBecome(current.state(), next);
            }
            Instant now = Timestamps.now(clock);
            OrderRecord moved = new OrderRecord(current.id(), current.ownerId(), next, current.currency(),
                    current.items(), current.amount(), current.comment(), current.createdAt(), now, current.version(),
                    current.idempotency(),
                    next == OrderState.PAID ? Optional.of(now) : current.paidAt(),
                    next == OrderState.SHIPPED ? Optional.of(now) : current.shippedAt(),
                    next == OrderState.CANCELLED ? Optional.of(now) : current.cancelledAt(),
                    next == OrderState.CANCELLED ? Optional.of(reason) : current.cancellationReason());
            try {
                return toOrder(store.update(moved, current.version()));
            } catch (PreconditionFailedException stale) {
                // Someone changed the order in between: look again, the move may no longer apply.
                if (attempt >= ACTION_ATTEMPTS) {
                    throw stale;
                }
            }
        }
    }

    private static ConflictException cannotBecome(OrderState current, OrderState next) {
        return switch (next) {
            case CANCELLED -> current == OrderState.CANCELLED
                    ? new ConflictException("order_already_cancelled", "the order is already cancelled")
                    : new ConflictException("order_not_cancellable", "a " + current.wireName() + " order cannot be cancelled");
            case PAID -> current == OrderState.PAID
                    ? new ConflictException("order_already_paid", "the order is already paid")
                    : new ConflictException("order_not_open", "only an open order can be paid; this one is "
                            + current.wireName());
            case SHIPPED -> current == OrderState.SHIPPED
                    ? new ConflictException("order_already_shipped", "the order is already shipped")
                    : new ConflictException("order_not_paid", "only a paid order can be shipped; this one is "
                            + current.wireName());
            case OPEN -> new ConflictException("order_not_open", "an order cannot be reopened");
        };
    }

    private OrderRecord owned(AuthenticatedSession caller, OrderId id) {
        Objects.requireNonNull(caller, "caller");
        return store.find(id).filter(order -> order.ownerId().equals(caller.accountId()))
                .orElseThrow(OrderService::orderNotFound);
    }

    private static void requireVersion(OrderRecord current, long expectedVersion) {
        if (current.version() != expectedVersion) {
            throw PreconditionFailedException.versionMismatch("the order", expectedVersion);
        }
    }

    private static void requireOpen(OrderRecord current) {
        if (current.state() != OrderState.OPEN) {
            throw new ConflictException("order_not_open",
                    "only an open order can be changed or deleted; this one is " + current.state().wireName());
        }
    }

    private OrderRecord newRecord(AuthenticatedSession caller, OrderId id, OrderRules.Checked checked,
            Optional<IdempotentRequest> idempotency) {
        Instant now = Timestamps.now(clock);
        return new OrderRecord(id, caller.accountId(), OrderState.OPEN, checked.currency(),
                checked.items().stream().map(OrderService::toItemRecord).toList(), OrderRules.amountOf(checked.items()),
                checked.comment(), now, now, 0, idempotency, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    static NotFoundException orderNotFound() {
        return new NotFoundException("order_not_found", "no such order");
    }

    private static OrderItemRecord toItemRecord(OrderItem item) {
        return new OrderItemRecord(item.sku(), item.quantity(), item.unitPrice());
    }

    private static Order toOrder(OrderRecord record) {
        Optional<Cancellation> cancellation = record.cancelledAt()
                .map(at -> new Cancellation(record.cancellationReason().orElse(""), at));
        return new Order(record.id(), record.ownerId(), record.state(), record.currency(),
                record.items().stream().map(item -> new OrderItem(item.sku(), item.quantity(), item.unitPrice())).toList(),
                record.amount(), record.comment(), record.createdAt(), record.updatedAt(), record.version(),
                record.paidAt(), record.shippedAt(), cancellation);
    }
}
