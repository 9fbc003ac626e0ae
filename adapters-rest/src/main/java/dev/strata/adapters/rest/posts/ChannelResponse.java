package dev.strata.adapters.rest.posts;

import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.core.posts.Channel;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;

/** A channel as the API shows it. */
@Schema(name = "Channel", description = "A channel: its posts are for its members only.")
public record ChannelResponse(
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^chan_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31,
                example = "chan_01jd8zqk3v5m9w2x4y6z8a0b1c") String id,
        @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 100,
                example = "Engineering") String name,
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^acct_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31,
                example = "acct_01jd8zqk3v5m9w2x4y6z8a0b1c") String ownerId,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "RFC 3339, UTC, microseconds.",
                example = "2026-01-02T03:04:05.123456Z") Instant createdAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0", maximum = "9223372036854775807",
                example = "0") long version) {

    static ChannelResponse of(Channel channel) {
        return new ChannelResponse(channel.id().value(), channel.name(), channel.ownerId().value(), channel.createdAt(),
                channel.version());
    }

    /** The strong tag of a channel's representation: its id and version. */
    static EntityTag tagOf(Channel channel) {
        return EntityTags.of(channel.id().value(), channel.version());
    }
}
