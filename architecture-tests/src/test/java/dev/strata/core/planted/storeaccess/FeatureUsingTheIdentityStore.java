package dev.strata.core.planted.storeaccess;

import dev.strata.core.identity.store.IdentityStore;

/** A planted violation: a feature reaching into identity's store instead of its service. */
public class FeatureUsingTheIdentityStore {

    public int accounts(IdentityStore store) {
        return store.hashCode();
    }
}
