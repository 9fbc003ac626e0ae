package dev.strata.core.identity;

import dev.strata.core.common.Ids;
import java.time.Clock;

/**
 * The identifier of an account: {@code acct_} and 26 base32 characters, ordered by creation time.
 * Constructing one from text checks it; a malformed value is a
 * {@link dev.strata.core.common.ValidationException}.
 */
public record AccountId(String value) {

    public static final String PREFIX = "acct";

    public AccountId {
        Ids.requireValid(PREFIX, value);
    }

    /** A new identifier, ordered after every identifier made before it. */
    public static AccountId generate(Clock clock) {
        return new AccountId(Ids.ordered(PREFIX, clock));
    }

    @Override
    public String toString() {
        return value;
    }
}
