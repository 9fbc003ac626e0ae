package dev.strata.adapters.common.planted.layering;

import dev.strata.adapters.rest.http.PublicUrls;

/** A planted violation: what the API adapters share depending on one of them. */
public class CommonUsingTheRestAdapter {

    public Class<?> urls() {
        return PublicUrls.class;
    }
}
