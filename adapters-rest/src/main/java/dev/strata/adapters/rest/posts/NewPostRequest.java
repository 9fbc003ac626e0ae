package dev.strata.adapters.rest.posts;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The body of {@code POST /v1/posts} and {@code POST /v1/channels/{id}/posts}. */
@Schema(name = "NewPost", description = "Publishing a post: its text.")
public record NewPostRequest(
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 5000, example = "Hello, world") String body) {
}
