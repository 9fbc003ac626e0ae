package dev.strata.adapters.persistence.memory.orders;

import dev.strata.core.orders.store.OrderStore;
import dev.strata.core.orders.store.OrderStoreContract;

class InMemoryOrderStoreTest extends OrderStoreContract {

    @Override
    protected OrderStore newStore() {
        return new InMemoryOrderStore();
    }
}
