package dev.strata.adapters.rest.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.adapters.rest.http.Link;
import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.core.identity.Account;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An account as the API shows it: never a password or a hash. */
@Schema(name = "Account", description = "An account, as its owner sees it.")
public record AccountResponse(
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The account's id.",
                pattern = ACCOUNT_ID_PATTERN, maxLength = 31, example = "acct_01jd8zqk3v5m9w2x4y6z8a0b1c") String id,
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "email", maxLength = 254,
                example = "ada@example.com") String email,
        @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 100,
                example = "Ada Lovelace") String displayName,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "RFC 3339, UTC, microseconds.",
                example = "2026-01-02T03:04:05.123456Z") Instant createdAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "RFC 3339, UTC, microseconds.",
                example = "2026-01-02T03:04:05.123456Z") Instant updatedAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Increases by one with every change.",
                minimum = "0", maximum = "9223372036854775807", example = "0") long version,
        @Schema(requiredMode = RequiredMode.REQUIRED, maxProperties = 10, description = "Links by relation: self,"
                + " sessions, posts, closure (POST with the current password to close the account).")
        @JsonProperty("_links") Map<String, Link> links) {

    /** The shape of an account id: {@code acct_} and 26 characters of lowercase Crockford base32. */
    static final String ACCOUNT_ID_PATTERN = "^acct_[0-9a-hjkmnp-tv-z]{26}$";

    static AccountResponse of(Account account) {
        String self = "/v1/accounts/" + account.id().value();
        Map<String, Link> links = new LinkedHashMap<>();
        links.put("self", new Link(self));
        links.put("sessions", new Link(self + "/sessions"));
        links.put("posts", new Link(self + "/posts"));
        links.put("closure", new Link(self + "/closure"));
        return new AccountResponse(account.id().value(), account.email(), account.displayName(), account.createdAt(),
                account.updatedAt(), account.version(), links);
    }

    /** The strong tag of an account's representation: its id and version. */
    static EntityTag tagOf(Account account) {
        return EntityTags.of(account.id().value(), account.version());
    }
}
