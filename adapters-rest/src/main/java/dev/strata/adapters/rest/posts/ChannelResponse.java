package dev.strata.adapters.rest.posts;

import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.core.posts.Channel;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;

/** A channel as the API shows it. */
public record ChannelResponse(String id, String name, String ownerId, Instant createdAt, long version) {

    static ChannelResponse of(Channel channel) {
        return new ChannelResponse(channel.id().value(), channel.name(), channel.ownerId().value(), channel.createdAt(),
                channel.version());
    }

    /** The strong tag of a channel's representation: its id and version. */
    static EntityTag tagOf(Channel channel) {
        return EntityTags.of(channel.id().value(), channel.version());
    }
}
