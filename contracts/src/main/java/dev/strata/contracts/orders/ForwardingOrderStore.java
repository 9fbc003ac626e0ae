package dev.strata.contracts.orders;

import dev.strata.core.common.Created;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.Page;
import dev.strata.core.identity.AccountId;
import dev.strata.core.orders.OrderId;
import dev.strata.core.orders.store.OrderRecord;
import dev.strata.core.orders.store.OrderStore;
import java.util.Objects;
import java.util.Optional;

/**
 * An OrderStore that passes every call on to another: extend it and override only the calls
 * you watch or break. Strata's own tests plant bugs with it (one overridden method each, to see
 * that {@link OrderStoreContract} catches every one) and wrap a real store with it to count or
 * delay calls; a third-party store's tests can plant bugs in their own store the same way.
 */
public class ForwardingOrderStore implements OrderStore {

    /** The store every call goes on to. */
    protected final OrderStore real;

    /** A store that passes every call on to {@code real}. */
    public ForwardingOrderStore(OrderStore real) {
        this.real = Objects.requireNonNull(real, "real");
    }

    @Override
    public Created<OrderRecord> insert(OrderRecord order) {
        return real.insert(order);
    }

    @Override
    public Optional<OrderRecord> find(OrderId id) {
        return real.find(id);
    }

    @Override
    public Page<OrderRecord> list(AccountId ownerId, ListQuery query) {
        return real.list(ownerId, query);
    }

    @Override
    public OrderRecord update(OrderRecord order, long expectedVersion) {
        return real.update(order, expectedVersion);
    }

    @Override
    public void delete(OrderId id, long expectedVersion) {
        real.delete(id, expectedVersion);
    }
}
