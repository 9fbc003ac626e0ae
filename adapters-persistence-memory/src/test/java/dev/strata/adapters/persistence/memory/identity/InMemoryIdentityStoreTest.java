package dev.strata.adapters.persistence.memory.identity;

import dev.strata.contracts.identity.IdentityStoreContract;
import dev.strata.core.identity.store.IdentityStore;

class InMemoryIdentityStoreTest extends IdentityStoreContract {

    @Override
    protected IdentityStore newStore() {
        return new InMemoryIdentityStore();
    }
}
