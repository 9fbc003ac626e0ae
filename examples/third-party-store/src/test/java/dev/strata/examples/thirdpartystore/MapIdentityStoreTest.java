package dev.strata.examples.thirdpartystore;

import dev.strata.contracts.identity.IdentityStoreContract;
import dev.strata.core.identity.store.IdentityStore;

/** Every rule of the IdentityStore port, checked on the map store. */
class MapIdentityStoreTest extends IdentityStoreContract {

    @Override
    protected IdentityStore newStore() {
        return new MapIdentityStore();
    }
}
