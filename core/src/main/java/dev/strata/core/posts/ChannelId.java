package dev.strata.core.posts;

import dev.strata.core.common.Ids;
import java.time.Clock;

/**
 * The identifier of a channel: {@code chan_} and 26 base32 characters, ordered by creation time.
 * Constructing one from text checks it; a malformed value is a
 * {@link dev.strata.core.common.ValidationException}.
 */
public record ChannelId(String value) {

    public static final String PREFIX = "chan";

    public ChannelId {
        Ids.requireValid(PREFIX, value);
    }

    /** A new identifier, ordered after every identifier made before it. */
    public static ChannelId generate(Clock clock) {
        return new ChannelId(Ids.ordered(PREFIX, clock));
    }

    @Override
    public String toString() {
        return value;
    }
}
