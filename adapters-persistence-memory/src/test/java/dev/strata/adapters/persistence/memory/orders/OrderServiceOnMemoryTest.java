package dev.strata.adapters.persistence.memory.orders;

import dev.strata.contracts.orders.OrderServiceContract;
import dev.strata.core.orders.store.OrderStore;

class OrderServiceOnMemoryTest extends OrderServiceContract {

    @Override
    protected OrderStore newStore() {
        return new InMemoryOrderStore();
    }
}
