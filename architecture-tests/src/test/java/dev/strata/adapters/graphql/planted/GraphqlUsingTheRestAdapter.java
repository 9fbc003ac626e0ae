package dev.strata.adapters.graphql.planted;

import dev.strata.adapters.rest.StrataApi;

/** A planted violation: the GraphQL adapter depending on the REST adapter. */
public class GraphqlUsingTheRestAdapter {

    public Class<?> api() {
        return StrataApi.class;
    }
}
