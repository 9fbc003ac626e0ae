package dev.strata.adapters.persistence.postgres.identity;

import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.SessionId;
import dev.strata.core.identity.store.AccountRecord;
import dev.strata.core.identity.store.SessionAccountRecord;
import dev.strata.core.identity.store.SessionRecord;
import java.time.Instant;

/** A row of the view {@code identity.session_accounts}: a session and its account side by side. */
record SessionAccountRow(String sessionId, String accountId, Instant sessionCreatedAt, Instant expiresAt,
        String email, String emailNormalized, String displayName, String passwordHash, Instant accountCreatedAt,
        Instant accountUpdatedAt, long accountVersion) {

    SessionAccountRecord toRecord() {
        AccountId account = new AccountId(accountId);
        return new SessionAccountRecord(
                new SessionRecord(new SessionId(sessionId), account, sessionCreatedAt, expiresAt),
                new AccountRecord(account, email, emailNormalized, displayName, passwordHash, accountCreatedAt,
                        accountUpdatedAt, accountVersion));
    }
}
