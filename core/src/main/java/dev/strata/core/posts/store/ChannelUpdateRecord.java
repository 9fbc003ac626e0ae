package dev.strata.core.posts.store;

import dev.strata.core.posts.ChannelId;
import java.util.Objects;

/**
 * A channel's new name, to be written if the channel is still at {@code expectedVersion}.
 *
 * @param id              the channel
 * @param expectedVersion the version the change was made against
 * @param name            the new name, already checked by the service
 */
public record ChannelUpdateRecord(ChannelId id, long expectedVersion, String name) {

    public ChannelUpdateRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
