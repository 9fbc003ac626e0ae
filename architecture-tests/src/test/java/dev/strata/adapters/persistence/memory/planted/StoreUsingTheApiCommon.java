package dev.strata.adapters.persistence.memory.planted;

import dev.strata.adapters.common.RequestIds;

/** A planted violation: a persistence adapter using what only the API adapters may use. */
public class StoreUsingTheApiCommon {

    public String id() {
        return RequestIds.newId();
    }
}
