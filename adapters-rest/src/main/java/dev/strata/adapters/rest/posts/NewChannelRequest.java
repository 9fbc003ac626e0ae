package dev.strata.adapters.rest.posts;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The body of {@code POST /v1/channels}. */
@Schema(name = "NewChannel", description = "Creating a channel: its name. The creator becomes its owner.")
public record NewChannelRequest(
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 100, example = "Engineering") String name) {
}
