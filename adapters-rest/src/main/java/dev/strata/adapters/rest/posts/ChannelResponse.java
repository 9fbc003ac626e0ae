package dev.strata.adapters.rest.posts;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.adapters.rest.http.Link;
import dev.strata.core.posts.Channel;
import dev.strata.core.posts.ChannelId;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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
                example = "0") long version,
        @Schema(requiredMode = RequiredMode.REQUIRED, maxProperties = 10,
                description = "Links by relation: self, members, posts.")
        @JsonProperty("_links") Map<String, Link> links) {

    static ChannelResponse of(Channel channel) {
        String self = path(channel.id());
        Map<String, Link> links = new LinkedHashMap<>();
        links.put("self", new Link(self));
        links.put("members", new Link(self + "/members"));
        links.put("posts", new Link(self + "/posts"));
        return new ChannelResponse(channel.id().value(), channel.name(), channel.ownerId().value(), channel.createdAt(),
                channel.version(), links);
    }

    /** The path of a channel. */
    static String path(ChannelId id) {
        return "/v1/channels/" + id.value();
    }

    /** The strong tag of a channel's representation: its id and version. */
    static EntityTag tagOf(Channel channel) {
        return EntityTags.of(channel.id().value(), channel.version());
    }
}
