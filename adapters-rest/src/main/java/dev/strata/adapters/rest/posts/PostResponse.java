package dev.strata.adapters.rest.posts;

import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.Post;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;

/** A post as the API shows it; {@code channel_id} is null for a public post. */
public record PostResponse(String id, String authorId, String channelId, String body, Instant createdAt,
        Instant updatedAt, long version) {

    static PostResponse of(Post post) {
        return new PostResponse(post.id().value(), post.authorId().value(),
                post.channelId().map(ChannelId::value).orElse(null), post.body(), post.createdAt(), post.updatedAt(),
                post.version());
    }

    /** The strong tag of a post's representation: its id and version. */
    static EntityTag tagOf(Post post) {
        return EntityTags.of(post.id().value(), post.version());
    }
}
