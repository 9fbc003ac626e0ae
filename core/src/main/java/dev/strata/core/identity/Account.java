package dev.strata.core.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * An account as the identity service hands it out. It never holds the password hash: that stays
 * in the store's {@link dev.strata.core.identity.store.AccountRecord}.
 *
 * @param version the optimistic-concurrency version; 0 when created, one more after each change
 */
public record Account(AccountId id, String email, String displayName, Instant createdAt, Instant updatedAt,
        long version) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
