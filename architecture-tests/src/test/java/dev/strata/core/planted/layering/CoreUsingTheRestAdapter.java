package dev.strata.core.planted.layering;

import dev.strata.adapters.rest.StrataApi;

/** A planted violation: core reaching up into an adapter. */
public class CoreUsingTheRestAdapter {

    public Class<?> api() {
        return StrataApi.class;
    }
}
