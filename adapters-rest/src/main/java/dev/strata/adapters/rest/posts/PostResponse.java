package dev.strata.adapters.rest.posts;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.adapters.rest.http.Link;
import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.Post;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A post as the API shows it; {@code channel_id} is null for a public post. */
@Schema(name = "Post", description = "A post. With fields=, only the selected fields (and id) are present.")
public record PostResponse(
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^post_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31,
                example = "post_01jd8zqk3v5m9w2x4y6z8a0b1c") String id,
        @Schema(pattern = "^acct_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31,
                example = "acct_01jd8zqk3v5m9w2x4y6z8a0b1c") String authorId,
        @Schema(nullable = true, pattern = "^chan_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 31,
                description = "The channel it was posted in; null for a public post.") String channelId,
        @Schema(minLength = 1, maxLength = 5000, example = "Hello, world") String body,
        @Schema(description = "RFC 3339, UTC, microseconds.",
                example = "2026-01-02T03:04:05.123456Z") Instant createdAt,
        @Schema(description = "RFC 3339, UTC, microseconds.",
                example = "2026-01-02T03:04:05.123456Z") Instant updatedAt,
        @Schema(minimum = "0", maximum = "9223372036854775807", example = "0") long version,
        @Schema(maxProperties = 10, description = "Links by relation: self, author (the author's posts: an account"
                + " itself is private to its owner), and channel for a post in one.")
        @JsonProperty("_links") Map<String, Link> links) {

    static PostResponse of(Post post) {
        return new PostResponse(post.id().value(), post.authorId().value(),
                post.channelId().map(ChannelId::value).orElse(null), post.body(), post.createdAt(), post.updatedAt(),
                post.version(), links(post));
    }

    private static Map<String, Link> links(Post post) {
        Map<String, Link> links = new LinkedHashMap<>();
        links.put("self", new Link("/v1/posts/" + post.id().value()));
        links.put("author", new Link("/v1/accounts/" + post.authorId().value() + "/posts"));
        post.channelId().ifPresent(channel -> links.put("channel", new Link(ChannelResponse.path(channel))));
        return links;
    }

    /** The strong tag of a post's representation: its id and version. */
    static EntityTag tagOf(Post post) {
        return EntityTags.of(post.id().value(), post.version());
    }
}
