package dev.strata.adapters.persistence.memory.orders;

import dev.strata.contracts.orders.OrderStoreContract;
import dev.strata.core.orders.store.OrderStore;

class InMemoryOrderStoreTest extends OrderStoreContract {

    @Override
    protected OrderStore newStore() {
        return new InMemoryOrderStore();
    }
}
