package dev.strata.adapters.persistence.memory.closing;

import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.adapters.persistence.memory.orders.InMemoryOrderStore;
import dev.strata.adapters.persistence.memory.posts.InMemoryPostStore;
import dev.strata.contracts.closing.AccountClosingServiceContract;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.orders.store.OrderStore;
import dev.strata.core.posts.store.PostStore;

/** Closing an account, over the in-memory stores. */
class AccountClosingServiceOnMemoryTest extends AccountClosingServiceContract {

    @Override
    protected IdentityStore newIdentityStore() {
        return new InMemoryIdentityStore();
    }

    @Override
    protected PostStore newPostStore() {
        return new InMemoryPostStore();
    }

    @Override
    protected OrderStore newOrderStore() {
        return new InMemoryOrderStore();
    }
}
