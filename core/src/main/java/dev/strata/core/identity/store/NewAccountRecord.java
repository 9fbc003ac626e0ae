package dev.strata.core.identity.store;

import dev.strata.core.identity.AccountId;
import java.time.Instant;
import java.util.Objects;

/**
 * An account to insert, as the store keeps it. {@code emailNormalized} is what uniqueness is
 * decided on (the service lower-cases it); the store inserts it with version 0 and
 * {@code updatedAt = createdAt}.
 */
public record NewAccountRecord(AccountId id, String email, String emailNormalized, String displayName,
        String passwordHash, Instant createdAt) {

    public NewAccountRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(emailNormalized, "emailNormalized");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "NewAccountRecord[id=" + id + ", email=" + email + "]";
    }
}
