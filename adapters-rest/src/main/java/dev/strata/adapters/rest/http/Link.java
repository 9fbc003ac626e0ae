package dev.strata.adapters.rest.http;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.Objects;

/**
 * One hypermedia link of a representation's {@code _links}: where a relation leads. Every
 * response names, by relation, the resources related to it and the transitions allowed now, so
 * that a client follows links instead of building URLs.
 *
 * @param href the link target, a path of this API
 */
@Schema(name = "Link", description = "A link to a resource of this API.")
public record Link(
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 2048, format = "uri-reference",
                example = "/v1/accounts") String href) {

    public Link {
        Objects.requireNonNull(href, "href");
    }
}
