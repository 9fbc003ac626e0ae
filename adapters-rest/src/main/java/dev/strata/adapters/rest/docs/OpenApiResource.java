package dev.strata.adapters.rest.docs;

import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.adapters.rest.http.Preconditions;
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
import java.util.function.Supplier;

/**
 * {@code GET /v1/openapi.json} and {@code /v1/openapi.yaml}: the document, generated from the
 * resources by the build (see {@link ApiDocumentation}).
 * Public, like the entry point, and conditional (ETag, 304) like every read.
 */
@Path("/v1")
@Tag(name = "Documentation", description = "This API's own OpenAPI document.")
public final class OpenApiResource {

    /** The YAML media type of RFC 9512. */
    public static final String YAML = "application/yaml";

    private final Supplier<PublishedDocument> document;

    OpenApiResource(Supplier<PublishedDocument> document) {
        this.document = document;
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getOpenApiJson", summary = "The OpenAPI document, as JSON",
            description = "This document: OpenAPI 3, generated from the server's resources.")
    @ApiResponse(responseCode = "200", description = "The OpenAPI document.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object",
                    description = "An OpenAPI 3.0 document.",
                    additionalProperties = Schema.AdditionalPropertiesValue.TRUE)))
    public Response json(@Context Request request) {
        byte[] json = document.get().json();
        return Preconditions.okOrNotModified(request, EntityTags.ofBytes(json), json);
    }

    @GET
    @Path("openapi.yaml")
    @Produces(YAML)
    @Operation(operationId = "getOpenApiYaml", summary = "The OpenAPI document, as YAML",
            description = "The same document as /v1/openapi.json, in YAML.")
    @ApiResponse(responseCode = "200", description = "The OpenAPI document.",
            content = @Content(mediaType = YAML, schema = @Schema(type = "string", maxLength = 10_000_000,
                    description = "An OpenAPI 3.0 document in YAML.")))
    public Response yaml(@Context Request request) {
        byte[] yaml = document.get().yaml();
        return Preconditions.okOrNotModified(request, EntityTags.ofBytes(yaml), yaml);
    }
}
