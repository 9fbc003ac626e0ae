package dev.strata.adapters.rest.posts;

import dev.strata.adapters.rest.docs.TextRules;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The body of {@code POST /v1/posts} and {@code POST /v1/channels/{id}/posts}. */
@Schema(name = "NewPost", description = "Publishing a post: its text.")
public record NewPostRequest(
        @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 5000, pattern = TextRules.LINES,
                description = "The text, kept exactly as sent, surrounding whitespace included: 1 to 5000"
                        + " characters, not all white space" + TextRules.WHITE_SPACE_DEFINITION
                        + "; line breaks and tabs allowed, no other control"
                        + " characters.", example = "Hello, world") String body) {
}
