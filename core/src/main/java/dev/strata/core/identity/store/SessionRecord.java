package dev.strata.core.identity.store;

import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.SessionId;
import java.time.Instant;
import java.util.Objects;

/** A session as the store keeps it. */
public record SessionRecord(SessionId id, AccountId accountId, Instant createdAt, Instant expiresAt) {

    public SessionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
