package dev.strata.adapters.persistence.memory.orders;

import dev.strata.adapters.persistence.memory.Guarded;
import dev.strata.adapters.persistence.memory.ListQueries;
import dev.strata.core.common.AlreadyExistsException;
import dev.strata.core.common.Created;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.Page;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.orders.OrderId;
import dev.strata.core.orders.store.OrderItemRecord;
import dev.strata.core.orders.store.OrderRecord;
import dev.strata.core.orders.store.OrderStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link OrderStore} in memory, with the same conflict, ordering and atomicity behaviour as the
 * database stores (the shared contract suite proves it). Nothing survives the process.
 *
 * <p>Thread-safe: every method is atomic.
 */
public final class InMemoryOrderStore implements OrderStore {

    private static final ListQueries<OrderRecord> QUERIES = new ListQueries<>((order, field) -> switch (field) {
        case "state" -> order.state().wireName();
        case "currency" -> order.currency();
        case "amount" -> order.amount();
        case "created_at" -> order.createdAt();
        case "updated_at" -> order.updatedAt();
        case "sku" -> order.items().stream().map(OrderItemRecord::sku).toList();
        default -> throw new IllegalArgumentException("orders cannot be queried by " + field);
    }, order -> order.id().value());

    private record OwnerKey(AccountId owner, String key) {
    }

    private final Guarded guarded = new Guarded();
    private final Map<OrderId, OrderRecord> orders = new HashMap<>();
    private final Map<OwnerKey, OrderId> byIdempotencyKey = new HashMap<>();

    @Override
    public Created<OrderRecord> insert(OrderRecord order) {
        OrderRecord inserted = withVersion(order, 0);
        return guarded.write(() -> {
            Optional<OwnerKey> key = order.idempotency()
                    .map(idempotency -> new OwnerKey(order.ownerId(), idempotency.key().value()));
            if (key.isPresent() && byIdempotencyKey.containsKey(key.get())) {
                OrderRecord original = orders.get(byIdempotencyKey.get(key.get()));
                return order.idempotency().get().replay(original.idempotency().orElseThrow().fingerprint(), original);
            }
            if (orders.putIfAbsent(order.id(), inserted) != null) {
                throw new AlreadyExistsException("order_already_exists", "an order with this id exists");
            }
            key.ifPresent(ownerKey -> byIdempotencyKey.put(ownerKey, order.id()));
            return Created.fresh(inserted);
        });
    }

    @Override
    public Optional<OrderRecord> find(OrderId id) {
        return guarded.read(() -> Optional.ofNullable(orders.get(id)));
    }

    @Override
    public Page<OrderRecord> list(AccountId ownerId, ListQuery query) {
        return guarded.read(() -> {
            List<OrderRecord> owned = orders.values().stream().filter(order -> order.ownerId().equals(ownerId)).toList();
            return QUERIES.page(owned, query);
        });
    }

    @Override
    public OrderRecord update(OrderRecord order, long expectedVersion) {
        return guarded.write(() -> {
            OrderRecord current = requireAt(order.id(), expectedVersion);
            OrderRecord updated = new OrderRecord(current.id(), current.ownerId(), order.state(), order.currency(),
                    order.items(), order.amount(), order.comment(), current.createdAt(), order.updatedAt(),
                    expectedVersion + 1, current.idempotency(), order.paidAt(), order.shippedAt(), order.cancelledAt(),
                    order.cancellationReason());
            orders.put(updated.id(), updated);
            return updated;
        });
    }

    @Override
    public void delete(OrderId id, long expectedVersion) {
        guarded.write(() -> {
            OrderRecord current = requireAt(id, expectedVersion);
            orders.remove(id);
            current.idempotency().ifPresent(idempotency ->
                    byIdempotencyKey.remove(new OwnerKey(current.ownerId(), idempotency.key().value())));
        });
    }

    private OrderRecord requireAt(OrderId id, long expectedVersion) {
        OrderRecord current = orders.get(id);
        if (current == null) {
            throw new NotFoundException("order_not_found", "no such order");
        }
        if (current.version() != expectedVersion) {
            throw PreconditionFailedException.versionMismatch("the order", expectedVersion);
        }
        return current;
    }

    private static OrderRecord withVersion(OrderRecord order, long version) {
        return new OrderRecord(order.id(), order.ownerId(), order.state(), order.currency(), order.items(),
                order.amount(), order.comment(), order.createdAt(), order.updatedAt(), version, order.idempotency(),
                order.paidAt(), order.shippedAt(), order.cancelledAt(), order.cancellationReason());
    }
}
