package dev.strata.adapters.persistence.memory.identity;

import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.identity.store.IdentityStoreContract;

class InMemoryIdentityStoreTest extends IdentityStoreContract {

    @Override
    protected IdentityStore newStore() {
        return new InMemoryIdentityStore();
    }
}
