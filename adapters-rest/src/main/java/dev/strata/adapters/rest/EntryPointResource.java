package dev.strata.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.adapters.rest.http.Link;
import dev.strata.adapters.rest.http.PublicUrls;
import dev.strata.adapters.rest.http.Representations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1}: where a client starts. It needs no authentication and lists the collections
 * as links, so that a client can find its way from here rather than from hard-coded paths.
 */
@Path("/v1")
@Tag(name = "Entry point", description = "Where a client starts: links to the collections.")
public final class EntryPointResource {

    private final Map<String, String> links;
    private final List<String> order;

    EntryPointResource(Map<String, String> links) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("self", "/v1");
        all.putAll(links);
        this.links = Map.copyOf(all);
        this.order = List.copyOf(all.keySet());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getEntryPoint", summary = "The entry point",
            description = "The API's name and links to its collections.")
    @ApiResponse(responseCode = "200", description = "The entry point.",
            content = @Content(schema = @Schema(implementation = EntryPoint.class)))
    public Response entryPoint(@Context Request request, @Context UriInfo uriInfo) {
        // Relative, or on the public base URL when there is one (so that a path prefix is kept).
        Map<String, Link> hrefs = new LinkedHashMap<>();
        order.forEach(name -> hrefs.put(name, new Link(PublicUrls.reference(uriInfo, links.get(name)).toString())));
        EntryPoint body = new EntryPoint("Strata", hrefs);
        return Representations.read(request, EntityTags.of(body), body);
    }

    /** The entry point's body: a name and named links. */
    @Schema(name = "EntryPoint", description = "The API's name and its collections, by name.")
    public record EntryPoint(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100, example = "Strata") String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxProperties = 100,
                    description = "Links by relation name: self, accounts (sign up), sessions (sign in), me, posts,"
                            + " channels, orders.")
            @JsonProperty("_links") Map<String, Link> links) {
    }

}
