package dev.strata.adapters.persistence.postgres.identity;

import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.SessionId;
import dev.strata.core.identity.store.SessionRecord;
import java.time.Instant;

/** A row of {@code identity.sessions}. */
record SessionRow(String id, String accountId, Instant createdAt, Instant expiresAt) {

    SessionRecord toRecord() {
        return new SessionRecord(new SessionId(id), new AccountId(accountId), createdAt, expiresAt);
    }
}
