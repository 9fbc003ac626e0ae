package dev.strata.adapters.rest.posts;

import dev.strata.adapters.rest.docs.TextRules;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The body of {@code POST /v1/channels}. */
@Schema(name = "NewChannel", description = "Creating a channel: its name. The creator becomes its owner.")
public record NewChannelRequest(
        @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 100, pattern = TextRules.SINGLE_LINE,
                description = "The channel's name; one line." + TextRules.TRIMMED, example = "Engineering")
        String name) {
}
