package dev.strata.adapters.rest.identity;

import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.core.identity.Account;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;

/** An account as the API shows it: never a password or a hash. */
public record AccountResponse(String id, String email, String displayName, Instant createdAt, Instant updatedAt,
        long version) {

    static AccountResponse of(Account account) {
        return new AccountResponse(account.id().value(), account.email(), account.displayName(), account.createdAt(),
                account.updatedAt(), account.version());
    }

    /** The strong tag of an account's representation: its id and version. */
    static EntityTag tagOf(Account account) {
        return EntityTags.of(account.id().value(), account.version());
    }
}
