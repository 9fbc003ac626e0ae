package dev.strata.adapters.grpc.planted;

import dev.strata.adapters.rest.http.PublicUrls;

/** A planted violation: the gRPC adapter depending on the REST adapter. */
public class GrpcUsingTheRestAdapter {

    public Class<?> urls() {
        return PublicUrls.class;
    }
}
