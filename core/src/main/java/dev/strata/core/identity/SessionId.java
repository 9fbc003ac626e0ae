package dev.strata.core.identity;

import dev.strata.core.common.Ids;

/**
 * The identifier of a session: {@code ses_} and 26 base32 characters of 128 random bits. It is a
 * secret: a client only ever holds it inside a signed token.
 */
public record SessionId(String value) {

    public static final String PREFIX = "ses";

    public SessionId {
        Ids.requireValid(PREFIX, value);
    }

    /** A new, unguessable identifier. */
    public static SessionId generate() {
        return new SessionId(Ids.random(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
