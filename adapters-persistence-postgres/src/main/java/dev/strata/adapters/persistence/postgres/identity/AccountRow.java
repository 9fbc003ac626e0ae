package dev.strata.adapters.persistence.postgres.identity;

import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.store.AccountRecord;
import java.time.Instant;

/** A row of {@code identity.accounts}. */
record AccountRow(String id, String email, String emailNormalized, String displayName, String passwordHash,
        Instant createdAt, Instant updatedAt, long version) {

    AccountRecord toRecord() {
        return new AccountRecord(new AccountId(id), email, emailNormalized, displayName, passwordHash, createdAt,
                updatedAt, version);
    }
}
