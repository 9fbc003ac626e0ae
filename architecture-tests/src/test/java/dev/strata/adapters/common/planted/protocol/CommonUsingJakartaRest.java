package dev.strata.adapters.common.planted.protocol;

import jakarta.ws.rs.core.Response;

/** A planted violation: what every API style shares depending on one protocol's library. */
public class CommonUsingJakartaRest {

    public Response ok() {
        return Response.ok().build();
    }
}
