package dev.strata.bench.servers;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The framework baseline's only resource: {@link FixedBody} at every path. */
@Path("{any: .*}")
public final class FixedBodyResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String body() {
        return FixedBody.JSON;
    }
}
