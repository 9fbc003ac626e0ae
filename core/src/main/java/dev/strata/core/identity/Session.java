package dev.strata.core.identity;

import java.time.Instant;
import java.util.Objects;

/** A signed-in session of an account, live until {@code expiresAt} or until it is ended. */
public record Session(SessionId id, AccountId accountId, Instant createdAt, Instant expiresAt) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
