package dev.strata.core.posts;

import dev.strata.core.common.Ids;
import java.time.Clock;

/**
 * The identifier of a post: {@code post_} and 26 base32 characters, ordered by creation time.
 * Constructing one from text checks it; a malformed value is a
 * {@link dev.strata.core.common.ValidationException}.
 */
public record PostId(String value) {

    public static final String PREFIX = "post";

    public PostId {
        Ids.requireValid(PREFIX, value);
    }

    /** A new identifier, ordered after every identifier made before it. */
    public static PostId generate(Clock clock) {
        return new PostId(Ids.ordered(PREFIX, clock));
    }

    @Override
    public String toString() {
        return value;
    }
}
