package dev.strata.examples.thirdpartystore;

import dev.strata.contracts.identity.IdentityServiceContract;
import dev.strata.core.identity.store.IdentityStore;

/** Strata's real identity service, run over the map store. */
class IdentityServiceOnMapStoreTest extends IdentityServiceContract {

    @Override
    protected IdentityStore newStore() {
        return new MapIdentityStore();
    }
}
