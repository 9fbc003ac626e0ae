package dev.strata.adapters.rest.planted;

import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;

/** A planted violation: one adapter depending on another. */
public class RestUsingTheMemoryStore {

    public Object store() {
        return new InMemoryIdentityStore();
    }
}
