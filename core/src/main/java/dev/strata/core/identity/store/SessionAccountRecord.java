package dev.strata.core.identity.store;

import java.util.Objects;

/** A session joined to its account, read in one query when a token is verified. */
public record SessionAccountRecord(SessionRecord session, AccountRecord account) {

    public SessionAccountRecord {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(account, "account");
    }
}
