package dev.strata.adapters.persistence.memory.planted;

import dev.strata.core.common.Created;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.Page;
import dev.strata.core.identity.AccountId;
import dev.strata.core.orders.OrderId;
import dev.strata.core.orders.store.OrderRecord;
import dev.strata.core.orders.store.OrderStore;
import java.util.Optional;

/** An order store that passes every call on; a planted bug overrides the one method it breaks. */
class ForwardingOrderStore implements OrderStore {

    final OrderStore real;

    ForwardingOrderStore(OrderStore real) {
        this.real = real;
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
