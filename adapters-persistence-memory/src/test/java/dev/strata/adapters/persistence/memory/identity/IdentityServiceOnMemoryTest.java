package dev.strata.adapters.persistence.memory.identity;

import dev.strata.contracts.identity.IdentityServiceContract;
import dev.strata.core.identity.store.IdentityStore;

class IdentityServiceOnMemoryTest extends IdentityServiceContract {

    @Override
    protected IdentityStore newStore() {
        return new InMemoryIdentityStore();
    }
}
