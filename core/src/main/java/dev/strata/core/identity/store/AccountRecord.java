package dev.strata.core.identity.store;

import dev.strata.core.identity.AccountId;
import java.time.Instant;
import java.util.Objects;

/** An account as the store keeps it, password hash included. */
public record AccountRecord(AccountId id, String email, String emailNormalized, String displayName,
        String passwordHash, Instant createdAt, Instant updatedAt, long version) {

    public AccountRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(emailNormalized, "emailNormalized");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public String toString() {
        return "AccountRecord[id=" + id + ", email=" + email + ", version=" + version + "]";
    }
}
