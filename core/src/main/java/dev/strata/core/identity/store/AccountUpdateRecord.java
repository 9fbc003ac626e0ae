package dev.strata.core.identity.store;

import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.SessionId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The new state of an account's mutable fields, written only if the account is still at
 * {@code expectedVersion}. When {@code endSessionsExcept} is present, every session of the account
 * but that one is ended in the same transaction (a password change signs out everywhere else).
 */
public record AccountUpdateRecord(AccountId id, long expectedVersion, String email, String emailNormalized,
        String displayName, String passwordHash, Instant updatedAt, Optional<SessionId> endSessionsExcept) {

    public AccountUpdateRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(emailNormalized, "emailNormalized");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(endSessionsExcept, "endSessionsExcept");
    }

    @Override
    public String toString() {
        return "AccountUpdateRecord[id=" + id + ", expectedVersion=" + expectedVersion + "]";
    }
}
