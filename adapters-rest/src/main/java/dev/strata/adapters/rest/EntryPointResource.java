package dev.strata.adapters.rest;

import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.adapters.rest.http.Representations;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1}: where a client starts. It needs no authentication and lists the collections
 * as links, so that a client can find its way from here rather than from hard-coded paths.
 */
@Path("/v1")
public final class EntryPointResource {

    private final EntryPoint body;

    EntryPointResource(Map<String, String> links) {
        Map<String, Link> all = new LinkedHashMap<>();
        all.put("self", new Link("/v1"));
        links.forEach((name, href) -> all.put(name, new Link(href)));
        this.body = new EntryPoint("Strata", all);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response entryPoint(@Context Request request) {
        return Representations.read(request, EntityTags.of(body), body);
    }

    /** The entry point's body: a name and named links. */
    public record EntryPoint(String name, Map<String, Link> links) {
    }

    /** One link. */
    public record Link(String href) {
    }
}
