package dev.strata.peers.dropwizard;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem, as Strata answers its errors. */
public record Problem(String type, String title, int status, String detail, String code) {

    /** The problem media type. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A 400 problem to throw from a resource. */
    static WebApplicationException badRequest(String detail) {
        return new WebApplicationException(Response.status(Response.Status.BAD_REQUEST).type(MEDIA_TYPE)
                .entity(new Problem("about:blank", "Bad Request", 400, detail, "validation_failed")).build());
    }
}
