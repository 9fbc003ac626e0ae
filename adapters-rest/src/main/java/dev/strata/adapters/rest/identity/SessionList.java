package dev.strata.adapters.rest.identity;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;

/**
 * The shape of {@code ListResponse<SessionResponse>} for the document: swagger cannot name a
 * generic type's instance in an annotation, so this record spells it out. Never serialized itself.
 */
@Schema(name = "SessionList", description = "An account's open sessions, newest first, on one page.")
record SessionList(
        @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED), maxItems = 10_000,
                schema = @Schema(implementation = SessionResponse.class)) List<SessionResponse> data,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Whether more items follow.") boolean hasMore,
        @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, maxLength = 2048, format = "uri-reference",
                description = "The URL of the next page, or null on the last page.") String next) {
}
